import Crypto
import Foundation
import RunsiteModel

/// Lists the files under an artifact folder with their size and SHA-256.
public enum ArtifactScanner {
    /// Files under `directory`, paths relative to it. Symlinks leaving `runRoot` are skipped with a warning.
    public static func scan(_ directory: URL, runRoot: URL, context: ReaderContext) -> [Artifact] {
        guard FilePaths.isDirectory(directory) else { return [] }
        let files = FilePaths.files(under: directory, confinedTo: runRoot) { url in
            context.warn("reader.symlink-outside-run", "symlink points outside the run and is skipped", url)
        }
        return files.map { rel in
            let url = directory.appendingPathComponent(rel)
            let hash = context.options.hashArtifacts ? sha256(of: url) : nil
            if context.options.hashArtifacts && hash == nil {
                context.warn("reader.unreadable-file", "file cannot be read", url)
            }
            return Artifact(path: rel, size: FilePaths.size(url), sha256: hash, sourceFile: url.path)
        }
    }

    /// Hex SHA-256 of a file, streamed in 1 MiB blocks.
    public static func sha256(of url: URL) -> String? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Total bytes of all regular files under `directory`.
    public static func diskUsage(_ directory: URL) -> Int64 {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) else { return 0 }
        var total: Int64 = 0
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values?.isRegularFile == true { total += Int64(values?.fileSize ?? 0) }
        }
        return total
    }

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp"]

    public static func isImage(_ path: String) -> Bool {
        imageExtensions.contains((path as NSString).pathExtension.lowercased())
    }
}
