import Foundation
import Synchronization
import RunsiteCore
import RunsiteModel
import RunsiteReaders

/// `manifest.json` at the site's root: which runs were read from which source files (with size and
/// SHA-256), by which reader, and with which drawing settings (decimation, smoothing) — so that a
/// figure in a paper can be traced back to the exact files it was drawn from.
struct Provenance {
    struct SourceFile: Codable, Hashable { var path: String; var size: Int64; var sha256: String? }
    struct Unit: Codable { var reader: String; var path: String; var runs: [RunID]; var files: [SourceFile] }

    private var units: [String: Unit] = [:]

    /// The files of a unit (every regular file under its item, or the item itself), hashed; the
    /// artifacts of its runs, and the files the reader read whole (`read`), were hashed while
    /// reading them and are not read again.
    static func files(of unit: ReadUnit, runs: [Run], relativeTo context: ReaderContext, read: SourceHashes? = nil) -> [SourceFile] {
        var known: [String: String] = [:]
        for run in runs { for artifact in run.artifacts { if let sha = artifact.sha256 { known[artifact.sourceFile] = sha } } }
        let root = unit.item
        let urls = FilePaths.isDirectory(root) ? FilePaths.files(under: root, confinedTo: root).map { root.child($0) } : [root]
        return urls.map { url in
            SourceFile(path: context.relativePath(url), size: FilePaths.size(url), sha256: known[url.path] ?? read?.sha256(ofPath: url.path) ?? ArtifactScanner.sha256(of: url))
        }
    }

    mutating func add(_ unit: Unit, key: String) {
        units[key] = unit
    }

    func json(settings: [(String, String)], version: String) -> String {
        var json = JSONWriter()
        // About what the text takes, so that a manifest of many files is not copied as it grows.
        json.reserveCapacity(units.values.reduce(1024) { $0 + 256 + 160 * $1.files.count })
        json.beginObject()
        json.string("runsite-manifest", key: "format")
        json.integer(1, key: "version")
        json.string(version, key: "runsite")
        json.beginObject("settings")
        for (key, value) in settings { json.string(value, key: key) }
        json.endObject()
        json.beginArray("sources")
        for key in units.keys.sorted() {
            let unit = units[key]!
            json.beginObject()
            json.string(unit.reader, key: "reader")
            json.string(unit.path, key: "path")
            json.beginArray("runs")
            for run in unit.runs { json.string(run.path) }
            json.endArray()
            json.beginArray("files")
            for file in unit.files {
                json.beginObject()
                json.string(file.path, key: "path")
                json.integer(file.size, key: "size")
                json.string(file.sha256, key: "sha256")
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }
}

/// A reference type around `Provenance` for the parallel read loop.
final class ProvenanceLog: Sendable {
    private let value = Mutex(Provenance())
    func add(_ unit: Provenance.Unit, key: String) { value.withLock { $0.add(unit, key: key) } }
    var provenance: Provenance { value.withLock { $0 } }
}
