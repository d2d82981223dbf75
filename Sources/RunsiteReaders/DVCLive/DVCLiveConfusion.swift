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
        guard ConfusionLimits.admitsFile(url, format: "dvclive", context: context),
              let value = JSONParser.readFile(url, context: context, invalid: { .malformedJSON(format: "dvclive", $0, consequence: "; plot not read") })
        else { return nil }
        guard let samples = value.array, let first = samples.first, first[x] != nil, first[y] != nil else {
            if declared {
                context.warn(.dvcliveConfusionNotSamples(x, y), url, jsonKey: [])
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
            context.warn(.dvcliveSamplesSkipped(skipped, lacking: x, or: y), url, jsonKey: [])
        }
        let classes = Set(pairs.lazy.flatMap { [$0.actual, $0.predicted] }).count
        guard ConfusionLimits.admitsClasses(classes, url, format: "dvclive", context: context) else { return nil }
        let name = url.deletingPathExtension().lastPathComponent
        return ConfusionMatrix(name: name, pairs: pairs)
    }

    private static func label(_ value: JSONValue) -> String {
        value.string ?? value.compactText
    }
}
