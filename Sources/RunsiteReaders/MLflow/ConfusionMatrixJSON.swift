import Foundation
import RunsiteModel

/// Confusion matrices saved by hand as JSON artifacts (MLflow `log_dict`/`log_table`, Sacred
/// `add_artifact`); there is no standard, so the usual shapes are accepted:
///
/// - `{"labels" | "classes": [...], "matrix" | "counts" | "confusion_matrix": [[...]]}`;
/// - a bare 2-D number array (labels are the row indices);
/// - pandas "split" layout `{"columns": [...], "data": [[...]]}` in long form (actual, predicted, count),
///   as written by `log_table`.
enum ConfusionMatrixJSON {
    /// Whether an artifact path looks like a confusion matrix saved as JSON.
    static func isCandidate(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json") && path.lowercased().contains("confusion")
    }

    /// Reads a file; warns and returns nil when it is not valid JSON or not one of the shapes.
    static func read(_ url: URL, name: String, reader: String, context: ReaderContext) -> ConfusionMatrix? {
        guard ConfusionLimits.admitsFile(url, format: reader, context: context) else { return nil }
        guard let value = JSONParser.readFile(url, context: context, invalid: { .malformedJSON(format: reader, $0) }) else { return nil }
        if let matrix = decode(value, name: name) {
            return ConfusionLimits.admitsClasses(matrix.labels.count, url, format: reader, context: context) ? matrix : nil
        }
        context.warn(.confusionJSONShape(format: reader), url, jsonKey: [])
        return nil
    }

    static func decode(_ value: JSONValue, name: String) -> ConfusionMatrix? {
        if let rows = value.array { return square(rows, labels: nil, name: name, step: nil) }
        guard case .object = value else { return nil }
        let step = value["step"]?.int
        if let rows = (value["matrix"] ?? value["counts"] ?? value["confusion_matrix"])?.array {
            let labels = (value["labels"] ?? value["classes"])?.array?.map { $0.string ?? $0.compactText }
            return square(rows, labels: labels, name: name, step: step)
        }
        if let columns = value["columns"]?.array?.compactMap(\.string), let data = value["data"]?.array {
            return longForm(columns: columns, data: data, name: name, step: step)
        }
        return nil
    }

    private static func square(_ rows: [JSONValue], labels: [String]?, name: String, step: Int64?) -> ConfusionMatrix? {
        var counts: [[Double]] = []
        for row in rows {
            guard let cells = row.array else { return nil }
            var numbers: [Double] = []
            for cell in cells {
                guard let number = cell.number else { return nil }
                numbers.append(number)
            }
            counts.append(numbers)
        }
        let labels = labels ?? counts.indices.map(String.init)
        guard !counts.isEmpty, counts.count == labels.count, counts.allSatisfy({ $0.count == labels.count }) else { return nil }
        return ConfusionMatrix(name: name, labels: labels, counts: counts, step: step.map { Step($0) })
    }

    /// Long form: the first columns whose names contain "actual"/"true"/"label" and "pred", and a count column.
    private static func longForm(columns: [String], data: [JSONValue], name: String, step: Int64?) -> ConfusionMatrix? {
        let lower = columns.map { $0.lowercased() }
        guard let actual = lower.firstIndex(where: { $0.contains("actual") || $0.contains("true") || $0 == "label" }),
              let predicted = lower.firstIndex(where: { $0.contains("pred") && !$0.hasPrefix("n") }) else { return nil }
        let count = lower.firstIndex(where: { $0.contains("count") || $0.hasPrefix("n") || $0 == "value" })
        var labels: [String] = []
        var index: [String: Int] = [:]
        var cells: [(Int, Int, Double)] = []
        for row in data {
            guard let items = row.array, items.count == columns.count else { return nil }
            let a = items[actual].string ?? items[actual].compactText
            let p = items[predicted].string ?? items[predicted].compactText
            let n = count.map { items[$0].number ?? .nan } ?? 1
            for label in [a, p] where index[label] == nil {
                index[label] = labels.count
                labels.append(label)
            }
            cells.append((index[a]!, index[p]!, n))
        }
        // Past the class limit the caller skips the matrix; its labels tell it so without the n² cells.
        guard !labels.isEmpty else { return nil }
        guard labels.count <= ConfusionLimits.classes else { return ConfusionMatrix(name: name, labels: labels, counts: [], step: step.map { Step($0) }) }
        var counts = Array(repeating: Array(repeating: 0.0, count: labels.count), count: labels.count)
        for (a, p, n) in cells { counts[a][p] += n }
        return ConfusionMatrix(name: name, labels: labels, counts: counts, step: step.map { Step($0) })
    }
}
