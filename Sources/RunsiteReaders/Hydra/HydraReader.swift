import Foundation
import RunsiteModel

/// Hydra job folders, as Hydra's `run_job` writes them (`hydra/core/utils.py`): `.hydra/config.yaml`
/// (composed config → params), `.hydra/overrides.yaml` (command-line overrides → `labels["overrides"]`
/// and a text) and `.hydra/hydra.yaml` (job name).
///
/// Hydra records no metrics: runs of any other format found inside the job folder (Lightning logs,
/// TensorBoard events, `mlruns/`, …) are read with the other readers and merged into the Hydra run,
/// which keeps source `hydra` (see `HydraNesting`).
///
/// Projects: the jobs of one sweep (`multirun/<date>/<time>/<n>`, whose parent holds `multirun.yaml`)
/// form the project `<task name> <date>/<time>`; single runs (`outputs/<date>/<time>`) form the project
/// `<task name>`, so all single runs of one app are seen together. The task name is `hydra.job.name`
/// (the script name), or `hydra` when `hydra.yaml` is missing.
public struct HydraReader: RunReader {
    public let format = "hydra"
    public init() {}

    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        guard entries.contains(".hydra") else { return false }
        let hydra = directory.child(".hydra")
        return FilePaths.exists(hydra.child("config.yaml"))
            || FilePaths.exists(hydra.child("overrides.yaml"))
    }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        let run = readRun(directory, context: context)
        var project = Project(name: run.project, runs: [run])
        // A sweep's project says what was swept: `multirun.yaml`'s `hydra.overrides.task` as typed.
        let multirun = directory.deletingLastPathComponent().child("multirun.yaml")
        if FilePaths.exists(multirun), let sweep = HydraYAML.read(multirun, context: context)?["hydra"]?["overrides"]?["task"]?.array {
            let overrides = sweep.map { $0.string ?? $0.compactText }
            if !overrides.isEmpty { project.description = "Hydra sweep: " + overrides.joined(separator: " ") }
        }
        return [project]
    }

    func readRun(_ directory: URL, context: ReaderContext) -> Run {
        let hydraDirectory = directory.child(".hydra")
        var run = Run(id: context.runID(of: directory), source: format, project: "hydra",
                      name: directory.lastPathComponent, directory: directory.path)
        let configURL = hydraDirectory.child("config.yaml")
        if let config = HydraYAML.read(configURL, context: context) {
            if case .object = config { config.flatten(into: &run.params) }
            else if config != .null { context.warn(.hydraConfigNotMapping, configURL, line: 1) }
        }
        let overridesURL = hydraDirectory.child("overrides.yaml")
        if let overrides = HydraYAML.read(overridesURL, context: context) {
            let items = overrides.array?.map { $0.string ?? $0.compactText } ?? []
            run.labels["overrides"] = items.joined(separator: " ")
            run.texts.append(RunText(name: "overrides.yaml", text: items.map { "- " + $0 }.joined(separator: "\n")))
        }
        var taskName = "hydra"
        var overrideDirname = ""
        let hydraURL = hydraDirectory.child("hydra.yaml")
        if let hydra = HydraYAML.read(hydraURL, context: context)?["hydra"] {
            if let name = hydra["job"]?["name"]?.string, !name.isEmpty { taskName = name }
            overrideDirname = hydra["job"]?["override_dirname"]?.string ?? ""
            if let mode = hydra["mode"]?.string { run.labels["hydra.mode"] = mode }
            if let choices = hydra["runtime"]?["choices"]?.object {
                for (group, choice) in choices where !group.hasPrefix("hydra/") { run.labels["choice." + group] = choice.compactText }
            }
        }
        run.name = overrideDirname.isEmpty ? taskName : "\(taskName) \(overrideDirname)"
        let sweep = directory.deletingLastPathComponent()
        if FilePaths.exists(sweep.child("multirun.yaml")) {
            run.project = "\(taskName) \(Self.dateTimeName(of: sweep))"
            run.group = Self.dateTimeName(of: sweep)
            run.projectPath = context.relativePath(sweep)
        } else {
            run.project = taskName
            // `outputs/<date>/<time>`: the project is the folder of dates, where every job of the task lands.
            let dated = Self.folderTime(directory) != nil && sweep.lastPathComponent.count == 10
            run.projectPath = context.relativePath(dated ? sweep.deletingLastPathComponent() : sweep)
        }
        run.start = Self.folderTime(directory) ?? FilePaths.modificationTime(configURL)
        HydraNesting.merge(into: &run, jobDirectory: directory, context: context)
        run.diskBytes = FilePaths.diskUsage(directory)
        run.lastActivity = [run.lastActivity, run.end, run.start].compactMap { $0 }.max()
        return run
    }

    /// `<date>/<time>` of a sweep folder (its last two path components).
    static func dateTimeName(of directory: URL) -> String {
        let parent = directory.deletingLastPathComponent().lastPathComponent
        return parent.isEmpty || parent == "/" ? directory.lastPathComponent : "\(parent)/\(directory.lastPathComponent)"
    }

    /// The start time from Hydra's default folder names `<YYYY-MM-DD>/<HH-MM-SS>` (of the job folder, or
    /// of its sweep folder), which are in the local time of the machine that ran the job. That zone is
    /// not recorded, so they are read as UTC: the same input then gives the same site on every machine
    /// (reading them in the building machine's zone would make the output depend on where it is built).
    static func folderTime(_ directory: URL) -> Double? {
        for folder in [directory, directory.deletingLastPathComponent()] {
            let time = folder.lastPathComponent, date = folder.deletingLastPathComponent().lastPathComponent
            guard time.count == 8, date.count == 10 else { continue }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd HH-mm-ss"
            if let parsed = formatter.date(from: "\(date) \(time)") { return parsed.timeIntervalSince1970 }
        }
        return nil
    }
}
