import ArgumentParser
import Foundation
import RunsiteBuild

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Work with page templates.", subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the default templates and assets into DIR, to customise and pass with --templates.")

        @Argument(help: "The folder to create; it must not exist or be empty.")
        var directory: String

        func run() throws {
            let root = TemplateLoader.locateResources(executable: CommandLine.arguments[0])
            let fm = FileManager.default
            let target = URL(fileURLWithPath: directory)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw RunsiteError("'\(directory)' is a file, not a folder")
            }
            if let existing = try? fm.contentsOfDirectory(atPath: target.path), !existing.isEmpty {
                throw RunsiteError("'\(directory)' is not empty")
            }
            try fm.createDirectory(at: target.appendingPathComponent("assets"), withIntermediateDirectories: true)
            for (sub, dest) in [("templates", target), ("assets", target.appendingPathComponent("assets"))] {
                let source = root.appendingPathComponent(sub)
                for name in try fm.contentsOfDirectory(atPath: source.path).sorted() where !name.hasPrefix(".") {
                    try fm.copyItem(at: source.appendingPathComponent(name), to: dest.appendingPathComponent(name))
                }
            }
            print("copied the default templates into \(directory); build with --templates \(directory)")
        }
    }
}
