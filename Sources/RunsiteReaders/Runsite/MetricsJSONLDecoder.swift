import Foundation
import RunsiteModel

/// Reads `metrics.jsonl`: one flat JSON object per line; `step`, `time` and `epoch` are axes and
/// every other key is a metric. A line without `step` takes the index of its record.
enum MetricsJSONLDecoder {
    static func read(_ url: URL, into metrics: inout MetricAccumulator, context: ReaderContext) {
        var record: Int64 = 0
        let before = metrics.pointCount
        let opened = ByteReading.forEachLine(in: url, context: context) { line, lineNumber in
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { return }
            let value: JSONValue
            switch JSONParser.parse(line) {
            case .success(let v): value = v
            case .failure(let failure):
                context.log.append(.warning(.runsiteMalformedJSONLine(failure.message),
                                            at: context.location(url, line: lineNumber, column: failure.offset + 1)))
                return
            }
            guard let pairs = value.object else {
                context.warn(.runsiteLineNotObject, url, line: lineNumber)
                return
            }
            let step: Int64
            if let raw = value["step"], raw != .null {
                if let int = raw.int {
                    step = int
                } else {
                    step = record
                    context.warn(.runsiteBadStep(found: raw.compactText, record: record), url, line: lineNumber)
                }
            } else {
                step = record
            }
            let time = value["time"]?.number ?? .nan
            let epoch = value["epoch"]?.number
            record += 1
            for (key, v) in pairs where key != "step" && key != "time" && key != "epoch" {
                if v == .null { metrics.append(key, step: step, value: .nan, time: time, epoch: epoch); continue }
                guard let number = v.number else {
                    context.warn(.runsiteNonNumericValue(key), url, line: lineNumber)
                    continue
                }
                metrics.append(key, step: step, value: number, time: time, epoch: epoch)
            }
        }
        if !opened { return context.warn(.unreadableFile, url) }
        if metrics.pointCount == before { context.warn(.runsiteNoNumericValues, url) }
    }
}
