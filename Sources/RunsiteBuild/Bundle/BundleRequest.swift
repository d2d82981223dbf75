import Crypto
import Foundation
import RunsiteCore

/// `runsite bundle SITE --out results.zip`: a site as one zip for a paper's supplementary
/// material (Zenodo, OSF): the site under `site/` without runsite's own bookkeeping (the marker,
/// an old in-site cache), with a `CITATION.cff` and a `README.txt` that says how to open it. The
/// same site and flags give the same bytes (`ZipWriter`), so the printed SHA-256 can be quoted.
public struct BundleRequest: Sendable {
    public var site: URL
    public var output: URL
    public var title = "Experiment results"
    public var authors: [String] = []
    public var doi: String?
    /// The entries' time, Unix seconds (`SOURCE_DATE_EPOCH`); nil is 1980-01-01, the first time zip holds.
    public var epoch: Double?
    public var version = "0.1.0"

    public init(site: URL, output: URL) {
        self.site = site
        self.output = output
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public struct Result: Sendable {
        /// The zip's SHA-256, lowercase hex.
        public var sha256: String
        public var entries: Int
        public var bytes: UInt64
    }

    /// Names runsite keeps beside a site's pages for itself: the marker, staging signs, a cache an
    /// older runsite left inside the site. None is part of what is published.
    static func isBookkeeping(_ name: String) -> Bool { name.hasPrefix(".runsite") }

    /// The site's files, relative and '/'-separated, sorted by their UTF-8 bytes. A link or a
    /// special file is left out with a warning: a site runsite wrote has neither.
    static func files(of site: URL, log: DiagnosticLog) -> [String] {
        var out: [String] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? site : site.appendingPathComponent(relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
                log.warning(.bundleUnlistable, at: SourceLocation(file: folder.path))
                return
            }
            for name in names where !isBookkeeping(name) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(site.appendingPathComponent(path).path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(path)
                case S_IFREG: out.append(path)
                default: log.warning(.bundleNotAFile, at: SourceLocation(file: site.appendingPathComponent(path).path))
                }
            }
        }
        walk("")
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Writes the zip (atomically: a temporary file beside it, then renamed) and returns its checksum.
    public func run(log: DiagnosticLog) throws -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(description: "'\(site.path)' is not a folder")
        }
        for required in ["index.html", "manifest.json"] where !FileManager.default.fileExists(atPath: site.appendingPathComponent(required).path) {
            throw Failure(description: "'\(site.path)' has no \(required); give a site folder written by runsite build")
        }
        let files = Self.files(of: site, log: log)
        var entries: [(name: String, data: () throws -> Data)] = files.map { path in
            ("site/" + path, { try Data(contentsOf: site.appendingPathComponent(path)) })
        }
        let readme = readmeText(), citation = citationText()
        entries.append(("README.txt", { Data(readme.utf8) }))
        entries.append(("CITATION.cff", { Data(citation.utf8) }))
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }

        let folder = output.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(output.lastPathComponent).runsite-tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary) else {
            throw Failure(description: "cannot write '\(output.path)'")
        }
        do {
            var zip = ZipWriter(handle: handle, epoch: epoch ?? 315_532_800)
            for entry in entries {
                let data: Data
                do { data = try entry.data() } catch { throw Failure(description: "cannot read '\(entry.name.dropFirst("site/".count))' in the site: \(error.localizedDescription)") }
                try zip.add(entry.name, data)
            }
            let digest = try zip.finish()
            let size = try handle.offset()
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, output.path) == 0 else { throw Failure(description: "cannot write '\(output.path)': \(String(cString: strerror(errno)))") }
            return Result(sha256: digest.map { String(format: "%02x", $0) }.joined(), entries: entries.count, bytes: size)
        } catch {
            try? handle.close()
            unlink(temporary.path)
            throw error
        }
    }

    /// What the archive holds and how to open it, in plain text.
    func readmeText() -> String {
        var lines = [title, String(repeating: "=", count: max(3, title.count)), ""]
        if !authors.isEmpty { lines.append("Authors: " + authors.joined(separator: "; ")) }
        if let doi { lines.append("DOI: https://doi.org/" + doi) }
        if !authors.isEmpty || doi != nil { lines.append("") }
        lines += [
            "This archive holds a static website of machine-learning experiment results, made by",
            "runsite \(version).",
            "",
            "To open it: unzip the archive, then open site/index.html in a web browser. It works",
            "straight from the disk (file://), with no server, no network and no install; JavaScript",
            "is used only to sort and filter tables. To serve it instead, run",
            "  python3 -m http.server --directory site",
            "and open http://127.0.0.1:8000/.",
            "",
            "What is inside:",
            "  site/index.html     the overview: every project and its runs",
            "  site/runs.json      every run's summary: params, status and, per metric, the count,",
            "                      first, last, min and max of the logged values, exactly as logged",
            "  site/manifest.json  every source file that was read, with its size and SHA-256",
            "  CITATION.cff        how to cite these results",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// A Citation File Format 1.2.0 file. An author written `Family, Given` is split into family
    /// and given names; any other is one name.
    func citationText() -> String {
        func quoted(_ text: String) -> String {
            var out = ""
            JSONWriter.quote(text, into: &out)   // a JSON string is a YAML double-quoted scalar
            return out
        }
        var lines = ["cff-version: 1.2.0", "message: \"If you use these results, please cite them as below.\"", "type: dataset",
                     "title: " + quoted(title), "authors:"]
        for author in authors {
            let parts = author.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                lines += ["  - family-names: " + quoted(parts[0]), "    given-names: " + quoted(parts[1])]
            } else {
                lines.append("  - name: " + quoted(author.trimmingCharacters(in: .whitespaces)))
            }
        }
        if let doi { lines.append("doi: " + quoted(doi)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
