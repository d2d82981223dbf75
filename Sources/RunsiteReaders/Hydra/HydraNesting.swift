import Foundation
import RunsiteModel

/// Merges the runs that other readers find inside a Hydra job folder into the Hydra run.
///
/// - Metrics, images, confusion matrices and texts are added; a nested run's metric whose key is taken
///   already is prefixed with that run's folder (`lightning_logs/version_1/loss`).
/// - Params the Hydra config lacks are added (a logger's own hparams); the Hydra config wins on conflicts.
/// - Status, end time, user and host come from the first nested run that has them (Hydra records none).
/// - Artifacts are every file of the job folder outside `.hydra/`, so nested runs' files are listed once.
/// - Unless another reader claimed the job folder itself (and so read its files), CSV files at the top of
///   the job folder are read first as plain metric tables (`HydraCSV`): apps often write their own
///   `metrics.csv`, and its keys stay unprefixed.
enum HydraNesting {
    static func merge(into run: inout Run, jobDirectory: URL, context: ReaderContext) {
        // Keras CSV is left out: it would claim the job folder for the app's own `metrics.csv` (an `epoch`
        // column), which `HydraCSV` reads as a plain table with Hydra's diagnostics.
        let readers = Readers.all.filter { $0.format != "hydra" && $0.format != "keras-csv" }
        let nestedContext = ReaderContext(inputRoot: jobDirectory, log: context.log, options: context.options)
        var nested: [Run] = []
        var jobFolderClaimed = false
        for claim in Discovery(readers: readers).claims(in: jobDirectory, log: context.log) {
            if claim.directory.standardizedFileURL.path == jobDirectory.standardizedFileURL.path { jobFolderClaimed = true }
            nested += claim.reader.readProjects(at: claim.directory, context: nestedContext).flatMap(\.runs)
        }
        var keys = Set(run.metrics.map(\.key))
        if !jobFolderClaimed {
            for name in FilePaths.entries(of: jobDirectory) where name.lowercased().hasSuffix(".csv") {
                var metrics = MetricAccumulator()
                HydraCSV.read(jobDirectory.child(name), into: &metrics, context: context)
                for var series in metrics.series {
                    if keys.contains(series.key) { series.key = MetricKey("\(name)/\(series.key)") }
                    keys.insert(series.key)
                    run.metrics.append(series)
                }
            }
        }
        for inner in nested.sorted(by: { $0.id < $1.id }) {
            for var series in inner.metrics {
                if keys.contains(series.key) { series.key = MetricKey("\(inner.id)/\(series.key)") }
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
            if let text = ConsoleText.read(URL(fileURLWithPath: artifact.sourceFile), context: context), !text.isEmpty {
                run.texts.append(RunText(name: artifact.path, text: text))
            }
        }
    }
}
