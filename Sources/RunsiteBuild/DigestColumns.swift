import Foundation
import RunsiteModel

/// The build cache keeps each run digest as one file: the run's metadata as JSON (`RunDigest`,
/// without its metrics) followed by the metrics (keys, exact summaries and columns) in binary
/// (`pack`). Loading a run for its page (or a chart's lines on a project page) then parses a few
/// kilobytes of JSON and copies the columns; the summaries are binary too, because decoding the
/// keyed fields of every metric's summary with `JSONDecoder` would dominate an unchanged rebuild.
/// Cache-only: the digests that `runsite digest` writes for other machines stay single JSON files
/// (docs/digests.md).
///
/// Metrics layout ("RSC3", every integer little-endian): UInt32 metric count, then per metric:
/// UInt32 key length and the key's UTF-8; UInt8 1 when it has a logged summary, then Int64 count,
/// Int64 nonFinite, UInt16 presence bits and the nine optional fields (first, last, min, max,
/// lastStep, firstStep, minStep, maxStep, mean) as 64-bit words (absent ones 0); UInt32 point count
/// and UInt8 flags (1: times present, 2: epochs present); then its columns: steps as a `DeltaColumn`,
/// values as `count` raw 64-bit words (they are what the pages print, kept bit for bit), times and
/// epochs (if present) as `DeltaColumn`s of their bit patterns.
enum DigestColumns {
    static let magic: [UInt8] = Array("RSC3".utf8)

    /// The digest without its metrics, and the metrics as bytes.
    static func split(_ digest: RunDigest) -> (meta: RunDigest, columns: [UInt8]) {
        _ = hostIsLittleEndian
        var meta = digest
        var out = magic
        var size = magic.count + 4
        for series in digest.run.metrics { size += 4 + series.key.name.utf8.count + 1 + 18 + 72 + 5 + 12 + 8 * series.count * 2 }
        out.reserveCapacity(size)
        append(UInt32(digest.run.metrics.count), to: &out)
        for series in digest.run.metrics {
            append(UInt32(series.key.name.utf8.count), to: &out)
            out.append(contentsOf: series.key.name.utf8)
            Summary.append(series.loggedSummary, to: &out)
            let hasTimes = series.times.count == series.count, hasEpochs = series.epochs.count == series.count
            append(UInt32(series.count), to: &out)
            out.append((hasTimes ? 1 : 0) | (hasEpochs ? 2 : 0))
            DeltaColumn.append(series.steps, to: &out)
            // The values' memory as it is: 64-bit words, little-endian on every platform Swift runs
            // runsite on (checked below), so one copy.
            series.values.withUnsafeBytes { out.append(contentsOf: $0) }
            if hasTimes { DeltaColumn.append(series.times, to: &out) }
            if hasEpochs { DeltaColumn.append(series.epochs, to: &out) }
        }
        meta.run.metrics = []
        return (meta, out)
    }

    /// The digest with its metrics put back; nil when the bytes are not a whole metrics file or the
    /// metadata still holds metrics.
    /// With `only`, just those metrics come back with their points (a chart's metrics); the others
    /// come back as a run holds them between reading and rendering (`Run.summarised()`): the
    /// summary only, the columns skipped rather than copied. `only: []` gives the held run.
    static func join(_ meta: RunDigest, _ columns: [UInt8], at start: Int = 0, only: Set<String>? = nil) -> RunDigest? {
        _ = hostIsLittleEndian
        guard start >= 0, columns.count - start >= magic.count, columns[start..<start + magic.count].elementsEqual(magic),
              meta.run.metrics.isEmpty else { return nil }
        var digest = meta
        var reader = Reader(bytes: columns, at: start + magic.count)
        guard let metrics = reader.uint32() else { return nil }
        var series: [MetricSeries] = []
        series.reserveCapacity(min(metrics, 4096))
        for _ in 0..<metrics {
            var summary: MetricSummary?
            guard let keyLength = reader.uint32(), let key = reader.text(keyLength),
                  Summary.read(&reader, into: &summary), let n = reader.uint32(), let flags = reader.byte() else { return nil }
            if let only, !only.contains(key), let summary {
                guard reader.skipDeltaColumn(), reader.skip(8 * n),
                      flags & 1 == 0 || reader.skipDeltaColumn(), flags & 2 == 0 || reader.skipDeltaColumn() else { return nil }
                var one = MetricSeries(key: MetricKey(key))
                one.loggedSummary = summary
                series.append(one)
                continue
            }
            guard let steps = reader.deltaColumn(n, Int64.self), let values = reader.column(n, Double.self) else { return nil }
            var one = MetricSeries(key: MetricKey(key), steps: steps, values: values)
            one.loggedSummary = summary
            if flags & 1 != 0 { guard let times = reader.deltaColumn(n, Double.self) else { return nil }; one.times = times }
            if flags & 2 != 0 { guard let epochs = reader.deltaColumn(n, Double.self) else { return nil }; one.epochs = epochs }
            series.append(one)
        }
        guard reader.at == columns.count else { return nil }
        digest.run.metrics = series
        return digest
    }

