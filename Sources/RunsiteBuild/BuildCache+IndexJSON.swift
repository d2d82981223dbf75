import Foundation
import RunsiteCore

extension BuildCache.Index {
    /// The index as compact JSON, written field by field (read back with `JSONDecoder`).
    ///
    /// Not `JSONEncoder`, which first builds a tree of every value: for thousands of units and pages
    /// that tree is many times the size of the text and the largest allocation of the build, at its
    /// very end; for the same reason the text is written as it is, not copied into bytes. Keys are
    /// sorted, so the bytes depend only on the index.
    func json() throws -> String {
        var out = ""
        out.reserveCapacity(estimatedSize)
        out += "{\"pages\":{"
        for (i, path) in pages.keys.sorted().enumerated() {
            let page = pages[path]!
            if i > 0 { out += "," }
            JSONWriter.quote(path, into: &out)
            out += ":{\"files\":["
            for (k, file) in page.files.enumerated() {
                if k > 0 { out += "," }
                JSONWriter.quote(file, into: &out)
            }
            out += "],\"fingerprint\":"
            JSONWriter.quote(page.fingerprint, into: &out)
            out += "}"
        }
        out += "},\"units\":{"
        let diagnostics = JSONEncoder()
        diagnostics.outputFormatting = [.sortedKeys]
        for (i, key) in units.keys.sorted().enumerated() {
            let unit = units[key]!
            if i > 0 { out += "," }
            JSONWriter.quote(key, into: &out)
            out += ":{\"diagnostics\":"
            // Few, and nested (locations): the one part left to `JSONEncoder`.
            out += unit.diagnostics.isEmpty ? "[]" : String(decoding: try diagnostics.encode(unit.diagnostics), as: UTF8.self)
            out += ",\"digests\":["
            for (k, digest) in unit.digests.enumerated() {
                if k > 0 { out += "," }
                out += "{\"hash\":"
                JSONWriter.quote(digest.hash, into: &out)
                out += ",\"name\":"
                JSONWriter.quote(digest.name, into: &out)
                if digest.series == true { out += ",\"series\":true" }
                out += "}"
            }
            out += "],\"files\":["
            for (k, file) in unit.files.enumerated() {
                if k > 0 { out += "," }
                out += "{\"path\":"
                JSONWriter.quote(file.path, into: &out)
                if let sha = file.sha256 {
                    out += ",\"sha256\":"
                    JSONWriter.quote(sha, into: &out)
                }
                out += ",\"size\":" + String(file.size) + "}"
            }
            out += "],\"signature\":"
            JSONWriter.quote(unit.signature, into: &out)
            out += "}"
        }
        out += "},\"version\":"
        JSONWriter.quote(version, into: &out)
        out += "}"
        return out
    }

    /// About the length of `json()`: every string's bytes and each field's punctuation, with room
    /// for a few escapes, so that the text is allocated once. Grown by doubling, L's index (6.4 MB)
    /// held 19 MB at the end of the build, its peak.
    var estimatedSize: Int {
        var n = 64
        for (path, page) in pages {
            n += path.utf8.count + page.fingerprint.utf8.count + 32
            for file in page.files { n += file.utf8.count + 3 }
        }
        for (key, unit) in units {
            n += key.utf8.count + unit.signature.utf8.count + 64 + 512 * unit.diagnostics.count
            for digest in unit.digests { n += digest.hash.utf8.count + digest.name.utf8.count + 40 }
            for file in unit.files { n += file.path.utf8.count + (file.sha256?.utf8.count ?? 0) + 48 }
        }
        return n + n / 16
    }
}
