import Foundation
import RunsiteCore

/// `wandb/latest-run`, which W&B makes a symlink to the newest run folder. Archives, `cp -L` and
/// sync tools turn it into a real folder: a second copy of that run, often taken while the run
/// was still writing, so its log may end inside a record.
///
/// A symlink is left alone (its target is read as itself). A real `latest-run/` whose log has the
/// name of a run folder's log is a copy: the run is read once, from the run folder, and the copy's
/// log is only checked, so that damage in it (a truncated last record) is reported with its byte
/// offset. A `latest-run/` holding a log no run folder has is the only copy of its run and is read.
enum WandBRunCopies {
    static let name = "latest-run"

    /// `[latest-run]` when it must be read as a run, else `[]` (after checking a copy).
    static func latestRun(in directory: URL, entries: [String], runFolders: [URL], context: ReaderContext) -> [URL] {
        guard entries.contains(name) else { return [] }
        let copy = directory.child(name)
        guard let status = FilePaths.status(copy.path, followingLinks: false), status.st_mode & S_IFMT == S_IFDIR else { return [] }
        let logs = FilePaths.entries(of: copy).filter(WandBReader.isLogName)
        guard !logs.isEmpty else { return [] }
        let original = runFolders.first { folder in
            let theirs = Set(FilePaths.entries(of: folder).filter(WandBReader.isLogName))
            return logs.allSatisfy(theirs.contains)
        }
        guard let original else { return [copy] }
        context.log.append(.note(.wandbRunCopy(name, original: context.location(original)), at: context.location(copy)))
        for log in logs {
            let url = copy.child(log)
            WandBLogReader(url: url).forEachRecord({ _, _ in }, problem: { WandBReader.report($0, in: url, context: context) })
        }
        return []
    }
}
