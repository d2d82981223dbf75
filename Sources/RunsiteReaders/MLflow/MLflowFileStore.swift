import Foundation
import RunsiteCore
import RunsiteModel

/// Reads an MLflow file store (`mlruns/`, as MLflow's `mlflow/store/tracking/file_store.py` writes it): one project per experiment, named
/// after the experiment.
///
///     mlruns/<experiment id>/meta.yaml
///     mlruns/<experiment id>/<run id>/{meta.yaml, metrics/, params/, tags/, artifacts/}
///     mlruns/.trash/<experiment id>/…      deleted experiments
///
/// Deleted experiments (`.trash/` or `lifecycle_stage: deleted`) and deleted runs are skipped unless
/// `ReaderOptions.includeDeleted` is set.
struct MLflowFileStore {
    let root: URL
    let context: ReaderContext

    /// Experiment-level folders that are not runs (3.x reserved folders and experiment tags).
    static let nonRunFolders: Set<String> = ["tags", "models", "datasets", "traces", "artifacts"]

    /// Whether `directory` looks like a file store: some child folder named by digits holds an experiment
    /// `meta.yaml`, or (when that file is missing and `strict` is off) a run folder with `meta.yaml` or
    /// `metrics/`. The artifact folders that SQLite runs keep in `mlruns/` hold neither.
    static func isStore(_ directory: URL, entries: Set<String>, strict: Bool = false) -> Bool {
        if entries.contains("meta.yaml") { return false }
        let experiments = entries.filter { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }
        if experiments.isEmpty { return false }
        for name in experiments.sorted() {
            let experiment = directory.child(name)
            let meta = experiment.child("meta.yaml")
            if let handle = FilePaths.readHandle(meta) {
                defer { try? handle.close() }
                let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
                if head.contains("experiment_id:") || head.contains("artifact_location:") { return true }
                // A damaged experiment meta.yaml: the run folders below can still say it is a store
                // (whose reader then reports the bad file), rather than the store going unseen.
            }
            if strict { continue }
            for run in FilePaths.entries(of: experiment).prefix(64) where run.count == 32 {
                let folder = experiment.child(run)
                if FilePaths.exists(folder.child("meta.yaml")) || FilePaths.isDirectory(folder.child("metrics")) {
                    return true
                }
            }
        }
        return false
    }

    /// Every run folder with its experiment's name and note, without reading any run: the units of
    /// a build, read one by one in parallel (diagnostics about experiments are given here, once).
    func runJobs() -> [(directory: URL, project: String, note: String?)] {
        var jobs: [(directory: URL, project: String, note: String?)] = []
        MLflowStoreChecks.check(root, isExperiment: isExperiment, context: context)
        for url in experimentFolders() {
            guard let (name, runDirectories) = experiment(url) else { continue }
            let note = Self.keyedFiles(url.child("tags"), context: context).first { $0.0 == "mlflow.note.content" }?.1
            jobs += runDirectories.map { ($0, name, note) }
        }
        return jobs
    }

    /// One run as a project of one run; its parent (a folder of the same store) is linked by path.
    func readSingle(_ directory: URL) -> Project? {
        let experimentURL = directory.deletingLastPathComponent()
        let quiet = ReaderContext(inputRoot: context.inputRoot, log: DiagnosticLog(), options: context.options)
        let meta = MLflowYAML.read(experimentURL.child("meta.yaml"), context: quiet)
        var name = experimentURL.lastPathComponent
        if let text = meta?["name"]?.string ?? meta?["name"].map(\.compactText), !text.isEmpty { name = text }
        let note = Self.keyedFiles(experimentURL.child("tags"), context: quiet).first { $0.0 == "mlflow.note.content" }?.1
        guard let (run, _, parentUUID) = readRun(directory, project: name) else { return nil }
        var linked = run
        if let parentUUID {
            let parent = experimentFolders().map { $0.child(parentUUID) }.first { FilePaths.isDirectory($0) }
            linked.parentID = RunID(parent.map { context.relativePath($0) } ?? parentUUID)
        }
        return Project(name: name, description: note, runs: [linked])
    }

    private func experimentFolders() -> [URL] {
        var experiments: [URL] = []
        for name in FilePaths.entries(of: root) where !name.hasPrefix(".") && name != "models" {
            let url = root.child(name)
            if FilePaths.isDirectory(url), isExperiment(url, name: name) { experiments.append(url) }
        }
        let trash = root.child(".trash")
        if context.options.includeDeleted, FilePaths.isDirectory(trash) {
            for name in FilePaths.entries(of: trash) where !name.hasPrefix(".") {
                let url = trash.child(name)
                if FilePaths.isDirectory(url) { experiments.append(url) }
            }
        }
        return experiments
    }

    func readProjects() -> [Project] {
        MLflowStoreChecks.check(root, isExperiment: isExperiment, context: context)
        let experiments = experimentFolders()
        var projects: [Project] = []
        var jobs: [(directory: URL, project: String)] = []
        for url in experiments {
            guard let (name, runDirectories) = experiment(url) else { continue }
            // The experiment's description is its tag `mlflow.note.content`.
            let note = Self.keyedFiles(url.child("tags"), context: context).first { $0.0 == "mlflow.note.content" }?.1
            projects.append(Project(name: name, description: note))
            jobs += runDirectories.map { ($0, name) }
        }
        // Runs are independent: read them on all cores, keeping their order.
        let results = ParallelMap.map(jobs) { job in readRun(job.directory, project: job.project) }
        var runs: [Run] = []
        var parents: [Int: String] = [:]
        var idOfUUID: [String: RunID] = [:]
        for case let (run, uuid, parent)? in results {
            if let parent { parents[runs.count] = parent }
            idOfUUID[uuid] = run.id
            runs.append(run)
        }
        MLflowRunFields.linkParents(&runs, parentUUIDs: parents, idOfUUID: idOfUUID)
        for run in runs {
            if let index = projects.firstIndex(where: { $0.name == run.project }) { projects[index].runs.append(run) }
        }
        // Experiments without runs (the ever-present "Default" one) make no project.
        return projects.filter { !$0.runs.isEmpty }
    }

