import Foundation

/// A runsite project's name, description and README, from the nearest `project.json` above a run.
struct ProjectInfo {
    /// The folder the project is: where `project.json` is, else the run's parent folder.
    var folder: URL
    var name: String
    var description: String?
    var readme: String?

    /// Looks in the run's parent folders up to the input root for `project.json` or `README.md`;
    /// without them the project is named after the run's parent folder (or the input).
    /// A run inside another run's folder belongs to that run's project.
    static func find(above runDirectory: URL, inputRoot: URL, context: ReaderContext) -> ProjectInfo {
        let rootPath = inputRoot.standardizedFileURL.path
        var runDirectory = runDirectory.standardizedFileURL
        while runDirectory.path != rootPath, runDirectory.path.hasPrefix(rootPath),
              FilePaths.exists(runDirectory.deletingLastPathComponent().child("runsite.json")) {
            runDirectory = runDirectory.deletingLastPathComponent()
        }
        var directory = runDirectory.deletingLastPathComponent().standardizedFileURL
        while directory.path.hasPrefix(rootPath) {
            let file = directory.child("project.json")
            if FilePaths.exists(file) { return read(file, in: directory, context: context) }
            if directory.path == rootPath { break }
            directory = directory.deletingLastPathComponent()
        }
        let parent = runDirectory.deletingLastPathComponent().standardizedFileURL
        let base = parent.path.hasPrefix(rootPath) ? parent : inputRoot
        return ProjectInfo(folder: base, name: base.lastPathComponent, description: nil, readme: context.readmes.text(of: base, load: readme))
    }

    private static func read(_ file: URL, in directory: URL, context: ReaderContext) -> ProjectInfo {
        var info = ProjectInfo(folder: directory, name: directory.lastPathComponent, description: nil, readme: context.readmes.text(of: directory, load: readme))
        guard let value = JSONParser.readFile(file, context: context, invalid: { .malformedJSON(format: "runsite", $0) }) else { return info }
        if let name = value["name"]?.string, !name.isEmpty { info.name = name }
        info.description = value["description"]?.string
        return info
    }

    private static func readme(in directory: URL) -> String? {
        let url = directory.child("README.md")
        guard let data = FilePaths.contents(url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
