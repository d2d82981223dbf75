import Foundation
import RunsiteModel

/// Reads one file-store metric file, `metrics/<key>`: one point per line, fields separated by one space.
///
/// MLflow's own reader accepts 2 fields (`<ms> <value>`, legacy, step 0), 3 fields (`<ms> <value> <step>`)
/// and 5 fields (`<ms> <value> <step> <dataset name> <dataset digest>`, 3.x dataset-bound metrics) and
/// rejects the whole metric on any other line. We keep every good line and warn about each bad one.
/// A last line without its newline is accepted when it parses, as MLflow does.
enum MLflowMetricFile {
    /// The file's points in file order (MLflow's logged order), or nil when it cannot be opened.
    static func read(_ url: URL, key: String, context: ReaderContext) -> MetricSeries? {
        var series = MetricSeries(key: MetricKey(key))
        // A line is at least "<ms> <value> <step>\n", 30-odd bytes for real timestamps and values.
        series.reserveCapacity(Int(min(FilePaths.size(url) / 30, 1 << 22)))
        var fields: [Range<Int>] = []
        let opened = ByteReading.forEachLine(in: url, context: context) { line, lineNumber in
            if let (timestamp, value, step) = fastLine(line) {
                series.append(step: step, value: value, time: Double(timestamp) / 1000)
                return
            }
            split(line, into: &fields)
            guard fields.count == 2 || fields.count == 3 || fields.count == 5 else {
                let shown = line.isEmpty ? "empty line" : "\(fields.count) fields"
                context.warn(.mlflowMetricFieldCount(shown), url, line: lineNumber)
                return
            }
            let timestampBytes = UnsafeBufferPointer(rebasing: line[fields[0]])
            let valueBytes = UnsafeBufferPointer(rebasing: line[fields[1]])
            guard let timestamp = ByteNumber.parseInt(timestampBytes) else {
                context.warn(.mlflowBadTimestamp(text(timestampBytes)), url, line: lineNumber)
                return
            }
            guard let value = ByteNumber.parseDouble(valueBytes) else {
                context.warn(.mlflowNonNumericValue(text(valueBytes)), url, line: lineNumber)
                return
            }
            var step: Int64 = 0
            if fields.count >= 3 {
                let stepBytes = UnsafeBufferPointer(rebasing: line[fields[2]])
                guard let parsed = ByteNumber.parseInt(stepBytes) else {
                    context.warn(.mlflowBadStep(text(stepBytes)), url, line: lineNumber)
                    return
                }
                step = parsed
            }
            series.append(step: step, value: value, time: Double(timestamp) / 1000)
        }
        if !opened {
            context.warn(.unreadableFile, url)
            return nil
        }
        if series.count == 0 { context.warn(.mlflowEmptyMetric, url) }
        return series
    }

    /// The line every MLflow client writes, `<ms> <value> <step>` with single spaces, parsed in one
    /// pass without splitting into an array (the parsers are the general path's); nil for anything
    /// else, which the general path then reads (and reports) exactly as before.
    @inline(__always)
    private static func fastLine(_ line: UnsafeBufferPointer<UInt8>) -> (Int64, Double, Int64)? {
        guard let base = line.baseAddress, let first = memchr(base, 32, line.count) else { return nil }
        let a = base.distance(to: first.assumingMemoryBound(to: UInt8.self))
        guard let second = memchr(base + a + 1, 32, line.count - a - 1) else { return nil }
        let b = base.distance(to: second.assumingMemoryBound(to: UInt8.self))
        guard a > 0, b > a + 1, b + 1 < line.count, memchr(base + b + 1, 32, line.count - b - 1) == nil,
              let timestamp = ByteNumber.parseInt(UnsafeBufferPointer(rebasing: line[0..<a])),
              let value = FastDecimal.parse(UnsafeBufferPointer(rebasing: line[(a + 1)..<b])),
              let step = ByteNumber.parseInt(UnsafeBufferPointer(rebasing: line[(b + 1)...])) else { return nil }
        return (timestamp, value, step)
    }

    /// Splits on single spaces, exactly as Python's `line.split(" ")` after stripping: MLflow strips
    /// the line and then splits on one space, so two spaces in a row make an empty field.
    private static func split(_ line: UnsafeBufferPointer<UInt8>, into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        var lo = 0, hi = line.count
        while lo < hi, isSpace(line[lo]) { lo += 1 }
        while hi > lo, isSpace(line[hi - 1]) { hi -= 1 }
        guard lo < hi else { return }
        var start = lo
        for i in lo..<hi where line[i] == 32 {
            fields.append(start..<i)
            start = i + 1
        }
        fields.append(start..<hi)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes.prefix(40), as: UTF8.self)
    }
}
