import RunsiteCore
import RunsiteModel

/// Every logged point of a run as one CSV, `metric,step,value` plus `time` (Unix seconds) and
/// `epoch` when the run logged them, metrics in the run's order and points in logged order, values
/// written exactly. The pipeline compresses it into `metrics.csv.gz` beside the run page: the exact
/// series behind charts whose CSVs are thinned.
public enum SeriesCSV {
    public static let fileName = "metrics.csv.gz"

    public static func bytes(of run: Run) -> [UInt8] {
        let metrics = run.metrics
        let times = metrics.contains { $0.times.contains { !$0.isNaN } }
        let epochs = metrics.contains { !$0.epochs.isEmpty }
        var out = ByteText(capacity: 64 + metrics.reduce(0) { $0 + $1.count * (40 + $1.key.name.utf8.count) })
        out.append("metric,step,value" + (times ? ",time" : "") + (epochs ? ",epoch" : "") + "\n")
        for series in metrics {
            let name = Array((CSVText.text(series.key.name) + ",").utf8)
            let hasEpochs = series.epochs.count == series.count
            for i in 0..<series.count {
                out.append(name)
                out.append(series.steps[i])
                out.append(ascii: UInt8(ascii: ","))
                out.appendExact(series.values[i])
                if times {
                    out.append(ascii: UInt8(ascii: ","))
                    if i < series.times.count, !series.times[i].isNaN { out.appendExact(series.times[i]) }
                }
                if epochs {
                    out.append(ascii: UInt8(ascii: ","))
                    if hasEpochs, !series.epochs[i].isNaN { out.appendExact(series.epochs[i]) }
                }
                out.append(ascii: UInt8(ascii: "\n"))
            }
        }
        return out.bytes
    }
}
