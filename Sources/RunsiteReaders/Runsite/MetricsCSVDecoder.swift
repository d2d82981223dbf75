import Foundation
import RunsiteModel

/// Reads `metrics.csv`: header `step[,time][,epoch],<metric>,...`; an empty cell means "not logged".
enum MetricsCSVDecoder {
    static func read(_ url: URL, into metrics: inout MetricAccumulator, context: ReaderContext) {
        var names: [String] = []
        var stepColumn: Int?, timeColumn: Int?, epochColumn: Int?
        var fields: [Range<Int>] = []
        var record: Int64 = 0
        let before = metrics.pointCount
        let opened = ByteReading.forEachLine(in: url, context: context) { line, lineNumber in
            if line.isEmpty { return }
            CSVFields.split(line, into: &fields)
            if names.isEmpty {
                names = fields.map { CSVFields.text($0, in: line) }
                stepColumn = names.firstIndex(of: "step")
                timeColumn = names.firstIndex(of: "time")
                epochColumn = names.firstIndex(of: "epoch")
                return
            }
            guard fields.count == names.count else {
                context.warn(.csvFieldCount(format: "runsite", fields.count, header: names.count), url, line: lineNumber)
                return
            }
            func number(_ column: Int?) -> Double? {
                guard let column else { return nil }
                return ByteNumber.parseDouble(UnsafeBufferPointer(rebasing: line[fields[column]]))
            }
            let step = number(stepColumn).flatMap { $0.isFinite ? Int64(exactly: $0.rounded()) : nil } ?? record
            let time = number(timeColumn) ?? .nan
            let epoch = number(epochColumn)
            record += 1
            for column in names.indices where column != stepColumn && column != timeColumn && column != epochColumn {
                let cell = UnsafeBufferPointer(rebasing: line[fields[column]])
                if cell.allSatisfy({ $0 == 32 }) { continue }
                guard let value = ByteNumber.parseDouble(cell) else {
                    context.warn(.runsiteNonNumericValue(names[column]), url, line: lineNumber)
                    continue
                }
                metrics.append(names[column], step: step, value: value, time: time, epoch: epoch)
            }
        }
        if !opened { return context.warn(.unreadableFile, url) }
        if metrics.pointCount == before {
            context.warn(names.isEmpty ? .runsiteEmptyCSV : .runsiteHeaderOnly, url)
        }
    }
}
