import Foundation
import RunsiteModel

/// Reads `confusion/<name>.json`: `{"labels": [...], "matrix": [[...]], "step": 100}`.
enum ConfusionDecoder {
    static func readAll(in directory: URL, context: ReaderContext) -> [ConfusionMatrix] {
        guard FilePaths.isDirectory(directory) else { return [] }
        return FilePaths.entries(of: directory).filter { $0.hasSuffix(".json") }.compactMap { name in
            read(directory.child(name), name: String(name.dropLast(5)), context: context)
        }
    }

    static func read(_ url: URL, name: String, context: ReaderContext) -> ConfusionMatrix? {
        guard ConfusionLimits.admitsFile(url, format: "runsite", context: context) else { return nil }
        guard let value = JSONParser.readFile(url, context: context, invalid: { .malformedJSON(format: "runsite", $0) }) else { return nil }
        guard let rows = value["matrix"]?.array else {
            context.warn(.runsiteNoMatrix, url, jsonKey: [])
            return nil
        }
        let labelValues = value["labels"]?.array
        guard ConfusionLimits.admitsClasses(max(rows.count, labelValues?.count ?? 0), url, format: "runsite", context: context) else { return nil }
        let counts = rows.map { ($0.array ?? []).map { $0.number ?? .nan } }
        let labels = labelValues?.map { $0.string ?? $0.compactText } ?? counts.indices.map(String.init)
        guard counts.count == labels.count, counts.allSatisfy({ $0.count == labels.count }) else {
            context.warn(.runsiteMatrixSize(labels.count), url, jsonKey: ["matrix"])
            return nil
        }
        let invalid = counts.reduce(0) { $0 + $1.filter { !($0.isFinite && $0 >= 0) }.count }
        if invalid > 0 {
            context.warn(.runsiteBadCounts(invalid), url, jsonKey: ["matrix"])
        }
        return ConfusionMatrix(name: name, labels: labels, counts: counts, step: value["step"]?.int.map { Step($0) })
    }
}