    /// Digit-named folders are experiments even without `meta.yaml` (reported later); other folders
    /// only when they hold an experiment `meta.yaml`.
    private func isExperiment(_ url: URL, name: String) -> Bool {
        if name.allSatisfy(\.isASCIIDigitCharacter) { return true }
        return FilePaths.exists(url.child("meta.yaml"))
    }

    /// The experiment's name and run folders, or nil when it is deleted and deleted items are hidden.
    private func experiment(_ url: URL) -> (String, [URL])? {
        let metaURL = url.child("meta.yaml")
        var name = url.lastPathComponent
        if let meta = MLflowYAML.read(metaURL, context: context) {
            if let text = meta["name"]?.string ?? meta["name"].map(\.compactText), !text.isEmpty { name = text }
            if meta["lifecycle_stage"]?.string == "deleted", !context.options.includeDeleted { return nil }
        } else if !FilePaths.exists(metaURL) {
            context.warn(.mlflowExperimentWithoutMeta(url.lastPathComponent), url)
        }
        var runs: [URL] = []
        for entry in FilePaths.entries(of: url) where !entry.hasPrefix(".") && !Self.nonRunFolders.contains(entry) {
            let run = url.child(entry)
            guard FilePaths.isDirectory(run) else { continue }
            if FilePaths.exists(run.child("meta.yaml")) { runs.append(run); continue }
            // A run folder whose meta.yaml is gone still has its data: read it and say so.
            if ["metrics", "params", "tags"].contains(where: { FilePaths.isDirectory(run.child($0)) }) {
                context.warn(.mlflowRunWithoutMeta, run)
                runs.append(run)
            }
        }
        return (name, runs)
    }

    /// One run, its uuid and its parent's uuid; nil when deleted and deleted runs are hidden.
    private func readRun(_ directory: URL, project: String) -> (Run, String, String?)? {
        var run = Run(id: context.runID(of: directory), source: "mlflow", project: project,
                      name: directory.lastPathComponent, directory: directory.path)
        run.projectPath = context.relativePath(directory.deletingLastPathComponent())
        var uuid = directory.lastPathComponent
        var hasName = false
        var artifactURI: String?
        let metaURL = directory.child("meta.yaml")
        if FilePaths.exists(metaURL), let meta = MLflowYAML.read(metaURL, context: context) {
            if meta["lifecycle_stage"]?.string == "deleted", !context.options.includeDeleted { return nil }
            if let value = (meta["run_id"] ?? meta["run_uuid"])?.string, !value.isEmpty { uuid = value }
            if let value = meta["run_name"]?.string, !value.isEmpty { run.name = value; hasName = true }
            run.status = MLflowRunFields.status(meta["status"])
            run.start = milliseconds(meta["start_time"])
            run.end = milliseconds(meta["end_time"])
            if let user = meta["user_id"]?.string, !user.isEmpty { run.user = user }
            artifactURI = meta["artifact_uri"]?.string
        }
        if !hasName { run.name = uuid }
        let params = Self.keyedFiles(directory.child("params"), context: context)
        for (key, value) in params { run.params[key] = MLflowRunFields.param(value) }
        let tags = Self.keyedFiles(directory.child("tags"), context: context)
        let parent = MLflowRunFields.apply(tags: tags, to: &run, hasName: hasName)
        let metricsDirectory = directory.child("metrics")
        var lastTime: Double?
        for key in FilePaths.files(under: metricsDirectory, confinedTo: directory) {
            guard let series = MLflowMetricFile.read(metricsDirectory.child(key), key: key, context: context) else { continue }
            if let newest = series.times.filter(\.isFinite).max() { lastTime = max(lastTime ?? newest, newest) }
            run.metrics.append(series)
        }
        if let artifacts = MLflowArtifacts.directory(uri: artifactURI, fallback: directory.child("artifacts"),
                                                     metadata: metaURL, context: context) {
            MLflowArtifacts.read(artifacts, into: &run, context: context)
        }
        run.diskBytes = FilePaths.diskUsage(directory)
        run.lastActivity = [run.end, lastTime, run.start].compactMap { $0 }.max()
        return (run, uuid, parent)
    }

    private func milliseconds(_ value: JSONValue?) -> Double? {
        guard let ms = value?.number, ms.isFinite else { return nil }
        return ms / 1000
    }

    /// Params and tags: one file per key, the value is the raw file content (no trailing newline);
    /// a key with `/` is a nested path.
    static func keyedFiles(_ directory: URL, context: ReaderContext) -> [(String, String)] {
        guard FilePaths.isDirectory(directory) else { return [] }
        return FilePaths.files(under: directory, confinedTo: directory).compactMap { key in
            let url = directory.child(key)
            guard let bytes = ByteReading.contents(of: url) else {
                context.warn(.unreadableFile, url)
                return nil
            }
            return (key, String(decoding: bytes, as: UTF8.self))
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
