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
        _ = hostIsLittleEndian
        var meta = digest
        var out = magic
        var size = magic.count + 4
        for series in digest.run.metrics { size += 5 + 8 * series.count * 4 }
        out.reserveCapacity(size)
        append(UInt32(digest.run.metrics.count), to: &out)
        for series in digest.run.metrics {
            let hasTimes = series.times.count == series.count, hasEpochs = series.epochs.count == series.count
            append(UInt32(series.count), to: &out)
            out.append((hasTimes ? 1 : 0) | (hasEpochs ? 2 : 0))
            // The columns' memory as it is: 64-bit words, little-endian on every platform Swift runs
            // runsite on (checked below), so one copy per column.
            series.steps.withUnsafeBytes { out.append(contentsOf: $0) }
            series.values.withUnsafeBytes { out.append(contentsOf: $0) }
            if hasTimes { series.times.withUnsafeBytes { out.append(contentsOf: $0) } }
            if hasEpochs { series.epochs.withUnsafeBytes { out.append(contentsOf: $0) } }
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
        _ = hostIsLittleEndian
        guard columns.starts(with: magic) else { return nil }
        var digest = meta
        var at = magic.count
        return columns.withUnsafeBytes { raw -> RunDigest? in
            func column<T>(_ n: Int, _ type: T.Type) -> [T]? {
                guard n >= 0, at + 8 * n <= raw.count else { return nil }
                let base = at
                at += 8 * n
                return [T](unsafeUninitializedCapacity: n) { buffer, count in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[base..<base + 8 * n]))
                    count = n
                }
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
                guard let steps = column(n, Int64.self), let values = column(n, Double.self) else { return nil }
                var series = meta.run.metrics[m]
                series.steps = steps
                series.values = values
                series.times = []
                series.epochs = []
                if flags & 1 != 0 { guard let times = column(n, Double.self) else { return nil }; series.times = times }
                if flags & 2 != 0 { guard let epochs = column(n, Double.self) else { return nil }; series.epochs = epochs }
                digest.run.metrics[m] = series
            }
            return at == raw.count ? digest : nil
        }
    }

    // The columns are copied as memory: that is the little-endian layout only on little-endian hosts.
    static let hostIsLittleEndian: Void = precondition(1.littleEndian == 1, "runsite's cache columns assume a little-endian host")

    private static func append(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
