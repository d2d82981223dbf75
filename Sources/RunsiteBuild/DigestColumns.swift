import Foundation
import RunsiteModel

/// The build cache keeps each run digest in two files: the run's metadata as JSON (`RunDigest`, with
/// empty metric columns) and the metric columns as raw little-endian 64-bit words in a `.columns`
/// file beside it. Loading a run for its page (or a chart's lines on a project page) then parses a
/// few kilobytes of JSON and copies the columns, instead of decoding half a megabyte of base64 JSON:
/// on M that was the largest cost of re-rendering a project page. Cache-only: the digests that
/// `runsite digest` writes for other machines stay single JSON files (docs/digests.md).
///
/// Layout: "RSC1", UInt32 metric count, then per metric (in the order of the JSON's metrics) UInt32
/// point count and UInt8 flags (1: times present, 2: epochs present), then its columns (steps,
/// values, times if present, epochs if present), each `count` words.
enum DigestColumns {
    static let magic: [UInt8] = Array("RSC1".utf8)

    /// The digest with empty metric columns, and the columns.
    static func split(_ digest: RunDigest) -> (meta: RunDigest, columns: [UInt8]) {
        var meta = digest
        var out = magic
        append(UInt32(digest.run.metrics.count), to: &out)
        for series in digest.run.metrics {
            let hasTimes = series.times.count == series.count, hasEpochs = series.epochs.count == series.count
            append(UInt32(series.count), to: &out)
            out.append((hasTimes ? 1 : 0) | (hasEpochs ? 2 : 0))
            for step in series.steps { append(UInt64(bitPattern: step), to: &out) }
            for value in series.values { append(value.bitPattern, to: &out) }
            if hasTimes { for time in series.times { append(time.bitPattern, to: &out) } }
            if hasEpochs { for epoch in series.epochs { append(epoch.bitPattern, to: &out) } }
        }
        meta.run.metrics = digest.run.metrics.map { series in
            var empty = MetricSeries(key: series.key)
            empty.loggedSummary = series.loggedSummary
            return empty
        }
        return (meta, out)
    }

    /// The digest with its columns put back; nil when the columns do not fit the metadata.
    static func join(_ meta: RunDigest, _ columns: [UInt8]) -> RunDigest? {
        guard columns.starts(with: magic) else { return nil }
        var digest = meta
        var at = magic.count
        return columns.withUnsafeBytes { raw -> RunDigest? in
            func words(_ n: Int) -> [UInt64]? {
                guard n >= 0, at + 8 * n <= raw.count else { return nil }
                let base = at
                at += 8 * n
                return (0..<n).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: base + 8 * $0, as: UInt64.self)) }
            }
            func count() -> Int? {
                guard at + 4 <= raw.count else { return nil }
                defer { at += 4 }
                return Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            }
            guard let metrics = count(), metrics == meta.run.metrics.count else { return nil }
            for m in 0..<metrics {
                guard let n = count(), at < raw.count else { return nil }
                let flags = raw[at]
                at += 1
                guard let steps = words(n), let values = words(n) else { return nil }
                var series = meta.run.metrics[m]
                series.steps = steps.map { Int64(bitPattern: $0) }
                series.values = values.map { Double(bitPattern: $0) }
                series.times = []
                series.epochs = []
                if flags & 1 != 0 { guard let times = words(n) else { return nil }; series.times = times.map { Double(bitPattern: $0) } }
                if flags & 2 != 0 { guard let epochs = words(n) else { return nil }; series.epochs = epochs.map { Double(bitPattern: $0) } }
                digest.run.metrics[m] = series
            }
            return at == raw.count ? digest : nil
        }
    }

    private static func append(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