    /// One cache file per digest ("RSD1", UInt32 length of the metadata JSON, the JSON, then the
    /// metrics file), so that the cache holds, and an incremental rebuild keeps, one file per digest
    /// rather than two.
    static let packMagic: [UInt8] = Array("RSD1".utf8)

    /// A digest as its cache file.
    static func packed(_ digest: RunDigest) throws -> [UInt8] {
        let (meta, columns) = split(digest)
        return pack(meta: [UInt8](try meta.encoded()), columns: columns)
    }

    static func pack(meta: [UInt8], columns: [UInt8]) -> [UInt8] {
        var out = packMagic
        out.reserveCapacity(8 + meta.count + columns.count)
        append(UInt32(meta.count), to: &out)
        out += meta
        out += columns
        return out
    }

    /// The metadata JSON and where the metrics start in a packed digest; nil for anything else.
    static func unpack(_ bytes: [UInt8]) -> (meta: ArraySlice<UInt8>, columnsAt: Int)? {
        guard bytes.count >= 8, bytes[0..<4].elementsEqual(packMagic) else { return nil }
        var reader = Reader(bytes: bytes, at: 4)
        guard let length = reader.uint32(), 8 + length <= bytes.count else { return nil }
        return (bytes[8..<8 + length], 8 + length)
    }

    /// A metric's logged summary as fixed-width fields.
    enum Summary {
        static func append(_ summary: MetricSummary?, to out: inout [UInt8]) {
            guard let s = summary else { out.append(0); return }
            out.append(1)
            DigestColumns.append(UInt64(bitPattern: Int64(s.count)), to: &out)
            DigestColumns.append(UInt64(bitPattern: Int64(s.nonFinite)), to: &out)
            let fields: [UInt64?] = [
                s.first?.bitPattern, s.last?.bitPattern, s.min?.bitPattern, s.max?.bitPattern,
                s.lastStep.map { UInt64(bitPattern: $0.value) }, s.firstStep.map { UInt64(bitPattern: $0.value) },
                s.minStep.map { UInt64(bitPattern: $0.value) }, s.maxStep.map { UInt64(bitPattern: $0.value) },
                s.mean?.bitPattern,
            ]
            var present: UInt16 = 0
            for (i, field) in fields.enumerated() where field != nil { present |= 1 << UInt16(i) }
            withUnsafeBytes(of: present.littleEndian) { out.append(contentsOf: $0) }
            for field in fields { DigestColumns.append(field ?? 0, to: &out) }
        }

        /// Reads a summary into `summary` (nil for a metric without one); false when the bytes end or are bad.
        static func read(_ reader: inout Reader, into summary: inout MetricSummary?) -> Bool {
            guard let flag = reader.byte() else { return false }
            if flag == 0 { summary = nil; return true }
            guard flag == 1, let count = reader.word(), let nonFinite = reader.word(), let present = reader.uint16() else { return false }
            var words: [UInt64?] = []
            for i in 0..<9 {
                guard let word = reader.word() else { return false }
                words.append(present & (1 << UInt16(i)) != 0 ? word : nil)
            }
            var s = MetricSummary(of: MetricSeries(key: ""))
            s.count = Int(Int64(bitPattern: count))
            s.nonFinite = Int(Int64(bitPattern: nonFinite))
            let double = { (w: UInt64?) in w.map { Double(bitPattern: $0) } }
            let step = { (w: UInt64?) in w.map { Step(Int64(bitPattern: $0)) } }
            (s.first, s.last, s.min, s.max) = (double(words[0]), double(words[1]), double(words[2]), double(words[3]))
            (s.lastStep, s.firstStep, s.minStep, s.maxStep) = (step(words[4]), step(words[5]), step(words[6]), step(words[7]))
            s.mean = double(words[8])
            summary = s
            return true
        }
    }

    /// Reads the fields of a metrics file in order, each nil past its end.
    struct Reader {
        let bytes: [UInt8]
        var at: Int

        mutating func byte() -> UInt8? {
            guard at < bytes.count else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func uint16() -> UInt16? {
            guard at + 2 <= bytes.count else { return nil }
            defer { at += 2 }
            return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }

        mutating func uint32() -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            defer { at += 4 }
            return Int(bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) })
        }

        mutating func word() -> UInt64? {
            guard at + 8 <= bytes.count else { return nil }
            defer { at += 8 }
            return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        }

        mutating func text(_ length: Int) -> String? {
            guard at + length <= bytes.count else { return nil }
            defer { at += length }
            return String(decoding: bytes[at..<at + length], as: UTF8.self)
        }

        mutating func skip(_ count: Int) -> Bool {
            guard count >= 0, at + count <= bytes.count else { return false }
            at += count
            return true
        }

        mutating func column<T>(_ n: Int, _ type: T.Type) -> [T]? {
            guard at + 8 * n <= bytes.count else { return nil }
            let base = at
            at += 8 * n
            return bytes.withUnsafeBytes { raw in
                [T](unsafeUninitializedCapacity: n) { buffer, count in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[base..<base + 8 * n]))
                    count = n
                }
            }
        }
    }

    // The columns are copied as memory: that is the little-endian layout only on little-endian hosts.
    static let hostIsLittleEndian: Void = precondition(1.littleEndian == 1, "runsite's cache columns assume a little-endian host")

    static func append(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    static func append(_ value: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
