import RunsiteCore

/// File-system and URL safe names for projects and runs. Stable across builds (the same name
/// always gives the same slug), so that links to runs are permalinks.
enum Slug {
    /// Lowercase ASCII letters, digits, `-`, `_` and `.`; other characters become `-`. When nothing
    /// readable is left (a name in another script), a short hash of the original keeps names apart;
    /// `SiteMap` numbers the remaining collisions.
    static func make(_ name: String) -> String {
        var out = ""
        var changed = false
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
        if out.isEmpty || reserved.contains(out) { changed = true }
        return changed ? (out.isEmpty ? "x" : out) + "-" + hash(name) : out
    }

    /// Names the site itself uses at the top level or beside run folders: a project or run that
    /// would take one gets its name with a hash instead, the same in every build.
    private static let reserved: Set<String> = ["assets", "index.html", "runs.json", "manifest.json", "reports", "media", "files",
                                                "figures", "tables"]

    /// FNV-1a, 32 bits, as 8 hex digits: stable on every platform (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String) -> String { FNV1a.hex32(text) }
}
