import Foundation
import RunsiteCore
import RunsiteSite

/// Loads templates and assets. The defaults live in the repository's `templates/` and `assets/`
/// (found at run time, since SwiftPM resources cannot sit at the package's top level);
/// `--templates DIR` overrides them file by file.
public enum TemplateLoader {
    public static func load(root: URL, override: URL?, log: DiagnosticLog) throws -> TemplateSet {
        let defaults = root.appendingPathComponent("templates")
        var files: [String: (path: String, text: String)] = [:]
        for directory in [defaults, override].compactMap({ $0 }) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            where name.hasSuffix(".md") || name.hasSuffix(".html") {
                let url = directory.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    log.warning(.templateUnreadable, at: SourceLocation(file: url.path))
                    continue
                }
                files[name] = (displayPath(url), String(decoding: data, as: UTF8.self))
            }
        }
        if let override {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: override.path, isDirectory: &isDirectory) else {
                throw Pipeline.Failure.missingResources("template directory '\(override.path)' does not exist")
            }
            guard isDirectory.boolValue else {
                throw Pipeline.Failure.missingResources("template directory '\(override.path)' is a file, not a folder")
            }
        }
        let missing = TemplateSet.requiredFiles.filter { files[$0] == nil }
        guard missing.isEmpty else {
            throw Pipeline.Failure.missingResources(
                "templates missing: \(missing.joined(separator: ", ")) (looked in '\(defaults.path)'; set RUNSITE_HOME to the folder holding templates/ and assets/, or pass --templates)")
        }
        var assets: [String: [UInt8]] = [:]
        var modules: [String: [UInt8]] = [:]
        var ownScript = false
        let assetDir = root.appendingPathComponent("assets")
        let overrideAssets = override?.appendingPathComponent("assets")
        for directory in [assetDir, overrideAssets].compactMap({ $0 }) {
            for (name, data) in regularFiles(in: directory) { assets[name] = data }
            for (name, data) in regularFiles(in: directory.appendingPathComponent(ScriptModules.folder)) where name.hasSuffix(".js") {
                modules[name] = data
            }
            if directory == overrideAssets, FileManager.default.fileExists(atPath: directory.appendingPathComponent(ScriptModules.script).path) {
                ownScript = true
            }
        }
        if !modules.isEmpty && !ownScript { assets[ScriptModules.script] = ScriptModules.join(modules) }
        return TemplateSet(files: files, assets: assets)
    }

    /// The readable files (not folders) directly in `directory`, by name; hidden files left out.
    private static func regularFiles(in directory: URL) -> [(String, [UInt8])] {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).sorted().compactMap { name in
            var isDirectory: ObjCBool = false
            let path = directory.appendingPathComponent(name).path
            guard !name.hasPrefix("."), fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = fm.contents(atPath: path) else { return nil }
            return (name, [UInt8](data))
        }
    }

    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// The folder that holds `templates/` and `assets/`: `$RUNSITE_HOME`, else the nearest
    /// ancestor of the executable that has them (a checkout running `swift run`), else the current directory.
    public static func locateResources(executable: String) -> URL {
        let fm = FileManager.default
        if let home = ProcessInfo.processInfo.environment["RUNSITE_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home)
        }
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            if fm.fileExists(atPath: directory.appendingPathComponent("templates/layout.html").path) { return directory }
            let share = directory.appendingPathComponent("share/runsite")
            if fm.fileExists(atPath: share.appendingPathComponent("templates/layout.html").path) { return share }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: fm.currentDirectoryPath)
    }
}
