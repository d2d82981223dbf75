import Foundation
import RunsiteModel

/// DVCLive's TSV for a metric literally named `step` has no column besides `step` (and
/// `timestamp`): its values are its steps, as DVC's own plots draw it.
enum DVCLiveStepSeries {
    /// Whether a table header holds nothing but the step and time columns.
    static func isStepOnly(_ header: [String]) -> Bool {
        header.contains("step") && header.allSatisfy { $0 == "step" || $0 == "timestamp" }
    }

    /// The series of `url`, keyed `key`, whose values are its steps; times in seconds from `timestamp` (ms).
    static func read(_ url: URL, key: String, context: ReaderContext) -> MetricSeries {
        var series = MetricSeries(key: MetricKey(key))
        var fields: [Range<Int>] = []
        var columns: (step: Int, time: Int?)?
        ByteReading.forEachLine(in: url, context: context) { line, _ in
            CSVFields.split(line, separator: 9, into: &fields)
            guard let index = columns else {
                let names = fields.map { CSVFields.text($0, in: line) }
                columns = names.firstIndex(of: "step").map { ($0, names.firstIndex(of: "timestamp")) }
                return
            }
            guard index.step < fields.count,
                  let step = ByteNumber.parseInt(UnsafeBufferPointer(rebasing: line[fields[index.step]])) else { return }
            let time = index.time.flatMap { $0 < fields.count ? ByteNumber.parseDouble(UnsafeBufferPointer(rebasing: line[fields[$0]])) : nil }
            series.append(step: step, value: Double(step), time: time.map { $0 / 1000 } ?? .nan)
        }
        return series
    }
}
