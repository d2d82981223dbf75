import RunsiteCore

/// File-system and URL safe names for projects and runs. Stable across builds (the same name
/// always gives the same slug), so that links to runs are permalinks.
enum Slug {
    /// Lowercase ASCII letters, digits, `-`, `_` and `.`; other characters become `-`. When nothing
    /// readable is left (a name in another script), or the name is one the site uses, a short hash
    /// of the original keeps names apart.
    static func make(_ name: String) -> String {
        let out = readable(name)
        return out.isEmpty || reserved.contains(out) ? (out.isEmpty ? "x" : out) + "-" + hash(name) : out
    }

    /// Whether `name` is its own slug: the same text, nothing lost and nothing reserved.
    static func isSafe(_ name: String) -> Bool { make(name) == name }

    /// The readable part of a slug (possibly empty): `name` lowercased, other characters as `-`,
    /// trimmed, at most 48 characters.
    static func readable(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-", "_", ".": out.unicodeScalars.append(scalar)
            case "A"..."Z": out += scalar.properties.lowercaseMapping
            default:
                if !out.hasSuffix("-") { out += "-" }
            }
        }
        while out.hasPrefix("-") || out.hasPrefix(".") { out.removeFirst() }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        if out.count > 48 { out = String(out.prefix(48)) }
        return out
    }

    /// Names the site itself uses at the top level or beside run folders: a project or run that
    /// would take one gets its name with a hash instead, the same in every build.
    private static let reserved: Set<String> = ["assets", "index.html", "runs.json", "manifest.json", "live.js", "reports", "media", "files",
                                                "figures", "tables", "notes", SeriesCSV.fileName]

    /// FNV-1a, 32 bits, as 8 hex digits: stable on every platform (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String) -> String { FNV1a.hex32(text) }
}
