import Foundation
import RunsiteModel

/// Reads the "wide" metric tables that Python loggers write with `csv.DictWriter`: a header row, then
/// one row per logging call, one column per metric, and an empty cell (or a token such as Keras's `NA`)
/// where a row did not log that metric. Used for Lightning's `metrics.csv`, Keras's CSVLogger file and
/// DVCLive's per-metric TSVs.
///
/// Works on bytes: each line is split into field ranges and numbers are parsed with `strtod` straight
/// from the bytes, so no `String` is made per point. Rows keep their logged order; points of one metric
/// that share a step stay in that order too.
///
/// Damage is reported, never fatal: a row with a different number of fields than the header is skipped
/// (and called half-written when it is the file's last line and has no line feed, which is what a
/// logger killed mid-write leaves), a row without a usable step is skipped, and a cell that is not a
/// number loses only that point.
struct WideCSVReader {
    /// Format name used in diagnostic ids: `reader.<format>.<problem>`.
    var format: String
    var separator: UInt8 = UInt8(ascii: ",")
    /// The column holding the x axis: Lightning and DVCLive `step`, Keras `epoch`.
    var stepColumn: String
    /// The column recorded as each point's epoch; may equal `stepColumn`.
    var epochColumn: String?
    /// A column of wall times, and how many of its units make a second (DVCLive writes ms: 1000).
    /// Dividing (rather than multiplying by 0.001) gives the correctly rounded number of seconds.
    var timeColumn: String?
    var timeUnitsPerSecond: Double = 1
    /// Cell texts meaning "not logged", besides the empty cell (Keras writes `NA`).
    var missingTokens: [String] = []
    /// The metric key for a value column (DVCLive names the series after the file, not the column).
    var metricKey: (String) -> String = { $0 }
    /// Whether a file with a header but no values is warned here; off for a reader that says why itself.
    var warnsWithoutValues = true

    /// What one file held.
    struct Table {
        var header: [String] = []
        var series: [MetricSeries] = []
        /// Data rows read (skipped rows not counted).
        var rows = 0
        /// The latest finite wall time, when the table has a time column.
        var lastTime: Double?
    }

    func read(_ url: URL, context: ReaderContext) -> Table {
        var parse = Parse(reader: self, url: url, context: context)
        // All per-line state lives in one struct so the closure touches one captured variable per line.
        let opened = ByteReading.forEachLine(in: url, context: context) { line, lineNumber in parse.consume(line, lineNumber) }
        if !opened {
            context.warn(.unreadableFile, url)
            return parse.table
        }
        if let pending = parse.shortRow {
            parse.reportShortRow(pending, isLast: pending.line == parse.lastLineNumber && !TextFile.endsWithNewline(url))
        }
        if !parse.headerSeen {
            context.warn(.tableEmptyFile(format: format), url)
        }
        parse.table.series.removeAll { $0.count == 0 }
        if warnsWithoutValues && parse.headerSeen && parse.table.series.isEmpty {
            context.warn(.tableHeaderOnly(format: format), url)
        }
        return parse.table
    }

    /// The state of one file's reading.
    private struct Parse {
        let reader: WideCSVReader
        let url: URL
        let context: ReaderContext
        let missing: [[UInt8]]
        var table = Table()
        var headerSeen = false
        var seriesOfColumn: [Int] = []          // -1 for axis columns
        var stepIndex: Int?, epochIndex: Int?, timeIndex: Int?
        var fields: [Range<Int>] = []
        var lastLineNumber = 0
        var shortRow: (line: Int, fields: Int)?  // reported once we know whether it was the last line
        var budget = WarningBudget()

        init(reader: WideCSVReader, url: URL, context: ReaderContext) {
            self.reader = reader
            self.url = url
            self.context = context
            missing = reader.missingTokens.map { Array($0.utf8) }
        }

        var format: String { reader.format }

        func reportShortRow(_ row: (line: Int, fields: Int), isLast: Bool) {
            if isLast {
                context.warn(.tableHalfWrittenLine(format: format, fields: row.fields, header: table.header.count), url, line: row.line)
            } else {
                context.warn(.fieldCount(format: format, row.fields, header: table.header.count), url, line: row.line)
            }
        }

