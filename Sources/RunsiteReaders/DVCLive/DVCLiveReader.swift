import Foundation
import RunsiteModel

/// DVCLive 3.x output folders (DVCLive's `dvclive/live.py`): by default `dvclive/`, or any `Live(dir=…)`.
///
/// - `params.yaml` → params (flattened with dots). `plots/metrics/**/*.tsv` → one series per file, named
///   by its path (`plots/metrics/train/loss.tsv` → `train/loss`; the value column only holds the last
///   name part). Columns `[timestamp]\tstep\t<value>`; `timestamp` is integer milliseconds.
/// - `metrics.json` → latest values. A metric there without a TSV (`live.summary["x"] = …`, or a metric
///   logged with `plot=False`) becomes a one-point series at `metrics.json`'s `step`, or step 0 when absent.
/// - `plots/images/**` → images; `plots/sklearn/*.json` confusion plots → matrices counted from the
///   per-sample (actual, predicted) pairs; `artifacts/` and `dvc.yaml` `artifacts:` → artifacts.
/// - No status, times, user or run name are recorded (experiment names live in git refs).
///
/// The run is the DVCLive folder (id: relative to the input; name: relative to the DVC project), and
/// the project is the nearest folder above it holding `dvc.yaml` or `.dvc`. The reader claims DVCLive
/// folders, not the DVC project folder, so that other formats elsewhere in the project are still found.
public struct DVCLiveReader: RunReader {
    public let format = "dvclive"
    public init() {}

    /// A folder with `plots/metrics/` plus `metrics.json` or `params.yaml` (or the old `<dir>.json` beside
    /// it); or one holding `metrics.json` together with `dvc.yaml` (some 3.x versions wrote it inside) or
    /// named `dvclive`.
    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        guard !entries.contains("runsite.json") else { return false }
        let hasSummary = entries.contains("metrics.json")
        if entries.contains("plots"), FilePaths.isDirectory(directory.child("plots/metrics")) {
            if hasSummary || entries.contains("params.yaml") { return true }
            let sibling = directory.deletingLastPathComponent().child(directory.lastPathComponent + ".json")
            if FilePaths.exists(sibling) { return true }
        }
        return hasSummary && (entries.contains("dvc.yaml") || directory.lastPathComponent == "dvclive")
    }

    func readRun(at directory: URL, context: ReaderContext) -> Run {
        let directory = directory.standardizedFileURL
        let projectDirectory = DVCProjectFile.projectDirectory(above: directory, context: context)
        let projectName = (projectDirectory ?? directory.deletingLastPathComponent()).lastPathComponent
        let name = projectDirectory.map { FilePaths.relative(directory.path, to: $0.standardizedFileURL.path) } ?? directory.lastPathComponent
        var run = Run(id: context.runID(of: directory), source: format, project: projectName,
                      name: name, directory: directory.path)
        run.projectPath = context.relativePath(projectDirectory ?? directory.deletingLastPathComponent())
        let projectFile = DVCProjectFile.find(above: directory, context: context)
        if let projectFile { DVCCoverage.warnIfFirst(run: directory, file: projectFile, context: context) }

        let params = directory.child("params.yaml")
        if FilePaths.exists(params) { YAMLParams.read(params, format: format, into: &run.params, context: context) }

        var lastTime: Double?
        run.metrics = readSeries(directory.child("plots/metrics"), runRoot: directory, lastTime: &lastTime, context: context)
        addSummaryOnlyMetrics(directory, to: &run, context: context)

        let plots = directory.child("plots")
        let images = plots.child("images")
        run.images = FilePaths.files(under: images, confinedTo: directory) { url in
            context.warn(.symlinkOutsideRun, url)
        }.filter(ArtifactScanner.isImage).map { RunImage(name: $0, content: .file(images.child($0).path)) }

        let sklearn = plots.child("sklearn")
        for file in FilePaths.files(under: sklearn, confinedTo: directory) where file.hasSuffix(".json") {
            let url = sklearn.child(file)
            let fields = projectFile?.confusionFields[url.standardizedFileURL.path]
            if fields == nil && !file.lowercased().contains("confusion") { continue }
            if let matrix = DVCLiveConfusion.read(url, fields: fields, context: context) { run.confusionMatrices.append(matrix) }
        }

        run.artifacts = DVCLiveArtifacts.collect(run: directory, project: projectFile, context: context)
        run.diskBytes = FilePaths.diskUsage(directory)
        run.lastActivity = lastTime ?? [directory.child("metrics.json"), params]
            .compactMap(context.fileTime).max()
        return run
    }

    /// One series per TSV under `plots/metrics`, keyed by the path without `.tsv`.
    private func readSeries(_ folder: URL, runRoot: URL, lastTime: inout Double?, context: ReaderContext) -> [MetricSeries] {
        var series: [MetricSeries] = []
        let files = FilePaths.files(under: folder, confinedTo: runRoot) { url in
            context.warn(.symlinkOutsideRun, url)
        }
        for file in files where file.hasSuffix(".tsv") {
            let key = String(file.dropLast(4))
            var reader = WideCSVReader(format: format, separator: 9, stepColumn: "step", timeColumn: "timestamp", timeUnitsPerSecond: 1000)
            reader.metricKey = { _ in key }
            reader.warnsWithoutValues = false   // `reader.dvclive.no-series` below says why
            let url = folder.child(file)
            let table = reader.read(url, context: context)
            if let t = table.lastTime, t > (lastTime ?? -.infinity) { lastTime = t }
            series += table.series
            guard table.series.isEmpty, !table.header.isEmpty else { continue }
            if DVCLiveStepSeries.isStepOnly(table.header) {
                let steps = DVCLiveStepSeries.read(url, key: key, context: context)
                if steps.count > 0 { series.append(steps); continue }
            }
            context.warn(table.rows == 0 ? .dvcliveNoDataRows : .dvcliveNoValueColumn(besides: table.header), url)
        }
        return series
    }

    /// Metrics that `metrics.json` (or the old `<dir>.json`) has but no TSV does, as one-point series.
    private func addSummaryOnlyMetrics(_ directory: URL, to run: inout Run, context: ReaderContext) {
        var url = directory.child("metrics.json")
        if !FilePaths.exists(url) {
            url = directory.deletingLastPathComponent().child(directory.lastPathComponent + ".json")
            guard FilePaths.exists(url) else { return }
        }
        guard let summary = DVCLiveSummary.read(url, context: context) else { return }
        let known = Set(run.metrics.map(\.key))
        for (key, value) in summary.values where !known.contains(MetricKey(key)) {
            var series = MetricSeries(key: MetricKey(key))
            series.append(step: summary.step ?? 0, value: value)
            run.metrics.append(series)
        }
    }
}
