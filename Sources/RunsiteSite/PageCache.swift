import Foundation
import RunsiteCore
import RunsiteModel

/// Lets a build reuse run and project pages from the previous build: a page whose fingerprint
/// (everything that goes into it) is unchanged is supplied by the cache instead of being rendered again.
public protocol PageCache: AnyObject, Sendable {
    /// Supplies the page at `path` and its media files from the previous build when `fingerprint`
    /// matches; returns whether it did.
    func reuse(_ path: String, fingerprint: String) -> Bool
    /// Notes a page rendered in this build, with the media files written beside it.
    func record(_ path: String, fingerprint: String, files: [String])
    /// A hash of everything known about the run (its full digest), for page fingerprints; nil hashes the run.
    func digestHash(of run: Run) -> UInt64?
}

/// The fingerprint of a run page: a 64-bit FNV-1a over the run's digest and everything site-wide
/// that the run page shows (its colour, paths, the options, templates and report links).
struct PageFingerprint {
    let siteKey: String

    init(templates: TemplateSet, options: SiteOptions) {
        var parts: [String] = [options.version, options.title, "\(options.smoothing)", options.minimize.joined(separator: ","),
                               options.maximize.joined(separator: ","), "\(options.maxArtifactBytes)", "\(options.defaultMetricColumns)",
                               options.liveToken == nil ? "static" : "live", options.chartData.rawValue]
        parts += options.pages.map { $0.file + "\u{1}" + $0.slug + "\u{1}" + $0.text }
        for name in templates.files.keys.sorted() { parts.append(name + "\u{1}" + templates.files[name]!.text) }
        for name in templates.assets.keys.sorted() { parts.append(name + "\u{1}" + String(Self.hash(templates.assets[name]!))) }
        siteKey = parts.joined(separator: "\u{0}")
    }

    /// A project page's fingerprint: its path, the project's name, description and README, each
    /// run's digest hash, colour and page path (in table order), and the bins of thinned runs (nil: not thinned).
    func of(project: Project, title: String, path: String, overviewBuckets: Int?, runs: [(digestHash: UInt64?, color: Int, path: String)]) -> String? {
        var h = Self.hash(Array((siteKey + "\u{0}project\u{0}" + path).utf8))
        for text in [title, project.description ?? "\u{1}", project.readme ?? "\u{1}", overviewBuckets.map { "thinned \($0)" } ?? "full"] {
            h = Self.hash(Array((text + "\u{0}").utf8), seed: h)
        }
        for run in runs {
            guard let digestHash = run.digestHash else { return nil }
            h = Self.hash(Array((String(digestHash, radix: 16) + "\u{1}" + String(run.color) + "\u{1}" + run.path + "\u{0}").utf8), seed: h)
        }
        return String(h, radix: 16)
    }

    /// A run page's fingerprint: the run, its page path and colour, and what the page shows of the
    /// runs around it (`RunDirectives.surroundings`).
    func of(run: Run, digestHash: UInt64?, path: String, color: Int, surroundings: [String]) -> String? {
        var h: UInt64
        if let digestHash {
            h = digestHash
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            guard let data = try? encoder.encode(run) else { return nil }
            h = Self.hash(Array(data))
        }
        for text in [siteKey, path, String(color)] + surroundings { h = Self.hash(Array((text + "\u{0}").utf8), seed: h) }
        return String(h, radix: 16)
    }

    static func hash(_ bytes: [UInt8], seed: UInt64 = FNV1a.offset64) -> UInt64 { FNV1a.hash(bytes, seed: seed) }
}
