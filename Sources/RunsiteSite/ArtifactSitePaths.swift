import RunsiteCore
import RunsiteModel

/// Where each artifact of one run is served, relative to the run's folder: `files/` and the
/// artifact's listed path, with active types under a neutral name (`ActiveContent`). Two different
/// files never share a path: when two names collide (same path, same path but for case, or one
/// file's path is the other's folder), each colliding file moves under `files/<hash>/`, where the
/// hash is of its source path relative to the run folder, so the result is the same on every build.
///
///     artifacts/model.pt (run folder), artifacts/model.pt (repository root)
///       → files/3f2a9c1e/artifacts/model.pt, files/b07d44a2/artifacts/model.pt
enum ArtifactSitePaths {
    static func paths(for run: Run) -> [String] {
        let natural = run.artifacts.map { "files/" + RunMedia.safeSegments(ActiveContent.neutral($0.path)) }
        // Files with one source share one path: they are the same bytes.
        var sources: [String: Set<String>] = [:]
        for (path, artifact) in zip(natural, run.artifacts) { sources[path.lowercased(), default: []].insert(artifact.sourceFile) }
        var folders = Set(natural.flatMap { folderPrefixes(of: $0.lowercased()) })
        var taken = Set<String>()
        var result = natural
        for i in natural.indices {
            let key = natural[i].lowercased()
            if sources[key]!.count == 1 && !folders.contains(key) { taken.insert(key); continue }
            result[i] = hashed(run.artifacts[i], natural[i], in: run.directory, salt: 0)
        }
        // A hashed path can only collide with another by a hash collision or by an artifact named
        // like a hash folder; either way the later file takes a salted hash.
        for i in natural.indices where result[i] != natural[i] {
            var salt = 1
            while taken.contains(result[i].lowercased()) || folders.contains(result[i].lowercased())
                    || folderPrefixes(of: result[i].lowercased()).contains(where: taken.contains) {
                result[i] = hashed(run.artifacts[i], natural[i], in: run.directory, salt: salt)
                salt += 1
            }
            taken.insert(result[i].lowercased())
            folders.formUnion(folderPrefixes(of: result[i].lowercased()))
        }
        return result
    }

    /// `a/b/c` → `a`, `a/b`.
    private static func folderPrefixes(of path: String) -> [String] {
        var prefixes: [String] = []
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: "/") {
            prefixes.append(String(path[..<slash]))
            index = path.index(after: slash)
        }
        return prefixes
    }

    /// The artifact's source file relative to the run folder (`../` when outside it), which is the
    /// same on every machine the input is copied to.
    static func source(of artifact: Artifact, in runDirectory: String) -> String {
        let from = runDirectory.split(separator: "/")
        let to = artifact.sourceFile.split(separator: "/")
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    /// `files/<hash>/` and the natural path without its `files/`.
    private static func hashed(_ artifact: Artifact, _ natural: String, in runDirectory: String, salt: Int) -> String {
        let key = source(of: artifact, in: runDirectory) + (salt == 0 ? "" : "#\(salt)")
        return "files/" + hash(key) + "/" + natural.dropFirst("files/".count)
    }

    private static func hash(_ text: String) -> String {
        let value = FNV1a.hash(text.utf8) >> 32
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
