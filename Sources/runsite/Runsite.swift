import ArgumentParser
import Foundation
import RunsiteBuild
import RunsiteAllocator

@main
struct Runsite: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "runsite",
        abstract: "Turn ML experiment run directories into a static HTML site.",
        version: version,
        subcommands: [BuildCommand.self, WatchCommand.self, DigestCommand.self, ExportCommand.self, DiffCommand.self, BundleCommand.self, ServeCommand.self,
                      TemplatesCommand.self])

    static func main() {
        AllocatorTuning.apply()
        main(nil)
    }
}
