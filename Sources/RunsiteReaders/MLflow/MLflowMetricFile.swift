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
        var series = MetricSeries(key: key)
        var fields: [Range<Int>] = []
        let opened = ByteReading.forEachLine(in: url) { line, lineNumber in
            if let (timestamp, value, step) = fastLine(line) {
                series.append(step: step, value: value, time: Double(timestamp) / 1000)
                return
            }
            split(line, into: &fields)
            guard fields.count == 2 || fields.count == 3 || fields.count == 5 else {
                let shown = line.isEmpty ? "empty line" : "\(fields.count) fields"
                context.warn("reader.mlflow.metric-field-count",
                             "metric line has \(shown), expected 2, 3 or 5; line skipped", url, line: lineNumber)
                return
            }
            let timestampBytes = UnsafeBufferPointer(rebasing: line[fields[0]])
            let valueBytes = UnsafeBufferPointer(rebasing: line[fields[1]])
            guard let timestamp = ByteNumber.parseInt(timestampBytes) else {
                context.warn("reader.mlflow.bad-metric-timestamp",
                             "metric timestamp '\(text(timestampBytes))' is not an integer; line skipped", url, line: lineNumber)
                return
            }
            guard let value = ByteNumber.parseDouble(valueBytes) else {
                context.warn("reader.mlflow.non-numeric-value",
                             "metric value '\(text(valueBytes))' is not a number; line skipped", url, line: lineNumber)
                return
            }
            var step: Int64 = 0
            if fields.count >= 3 {
                let stepBytes = UnsafeBufferPointer(rebasing: line[fields[2]])
                guard let parsed = ByteNumber.parseInt(stepBytes) else {
                    context.warn("reader.mlflow.bad-metric-step",
                                 "metric step '\(text(stepBytes))' is not an integer; line skipped", url, line: lineNumber)
                    return
                }
                step = parsed
            }
            series.append(step: step, value: value, time: Double(timestamp) / 1000)
        }
        if !opened {
            context.warn("reader.unreadable-file", "file cannot be read", url)
            return nil
        }
        return series
    }

    /// The line every MLflow client writes, `<ms> <value> <step>` with plain integers and single
    /// spaces, parsed in one pass without splitting; nil for anything else, which the general path
    /// then reads (and reports) exactly as before.
    @inline(__always)
    private static func fastLine(_ line: UnsafeBufferPointer<UInt8>) -> (Int64, Double, Int64)? {
        var i = 0
        guard let timestamp = digits(line, &i), i < line.count, line[i] == 32 else { return nil }
        i += 1
        let valueStart = i
        while i < line.count, line[i] != 32 { i += 1 }
        guard i < line.count, i > valueStart,
              let value = FastDecimal.parse(UnsafeBufferPointer(rebasing: line[valueStart..<i])) else { return nil }
        i += 1
        guard let step = digits(line, &i), i == line.count else { return nil }
        return (timestamp, value, step)
    }

    /// An optionally negative run of at most 18 digits starting at `i` (so it cannot overflow).
    @inline(__always)
    private static func digits(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int64? {
        let negative = i < line.count && line[i] == 45
        if negative { i += 1 }
        let start = i
        var value: Int64 = 0
        while i < line.count, line[i] &- 48 < 10, i - start < 18 {
            value = value &* 10 &+ Int64(line[i] &- 48)
            i += 1
        }
        guard i > start else { return nil }
        return negative ? -value : value
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
