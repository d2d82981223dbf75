import Foundation

/// What runsite uses from a DVC project's `dvc.yaml` for DVCLive runs: where the project is, which
/// DVCLive folders it lists, the x/y field names of confusion-matrix plots, and the `artifacts:` section.
///
/// DVCLive writes (by default) one `dvc.yaml` at the working folder and merges every `Live` into it, so
/// one file may list several DVCLive folders. Paths in it are relative to the file's folder.
struct DVCProjectFile {
    /// The folder holding `dvc.yaml` (the DVC project, or the DVCLive folder itself in some 3.x versions).
    var directory: URL
    /// Standardized absolute paths of the DVCLive folders that `params:` and `metrics:` entries point into.
    var liveDirectories: Set<String> = []
    /// Plot file path (standardized, absolute) → (x field, y field) for `template: confusion*` entries.
    var confusionFields: [String: (x: String, y: String)] = [:]
    /// `artifacts:` entries in file order: name and absolute URL.
    var artifacts: [(name: String, url: URL)] = []
    /// Top-level `metrics:` and `plots:` entries in file order: the section, the path as written,
    /// and its absolute URL (see `DVCCoverage`).
    var declared: [(section: String, path: String, url: URL)] = []
    /// Standardized absolute paths of every stage's `outs:`, `metrics:` and `plots:` (relative to the
    /// stage's `wdir:`): files DVC makes or fetches, so their absence is not damage.
    var stageOutputs: Set<String> = []

    /// Whether the absolute `path` is a stage's output or lies inside one (an output may be a folder).
    func isStageOutput(_ path: String) -> Bool {
        stageOutputs.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// The nearest `dvc.yaml` at or above `directory`, looking no higher than the input root.
    static func find(above directory: URL, context: ReaderContext) -> DVCProjectFile? {
        var folder = directory.standardizedFileURL
        let root = context.inputRoot.standardizedFileURL.path
        while true {
            let file = folder.child("dvc.yaml")
            if FilePaths.exists(file) { return read(file, context: context) }
            if folder.path == root || !within(folder.path, root) || folder.path == "/" { return nil }
            folder = folder.deletingLastPathComponent()
        }
    }

    /// The DVC project folder above a DVCLive folder: the nearest folder holding `dvc.yaml` or `.dvc`,
    /// starting at the DVCLive folder's parent and looking no higher than the input root.
    static func projectDirectory(above directory: URL, context: ReaderContext) -> URL? {
        var folder = directory.standardizedFileURL.deletingLastPathComponent()
        let root = context.inputRoot.standardizedFileURL.path
        while within(folder.path, root) {
            if FilePaths.exists(folder.child("dvc.yaml")) || FilePaths.isDirectory(folder.child(".dvc")) {
                return folder
            }
            if folder.path == root || folder.path == "/" { break }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// Whether `path` is `root` or below it (plain prefix tests would take `/a/bc` to be inside `/a/b`).
    private static func within(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The file at `url`, or nil (with a warning in `context`, when given) when it cannot be read or parsed.
    static func read(_ url: URL, context: ReaderContext?) -> DVCProjectFile? {
        let directory = url.deletingLastPathComponent().standardizedFileURL
        guard let bytes = ByteReading.contents(of: url) else {
            context?.warn(.unreadableFile, url)
            return nil
        }
        let value: JSONValue
        do {
            value = try JSONValue.parseYAML(String(decoding: bytes, as: UTF8.self))
        } catch {
            context?.warn(.dvcliveMalformedYAML(YAMLParams.problem(of: error)), url, line: YAMLErrorPosition.of(error)?.line)
            return nil
        }
        var file = DVCProjectFile(directory: directory)
        func absolute(_ path: String) -> URL { directory.child(path).standardizedFileURL }
        for key in ["params", "metrics"] {
            for entry in value[key]?.array ?? [] {
                if let path = entry.string { file.liveDirectories.insert(absolute(path).deletingLastPathComponent().path) }
            }
        }
        for key in ["metrics", "plots"] {
            for entry in value[key]?.array ?? [] {
                // An entry is a path or a one-key mapping {path: {options}}.
                if let path = entry.string ?? entry.object?.first?.0 { file.declared.append((key, path, absolute(path))) }
            }
        }
        for (_, stage) in value["stages"]?.object ?? [] {
            let base = stage["wdir"]?.string.map(absolute) ?? directory
            for key in ["outs", "metrics", "plots"] {
                for entry in stage[key]?.array ?? [] {
                    if let path = entry.string ?? entry.object?.first?.0 { file.stageOutputs.insert(base.child(path).standardizedFileURL.path) }
                }
            }
        }
        for entry in value["plots"]?.array ?? [] {
            // An entry is either a path or a one-key mapping {path: {template, x, y, …}}.
            guard let (path, config) = entry.object?.first, let template = config["template"]?.string,
                  template.hasPrefix("confusion") else { continue }
            file.confusionFields[absolute(path).path] = (config["x"]?.string ?? "actual", config["y"]?.string ?? "predicted")
        }
        for (name, meta) in value["artifacts"]?.object ?? [] {
            guard let path = meta["path"]?.string else {
                context?.warn(.dvcliveArtifactWithoutPath(name), url, yamlKey: ["artifacts", name])
                continue
            }
            file.artifacts.append((name, absolute(path)))
        }
        return file
    }
}
