import Foundation
import RunsiteModel

/// `plots/sklearn/<name>.json` written by `log_sklearn_plot("confusion_matrix", …)`: a JSON array with one
/// object per sample, `{"actual": "<label>", "predicted": "<label>"}` (labels as strings). The field names
/// come from the `dvc.yaml` plot entry when there is one.
enum DVCLiveConfusion {
    /// The matrix, or nil (silently) when the file is another sklearn plot (roc, precision_recall, …).
    /// A file that dvc.yaml declares as a confusion plot but cannot be read gives a warning.
    static func read(_ url: URL, fields: (x: String, y: String)?, context: ReaderContext) -> ConfusionMatrix? {
        let declared = fields != nil
        let (x, y) = fields ?? ("actual", "predicted")
        guard ConfusionLimits.admitsFile(url, id: "reader.dvclive.confusion-too-large", context: context),
              let value = JSONParser.readFile(url, id: "reader.dvclive.malformed-json", consequence: "; plot not read", context: context) else { return nil }
        guard let samples = value.array, let first = samples.first, first[x] != nil, first[y] != nil else {
            if declared {
                context.warn("reader.dvclive.confusion-shape",
                             "confusion plot is not an array of {\"\(x)\", \"\(y)\"} objects; not read", url, jsonKey: [])
            }
            return nil
        }
        var pairs: [(actual: String, predicted: String)] = []
        pairs.reserveCapacity(samples.count)
        var skipped = 0
        for sample in samples {
            guard let a = sample[x].map(label), let p = sample[y].map(label) else { skipped += 1; continue }
            pairs.append((a, p))
        }
        if skipped > 0 {
            context.warn("reader.dvclive.confusion-shape", "\(skipped) samples lack '\(x)' or '\(y)' and are skipped", url, jsonKey: [])
        }
        let classes = Set(pairs.lazy.flatMap { [$0.actual, $0.predicted] }).count
        guard ConfusionLimits.admitsClasses(classes, url, id: "reader.dvclive.confusion-too-large", context: context) else { return nil }
        let name = url.deletingPathExtension().lastPathComponent
        return ConfusionMatrix(name: name, pairs: pairs)
    }

    private static func label(_ value: JSONValue) -> String {
        value.string ?? value.compactText
    }
}
