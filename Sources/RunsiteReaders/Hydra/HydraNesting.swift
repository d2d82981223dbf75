import Foundation
import RunsiteModel

/// Merges the runs that other readers find inside a Hydra job folder into the Hydra run.
///
/// - Metrics, images, confusion matrices and texts are added; when two nested runs log the same metric
///   key, the later one's key is prefixed with its folder (`lightning_logs/version_1/loss`).
/// - Params the Hydra config lacks are added (a logger's own hparams); the Hydra config wins on conflicts.
/// - Status, end time, user and host come from the first nested run that has them (Hydra records none).
/// - Artifacts are every file of the job folder outside `.hydra/`, so nested runs' files are listed once.
/// - When no nested reader finds metrics, CSV files at the top of the job folder are read as plain metric
///   tables (`HydraCSV`), since apps often write their own `metrics.csv`.
enum HydraNesting {
    static func merge(into run: inout Run, jobDirectory: URL, context: ReaderContext) {
        let readers = Readers.all.filter { $0.format != "hydra" }
        let nestedContext = ReaderContext(inputRoot: jobDirectory, log: context.log, options: context.options)
        var nested: [Run] = []
        for claim in Discovery(readers: readers).claims(in: jobDirectory, log: context.log) {
            nested += claim.reader.readProjects(at: claim.directory, context: nestedContext).flatMap(\.runs)
        }
        var keys = Set(run.metrics.map(\.key))
        for inner in nested.sorted(by: { $0.id < $1.id }) {
            for var series in inner.metrics {
                if keys.contains(series.key) { series.key = "\(inner.id)/\(series.key)" }
                keys.insert(series.key)
                run.metrics.append(series)
            }
            run.images += inner.images
            run.confusionMatrices += inner.confusionMatrices
            run.texts += inner.texts
            for (key, value) in inner.params.sorted where run.params[key] == nil { run.params[key] = value }
            for (key, value) in inner.labels where run.labels[key] == nil { run.labels[key] = value }
            if run.status == .unknown { run.status = inner.status }
            run.end = run.end ?? inner.end
            run.user = run.user ?? inner.user
            run.host = run.host ?? inner.host
            run.notes = run.notes ?? inner.notes
            run.lastActivity = [run.lastActivity, inner.lastActivity].compactMap { $0 }.max()
        }
        if !nested.contains(where: { !$0.metrics.isEmpty }) {
            var metrics = MetricAccumulator()
            for name in FilePaths.entries(of: jobDirectory) where name.lowercased().hasSuffix(".csv") {
                HydraCSV.read(jobDirectory.appendingPathComponent(name), into: &metrics, context: context)
            }
            run.metrics += metrics.series
        }
        run.artifacts = ArtifactScanner.scan(jobDirectory, runRoot: jobDirectory, context: context)
            .filter { !$0.path.hasPrefix(".") }
        let shown = Set(run.images.compactMap { image -> String? in
            if case .file(let path) = image.content { return path }
            return nil
        })
        for artifact in run.artifacts where ArtifactScanner.isImage(artifact.path) && !shown.contains(artifact.sourceFile) {
            run.images.append(RunImage(name: artifact.path, content: .file(artifact.sourceFile)))
        }
        for artifact in run.artifacts where artifact.path.hasSuffix(".log") && !artifact.path.contains("/") {
            if let text = SacredJSON.text(URL(fileURLWithPath: artifact.sourceFile), context: context), !text.isEmpty {
                run.texts.append(RunText(name: artifact.path, text: text))
            }
        }
    }
}

/// A plain metrics table written by the app itself: a header row, then one row per record. The step is
/// the `step` column, else the `epoch` column, else the row index; `epoch` beside `step` is the epoch
/// axis. Empty, `NA` and `nan`-like cells follow the usual rules: empty and `NA` mean "not logged".
enum HydraCSV {
    static func read(_ url: URL, into metrics: inout MetricAccumulator, context: ReaderContext) {
        var names: [String] = []
        var fields: [Range<Int>] = []
        var stepColumn: Int?, epochColumn: Int?
        var record: Int64 = 0
        let opened = ByteReading.forEachLine(in: url) { line, lineNumber in
            if line.isEmpty { return }
            CSVFields.split(line, into: &fields)
            if names.isEmpty {
                names = fields.map { CSVFields.text($0, in: line) }
                stepColumn = names.firstIndex(of: "step") ?? names.firstIndex(of: "epoch")
                epochColumn = names.firstIndex(of: "step") != nil ? names.firstIndex(of: "epoch") : nil
                return
            }
            guard fields.count == names.count else {
                context.warn("reader.hydra.csv-field-count",
                             "row has \(fields.count) fields, header has \(names.count); row skipped", url, line: lineNumber)
                return
            }
            func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: line[fields[column]]) }
            var step = record
            if let stepColumn {
                guard let value = ByteNumber.parseInt(cell(stepColumn)) else {
                    context.warn("reader.hydra.bad-step", "step '\(CSVFields.text(fields[stepColumn], in: line))' is not an integer; row skipped",
                                 url, line: lineNumber)
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
                    context.warn("reader.hydra.non-numeric-value",
                                 "value '\(CSVFields.text(fields[column], in: line))' of '\(names[column])' is not a number; point skipped",
                                 url, line: lineNumber)
                    continue
                }
                metrics.append(names[column], step: step, value: value, epoch: epoch)
            }
        }
        if !opened { context.warn("reader.unreadable-file", "file cannot be read", url) }
    }
}
