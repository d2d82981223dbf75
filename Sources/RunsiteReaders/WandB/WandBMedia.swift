import Foundation
import RunsiteModel

/// Media of a W&B run folder: images under `files/media/` become the run's gallery (with the step of
/// the history row that logged them, when one did), and `wandb.plot.confusion_matrix` tables
/// (`media/table/*.table.json` with columns Actual / Predicted / nPredictions, every pair present,
/// counts as floats) become confusion matrices named by their history key without `_table`.
enum WandBMedia {
    static func attach(files: URL, builder: WandBRunBuilder, to run: inout Run, context: ReaderContext) {
        let media = files.child("media")
        guard FilePaths.isDirectory(media) else { return }
        let paths = FilePaths.files(under: media, confinedTo: files.deletingLastPathComponent()) { url in
            context.warn(.symlinkOutsideRun, url)
        }
        for rel in paths {
            let path = "media/" + rel
            let url = media.child(rel)
            if ArtifactScanner.isImage(rel) {
                run.images.append(RunImage(name: path, step: builder.media[path].map { Step($0.step) }, content: .file(url.path)))
            } else if rel.hasSuffix(".table.json") {
                guard let ref = builder.media[path] else { continue }
                if let matrix = confusionMatrix(url, key: ref.key, step: ref.step, context: context) {
                    run.confusionMatrices.append(matrix)
                }
            }
        }
    }

    /// A confusion matrix from a W&B table whose columns are (actual, predicted, count), or nil when
    /// the table has another shape.
    static func confusionMatrix(_ url: URL, key: String, step: Int64, context: ReaderContext) -> ConfusionMatrix? {
        guard ConfusionLimits.admitsFile(url, format: "wandb", context: context) else { return nil }
        guard let bytes = ByteReading.contents(of: url) else {
            context.warn(.unreadableFile, url)
            return nil
        }
        let table: JSONValue
        switch JSONParser.parse(bytes) {
        case .success(let value): table = value
        case .failure(let failure):
            let at = LineCounter.position(at: failure.offset, in: bytes)
            context.warn(.wandbMalformedTable(failure.message), url, line: at.line, column: at.column)
            return nil
        }
        let columns = (table["columns"]?.array ?? []).compactMap { $0.string?.lowercased() }
        guard columns.count == 3, let a = columns.firstIndex(of: "actual"), let p = columns.firstIndex(of: "predicted") else { return nil }
        let c = 3 - a - p
        var labels: [String] = []
        var index: [String: Int] = [:]
        var cells: [(Int, Int, Double)] = []
        func label(_ v: JSONValue) -> Int {
            let text = v.string ?? v.compactText
            if let i = index[text] { return i }
            index[text] = labels.count
            labels.append(text)
            return labels.count - 1
        }
        for row in table["data"]?.array ?? [] {
            guard let r = row.array, r.count == 3, let count = r[c].number else { continue }
            let i = label(r[a])
            let j = label(r[p])
            cells.append((i, j, count))
        }
        guard !labels.isEmpty,
              ConfusionLimits.admitsClasses(labels.count, url, format: "wandb", context: context) else { return nil }
        var counts = Array(repeating: Array(repeating: 0.0, count: labels.count), count: labels.count)
        for (i, j, n) in cells { counts[i][j] += n }
        let name = key.hasSuffix("_table") ? String(key.dropLast(6)) : key
        return ConfusionMatrix(name: name, labels: labels, counts: counts, step: Step(step))
    }
}
