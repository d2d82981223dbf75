import Foundation
import RunsiteSite

/// The report pages of `--report` and `--reports`.
public enum ReportFiles {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Loads `--report` files and every `*.md` of each `--reports` folder (sorted by name) as
    /// pages named after their file; a repeated name gets `-2`, `-3`, ….
    public static func load(_ paths: [String], directories: [String] = []) throws -> [UserPage] {
        var all = paths
        for directory in directories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw ReportFiles.Failure("cannot read the reports folder '\(directory)'")
            }
            all += names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
        }
        var used = Set<String>()
        return try all.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReportFiles.Failure("cannot read report '\(path)'")
            }
            let name = Self.slug(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
            var slug = name
            var n = 2
            while !used.insert(slug).inserted { slug = "\(name)-\(n)"; n += 1 }
            return UserPage(file: path, slug: slug, text: String(decoding: data, as: UTF8.self))
        }
    }

    /// The page name: the file name, with every character other than an ASCII letter, digit,
    /// `-`, `_` or `.` turned into `-`, so that the page's file name is also a working link
    /// (`#`, `?`, `%` and spaces would not be).
    static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", ".": out.unicodeScalars.append(scalar)
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        while out.hasPrefix("-") || out.hasPrefix(".") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "report" : out
    }
}