        mutating func consume(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) {
            lastLineNumber = lineNumber
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { return }   // csv and pandas skip blank lines
            CSVFields.split(line, separator: reader.separator, into: &fields)
            if !headerSeen { return header(line, lineNumber) }
            if let pending = shortRow { reportShortRow(pending, isLast: false); shortRow = nil }
            if fields.count != table.header.count {
                if fields.count < table.header.count { shortRow = (lineNumber, fields.count); return }
                context.warn(.fieldCount(format: format, fields.count, header: table.header.count), url, line: lineNumber)
                return
            }
            row(line, lineNumber)
        }

        private mutating func header(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) {
            headerSeen = true
            table.header = fields.map { CSVFields.text($0, in: line) }
            stepIndex = table.header.firstIndex(of: reader.stepColumn)
            epochIndex = reader.epochColumn.flatMap { table.header.firstIndex(of: $0) }
            timeIndex = reader.timeColumn.flatMap { table.header.firstIndex(of: $0) }
            var keyIndex: [String: Int] = [:]
            for (column, name) in table.header.enumerated() {
                if column == stepIndex || column == epochIndex || column == timeIndex { seriesOfColumn.append(-1); continue }
                let key = reader.metricKey(name)
                if let existing = keyIndex[key] { seriesOfColumn.append(existing); continue }
                keyIndex[key] = table.series.count
                seriesOfColumn.append(table.series.count)
                table.series.append(MetricSeries(key: MetricKey(key)))
            }
            if stepIndex == nil {
                context.warn(.tableMissingStepColumn(format: format, reader.stepColumn), url, line: lineNumber)
            }
        }

        private mutating func row(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) {
            func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: line[fields[column]]) }
            var step = Int64(table.rows)
            if let stepIndex {
                guard let parsed = ByteNumber.parseInt(cell(stepIndex)) else {
                    let text = CSVFields.text(fields[stepIndex], in: line)
                    budget.warn(.tableBadStep(format: format, column: reader.stepColumn, text.prefix(40)), url, line: lineNumber, context: context)
                    return
                }
                step = parsed
            }
            let epoch: Double? = epochIndex.map { ByteNumber.parseDouble(cell($0)) ?? .nan }
            var time = Double.nan
            if let timeIndex, let t = ByteNumber.parseDouble(cell(timeIndex)), t.isFinite {
                time = t / reader.timeUnitsPerSecond
                if time > (table.lastTime ?? -.infinity) { table.lastTime = time }
            }
            if table.rows == 0 {
                // The file's size over the first row's length: about how many rows there are, so
                // each column grows once (sparse columns get more room than they use, briefly).
                let rows = Int(min(FilePaths.size(url) / Int64(max(line.count + 1, 8)), 1 << 22)) + 16
                for i in table.series.indices { table.series[i].reserveCapacity(rows, epochs: epochIndex != nil) }
            }
            table.rows += 1
            for column in 0..<fields.count {
                let target = seriesOfColumn[column]
                if target < 0 { continue }
                guard let value = reader.number(in: cell(column), missing: missing) else { continue }
                guard let value else {
                    let text = CSVFields.text(fields[column], in: line)
                    budget.warn(.tableNonNumericValue(format: format, text.prefix(40), of: table.header[column]), url, line: lineNumber, context: context)
                    continue
                }
                table.series[target].append(step: step, value: value, time: time, epoch: epoch)
            }
        }
    }

    /// nil when the cell means "not logged"; `.some(nil)` when it is not a number; else the number.
    fileprivate func number(in cell: UnsafeBufferPointer<UInt8>, missing: [[UInt8]]) -> Double?? {
        var lo = 0, hi = cell.count
        while lo < hi, cell[lo] == 32 || cell[lo] == 9 { lo += 1 }
        while hi > lo, cell[hi - 1] == 32 || cell[hi - 1] == 9 { hi -= 1 }
        if lo == hi { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: cell[lo..<hi])
        for token in missing where token.elementsEqual(trimmed) { return nil }
        if trimmed[0] == 34 {
            // A quoted cell (rare: Keras quotes list values); unquote the slow way.
            let text = CSVFields.text(0..<cell.count, in: cell)
            if text.isEmpty || missingTokens.contains(text) { return nil }
            return .some(Double(text))
        }
        return .some(FastDecimal.parse(trimmed) ?? ByteNumber.parseDouble(trimmed))
    }
}
