import Foundation
import RunsiteModel

/// A plain metrics table written by the app itself: a header row, then one row per record. The step is
/// the `step` column, else the `epoch` column, else the row index; `epoch` beside `step` is the epoch
/// axis. Empty, `NA` and `nan`-like cells follow the usual rules: empty and `NA` mean "not logged".
enum HydraCSV {
    static func read(_ url: URL, into metrics: inout MetricAccumulator, context: ReaderContext) {
        var names: [String] = []
        var fields: [Range<Int>] = []
        var stepColumn: Int?, epochColumn: Int?
        var record: Int64 = 0
        let opened = ByteReading.forEachLine(in: url, context: context) { line, lineNumber in
            if line.isEmpty { return }
            CSVFields.split(line, into: &fields)
            if names.isEmpty {
                names = fields.map { CSVFields.text($0, in: line) }
                stepColumn = names.firstIndex(of: "step") ?? names.firstIndex(of: "epoch")
                epochColumn = names.firstIndex(of: "step") != nil ? names.firstIndex(of: "epoch") : nil
                return
            }
            guard fields.count == names.count else {
                context.warn(.csvFieldCount(format: "hydra", fields.count, header: names.count), url, line: lineNumber)
                return
            }
            func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: line[fields[column]]) }
            var step = record
            if let stepColumn {
                guard let value = ByteNumber.parseInt(cell(stepColumn)) else {
                    context.warn(.hydraBadStep(CSVFields.text(fields[stepColumn], in: line)), url, line: lineNumber)
                    return
                }
                step = value
            }
            let epoch = epochColumn.flatMap { ByteNumber.parseDouble(cell($0)) }
            record += 1
            for column in names.indices where column != stepColumn && column != epochColumn {
                let bytes = cell(column)
                if bytes.allSatisfy({ $0 == 32 }) || (bytes.count == 2 && bytes[0] == 78 && bytes[1] == 65) { continue }
                guard let value = ByteNumber.parseDouble(bytes) else {
                    context.warn(.hydraNonNumericValue(CSVFields.text(fields[column], in: line), of: names[column]), url, line: lineNumber)
                    continue
                }
                metrics.append(names[column], step: step, value: value, epoch: epoch)
            }
        }
        if !opened { context.warn(.unreadableFile, url) }
    }
}
