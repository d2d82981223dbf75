import Foundation

/// Folders written from and read into dictionaries, relative path → contents, so that a test shows
/// the files it reads and the files it checks in one place.
public enum FileTree {
    /// Writes each file below `root` as UTF-8, creating folders as needed.
    public static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Every regular file below `root`, relative path → bytes.
    public static func read(_ root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = root.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = FileManager.default.contents(atPath: url.path)
        }
        return result
    }
}
