import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension SiteWriter.StagingArea {
    /// The size of every file the site will hold: those staged, and those of the previous site it
    /// takes over at commit. What `du --apparent-size` counts of the files, before the swap.
    public func fileSizes() -> [(path: String, bytes: Int64)] {
        lock.lock(); let all = paths; lock.unlock()
        return all.map { path in
            var info = stat()
            if lstat(root.child(path).path, &info) != 0 { _ = lstat(writer.output.child(path).path, &info) }
            return (path, Int64(info.st_size))
        }
    }
}

/// How big a site is and what makes it so, for the closing line of a build and `--max-site-size`.
public struct SiteSize: Sendable {
    public var bytes: Int64 = 0
    /// The largest top-level folders (projects, `reports`, `assets`) and kinds of file, biggest first.
    public var folders: [(name: String, bytes: Int64)] = []
    public var kinds: [(name: String, bytes: Int64)] = []

    public init(files: [(path: String, bytes: Int64)]) {
        var byFolder: [String: Int64] = [:], byKind: [String: Int64] = [:]
        for (path, size) in files {
            bytes += size
            let parts = path.split(separator: "/")
            byFolder[parts.count > 1 ? String(parts[0]) + "/" : String(path), default: 0] += size
            byKind[Self.kind(of: path), default: 0] += size
        }
        folders = byFolder.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
        kinds = byKind.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    /// What a file is, for the breakdown: chart data, figures, pages, copied run files, media.
    static func kind(of path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        if parts.contains("files") { return "run files (artifacts)" }
        if parts.contains("media") || parts.contains("notes") { return "images" }
        if parts.contains("figures") { return path.hasSuffix(".csv") ? "chart CSVs" : "figures (SVG)" }
        if parts.contains("tables") { return "table downloads" }
        if path.hasSuffix(".html") { return "pages" }
        return "other"
    }

    /// `1.33 GB`, `150 MB`, `12.3 KB` (powers of 1000, as `du --si` and hosting limits count).
    public static func text(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: value < 10 ? "%.2f %@" : value < 100 ? "%.1f %@" : "%.0f %@", value, units[unit])
    }

    /// `150M`, `1.5G`, `600MB`, `2000000` (bytes), in powers of 1000; nil when unreadable.
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let suffixes: [(String, Double)] = [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("T", 1e12), ("G", 1e9), ("M", 1e6), ("K", 1e3), ("B", 1)]
        for (suffix, factor) in suffixes where trimmed.hasSuffix(suffix) {
            guard let number = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number >= 0, number.isFinite else { return nil }
            return Int64(number * factor)
        }
        return Int64(trimmed).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// The message of a build over its budget: the size, and the biggest folders and kinds.
    public func overBudget(_ limit: Int64) -> String {
        let folderText = folders.prefix(5).map { "\($0.name) \(Self.text($0.bytes))" }.joined(separator: ", ")
        let kindText = kinds.prefix(5).map { "\($0.name) \(Self.text($0.bytes))" }.joined(separator: ", ")
        return "the site would be \(Self.text(bytes)), over --max-site-size \(Self.text(limit)); the old site was kept. Biggest folders: \(folderText). By kind: \(kindText)"
    }
}
