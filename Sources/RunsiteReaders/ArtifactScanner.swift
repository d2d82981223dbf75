import Crypto
import Foundation
import RunsiteModel

/// Lists the files under an artifact folder with their size and SHA-256.
public enum ArtifactScanner {
    /// Files under `directory`, paths relative to it. Symlinks leaving `runRoot` are skipped with a warning.
    public static func scan(_ directory: URL, runRoot: URL, context: ReaderContext) -> [Artifact] {
        guard FilePaths.isDirectory(directory) else { return [] }
        let files = FilePaths.files(under: directory, confinedTo: runRoot) { url in
            context.warn(.symlinkOutsideRun, url)
        }
        return files.compactMap { rel in
            let url = directory.child(rel)
            let hash = context.options.hashArtifacts ? sha256(of: url) : nil
            if context.options.hashArtifacts && hash == nil {
                // Listed, it would be a link to a file the site cannot hold.
                context.warn(.unreadableArtifact, url)
                return nil
            }
            let size = FilePaths.targetSize(url)
            return Artifact(path: rel, size: size, sha256: hash, sourceFile: url.path, preview: preview(of: url, size: size))
        }
    }

    static let textExtensions: Set<String> = ["txt", "json", "jsonl", "csv", "tsv", "yaml", "yml", "md", "log", "out", "err", "py", "cfg", "ini", "toml"]

    /// The first 4 KB of a small (≤ 256 KB) text file, cut at a line end; nil for other files.
    public static func preview(of url: URL, size: Int64) -> String? {
        guard size <= 256_000, textExtensions.contains(url.pathExtension.lowercased()),
              let handle = FilePaths.readHandle(url) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 4096) else { return nil }
        var bytes = [UInt8](data)
        if bytes.contains(0) { return nil }
        if size > 4096, let lastNewline = bytes.lastIndex(of: 10) { bytes = Array(bytes[...lastNewline]) }
        let text = String(decoding: bytes, as: UTF8.self)
        return size > Int64(bytes.count) ? text + "…\n" : text
    }

    /// Hex SHA-256 of a file, streamed in 1 MiB blocks.
    public static func sha256(of url: URL) -> String? {
        guard let handle = FilePaths.readHandle(url) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return SourceHashes.hex(hasher.finalize())
    }

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp"]

    public static func isImage(_ path: String) -> Bool {
        imageExtensions.contains((path as NSString).pathExtension.lowercased())
    }
}
