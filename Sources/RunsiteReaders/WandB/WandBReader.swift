import Foundation
import RunsiteCore
import RunsiteModel

/// Weights & Biases run folders (as wandb's `sdk/wandb_settings.py` names them): `run-YYYYMMDD_HHMMSS-<id>/` (online) and
/// `offline-run-…/` inside a `wandb/` (or `.wandb/`) directory. Each run folder is a run, identified by
/// its path under the input; its project is the W&B project named in its RunRecord.
///
/// Claim rule: a directory that directly holds run folders (normally `wandb/`; any name works, so a
/// `.wandb/` given as input does too), or a single run folder given directly (it holds `run-*.wandb`).
///
/// The `.wandb` log is the source of everything when present (it always is for offline runs). A run
/// folder without one (online runs synced elsewhere, log deleted) is read from `files/config.yaml`
/// (values wrapped as `{value: …}`) and `files/wandb-summary.json`, which holds final values only:
/// each numeric summary value becomes a one-point series at `_step`.
public struct WandBReader: RunReader {
    public let format = "wandb"
    public var clockHorizon: Double? { WandBRunBuilder.staleAfter }
    public init() {}

    /// `run-20261129_112736-abc123` or `offline-run-…` (an optional suffix may follow the id).
    static func isRunFolderName(_ name: String) -> Bool {
        let rest: Substring
        if name.hasPrefix("offline-run-") { rest = name.dropFirst(12) } else if name.hasPrefix("run-") { rest = name.dropFirst(4) } else { return false }
        let chars = Array(rest.utf8)
        guard chars.count > 16 else { return false }
        for i in 0..<15 where i != 8 { guard chars[i] >= 48 && chars[i] <= 57 else { return false } }
        return chars[8] == UInt8(ascii: "_") && chars[15] == UInt8(ascii: "-")
    }

    static func isLogName(_ name: String) -> Bool { name.hasPrefix("run-") && name.hasSuffix(".wandb") }

    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        if entries.contains(where: Self.isLogName) { return true }
        return entries.contains { Self.isRunFolderName($0) && FilePaths.isDirectory(directory.child($0)) }
    }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        let entries = FilePaths.entries(of: directory)
        let folders: [URL]
        if entries.contains(where: Self.isLogName) {
            folders = [directory]
        } else {
            let runFolders = entries.filter(Self.isRunFolderName).map { directory.child($0) }.filter(FilePaths.isDirectory)
            folders = runFolders + WandBRunCopies.latestRun(in: directory, entries: entries, runFolders: runFolders, context: context)
        }
        // Used when a run names no project (online folder without its log): the folder holding `wandb/`.
        let fallbackProject = directory.deletingLastPathComponent().lastPathComponent
        let runs = ParallelMap.map(folders) { readRun($0, fallbackProject: fallbackProject, context: context) }
        var projects: [String: [Run]] = [:]
        for run in runs { projects[run.project, default: []].append(run) }
        return projects.keys.sorted().map { Project(name: $0, runs: projects[$0]!) }
    }

    func readRun(_ folder: URL, fallbackProject: String, context: ReaderContext) -> Run {
        var run = Run(id: context.runID(of: folder), source: format, project: fallbackProject,
                      name: Self.runIDFromFolder(folder.lastPathComponent), directory: folder.path)
        run.projectPath = context.relativePath(folder.deletingLastPathComponent())
        let logs = FilePaths.entries(of: folder).filter(Self.isLogName)
        var builder = WandBRunBuilder()
        if logs.isEmpty {
            WandBOnlineFiles.read(folder.child("files"), into: &builder, context: context)
        }
        var modified: Double?
        for name in logs {
            let url = folder.child(name)
            read(url, into: &builder, context: context)
            modified = max(modified ?? 0, FilePaths.modificationTime(url) ?? 0)
        }
        // System metrics come from the log; a folder whose log has none (or no log) may have the events file.
        let events = folder.child("files").child("wandb-events.jsonl")
        if builder.system.samples == 0, FilePaths.exists(events) { builder.system.readEvents(events, context: context) }
        builder.finish(into: &run, logModified: modified, now: context.options.currentTime)
        builder.system.warnClashes(with: builder.metrics.series, at: logs.first.map(folder.child) ?? events, context: context)
        if let project = builder.info?.project, !project.isEmpty { run.project = project }
        let files = folder.child("files")
        WandBMedia.attach(files: files, builder: builder, to: &run, context: context)
        run.artifacts = ArtifactScanner.scan(files, runRoot: folder, context: context)
        if let console = ConsoleText.read(files.child("output.log"), context: context), !console.isEmpty {
            run.texts.append(RunText(name: "output.log", text: console))
        }
        run.diskBytes = FilePaths.diskUsage(folder)
        return run
    }

    /// The run id at the end of a run folder name (`offline-run-20261129_112736-rpy1ibii` → `rpy1ibii`).
    static func runIDFromFolder(_ name: String) -> String {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        let start = name.hasPrefix("offline-") ? 3 : 2
        return parts.count > start ? parts[start...].joined(separator: "-") : name
    }

    func read(_ url: URL, into builder: inout WandBRunBuilder, context: ReaderContext) {
        var malformed = 0
        var firstMalformed = 0
        var keys = StringInterner()
        WandBLogReader(url: url).forEachRecord({ bytes, offset in
            do {
                builder.apply(try WandBRecordDecoder.decode(bytes, keys: &keys), offset: offset)
            } catch {
                if malformed == 0 { firstMalformed = offset }
                malformed += 1
            }
        }, problem: { Self.report($0, in: url, context: context) })
        if malformed > 0 {
            context.warn(.wandbMalformedRecords(malformed, first: firstMalformed), url, byteOffset: firstMalformed)
        }
        if let bad = builder.firstBadValue, builder.badValues > 0 {
            context.warn(.wandbMalformedValues(builder.badValues, first: bad.raw.prefix(80), at: bad.offset), url, byteOffset: bad.offset)
        }
        if let deep = builder.firstDeepValue {
            context.warn(.wandbValuesTooDeep(builder.deepValues, limit: InputLimits.depth, first: deep), url, byteOffset: deep)
        }
    }

    /// Reports one framing problem of the log at `url`, with its byte offset.
    static func report(_ problem: WandBLogReader.Problem, in url: URL, context: ReaderContext) {
        let o = problem.offset
        switch problem.kind {
        case .unreadable:
            context.warn(.unreadableFile, url)
        case .badHeader:
            context.warn(.wandbBadHeader, url, byteOffset: 0)
        case .badChecksum:
            context.warn(.wandbBadChecksum(at: o), url, byteOffset: o)
        case .badLength:
            context.warn(.wandbBadLength(at: o), url, byteOffset: o)
        case .badChunkOrder:
            context.warn(.wandbBadChunkOrder(at: o), url, byteOffset: o)
        case .truncated:
            context.warn(.truncatedRecord(format: "wandb", at: o), url, byteOffset: o)
        }
    }
}
