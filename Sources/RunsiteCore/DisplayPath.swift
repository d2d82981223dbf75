import Foundation

/// Paths as messages show them, and '/'-separated paths relative to a folder.
public enum DisplayPath {
    /// `path` relative to `base`; "." when equal, `path` itself when it is not below `base`.
    public static func relative(_ path: String, to base: String) -> String {
        let p = path.hasSuffix("/") ? String(path.dropLast()) : path
        let b = base.hasSuffix("/") ? String(base.dropLast()) : base
        if p == b { return "." }
        if p.hasPrefix(b + "/") { return String(p.dropFirst(b.count + 1)) }
        return p
    }

    /// A path for messages: relative to the current directory when below it, else absolute.
    public static func of(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL
        let rel = relative(standardized.path, to: FileManager.default.currentDirectoryPath)
        return rel == "." ? standardized.lastPathComponent : rel
    }
}
