import Foundation
import RunsiteModel
import Testing
@testable import RunsiteBuild

/// The cache's split digests (metadata JSON + raw columns) give back exactly the run that was split.
@Suite struct DigestColumnsTests {
    static func run() -> Run {
        var run = Run(id: "a/b", source: "runsite", project: "p", name: "b", directory: "/")
        var loss = MetricSeries(key: "loss", steps: [0, 5, -3], values: [1.5, .nan, -.infinity], times: [1e9, .nan, 2e9])
        loss.loggedSummary = loss.summary
        var acc = MetricSeries(key: "val/acc", steps: [1, 2], values: [0.1, 0.30000000000000004], times: [], epochs: [0, 1])
        acc.loggedSummary = MetricSummary(of: acc)
        var partial = MetricSeries(key: "só/ünïcode", steps: [7], values: [.nan])
        partial.loggedSummary = MetricSummary(of: partial)   // NaN only: no first, min or max
        run.metrics = [loss, acc, MetricSeries(key: "empty"), partial]
        run.params["lr"] = .double(0.001)
        return run
    }

    @Test func splitAndJoinGiveTheSameDigest() throws {
        let digest = RunDigest(project: Project(name: "p", runs: []), run: Self.run())
        let (meta, columns) = DigestColumns.split(digest)
        #expect(meta.run.metrics.isEmpty, "keys, summaries and columns all go to the binary file")
        let joined = try #require(DigestColumns.join(meta, columns))
        #expect(try joined.encoded() == digest.encoded())   // every bit, NaN and ±Inf included
        #expect(joined.run.metrics[0].values[1].isNaN && joined.run.metrics[1].epochs == [0, 1])
    }

    @Test func columnsThatDoNotFitAreRefused() {
        let digest = RunDigest(project: Project(name: "p", runs: []), run: Self.run())
        let (meta, columns) = DigestColumns.split(digest)
        #expect(DigestColumns.join(meta, Array(columns.dropLast())) == nil)
        #expect(DigestColumns.join(meta, columns + [0]) == nil)
        #expect(DigestColumns.join(meta, Array(columns.dropFirst())) == nil)
        var withMetrics = meta
        withMetrics.run.metrics = [MetricSeries(key: "loss")]
        #expect(DigestColumns.join(withMetrics, columns) == nil)
        for cut in stride(from: 4, to: columns.count, by: 7) {
            #expect(DigestColumns.join(meta, Array(columns.prefix(cut))) == nil, "cut at \(cut)")
        }
    }

    /// A packed digest (one cache file) gives back its metadata and metrics; anything else is refused.
    @Test func packedDigestsUnpack() throws {
        let digest = RunDigest(project: Project(name: "p", runs: []), run: Self.run())
        let (meta, columns) = DigestColumns.split(digest)
        let json = [UInt8](try meta.encoded())
        let packed = DigestColumns.pack(meta: json, columns: columns)
        let unpacked = try #require(DigestColumns.unpack(packed))
        #expect(Array(unpacked.meta) == json)
        let joined = try #require(DigestColumns.join(meta, packed, at: unpacked.columnsAt))
        #expect(try joined.encoded() == digest.encoded())
        #expect(DigestColumns.unpack(json) == nil, "plain JSON (a --from-digests file) is not a pack")
        #expect(DigestColumns.unpack(Array(packed.prefix(6))) == nil)
        var short = packed
        short.replaceSubrange(4..<8, with: [0xff, 0xff, 0xff, 0x7f])   // a metadata length past the end
        #expect(DigestColumns.unpack(short) == nil)
    }

    /// Without points, metrics come back as a build holds them: summaries only, the same as
    /// `summarised()` of the whole run; a metric without a logged summary keeps its points.
    @Test func joiningWithoutPointsGivesTheHeldRun() throws {
        let digest = RunDigest(project: Project(name: "p", runs: []), run: Self.run())
        let (meta, columns) = DigestColumns.split(digest)
        let held = try #require(DigestColumns.join(meta, columns, only: [])).run
        let whole = try #require(DigestColumns.join(meta, columns)).run
        #expect(held.metrics.map(\.key) == whole.metrics.map(\.key))
        let encoder = RunDigest.encoder()   // NaN-safe: compares every bit of the summaries
        for (h, w) in zip(held.metrics, whole.metrics) {
            #expect(try encoder.encode(h.summary) == encoder.encode(w.summary), "\(h.key)")
            #expect(w.loggedSummary == nil ? (try encoder.encode(h) == encoder.encode(w)) : h.count == 0, "\(h.key)")
        }
        #expect(DigestColumns.join(meta, Array(columns.dropLast()), only: []) == nil)
    }
}
