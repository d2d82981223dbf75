import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders

/// A digest names its run's images and artifacts by absolute path, and a digest can be written by
/// hand. Only files inside the run folder the digest records (links resolved on both sides) are
/// kept for copying; any other is dropped with a warning. A run folder that is the file system's
/// root confines nothing and keeps no file.
enum DigestConfinement {
    /// The run with the files that lie outside its recorded folder removed, warning for each at `digest`.
    static func confine(_ run: Run, digest: URL, log: DiagnosticLog) -> Run {
        var run = run
        let root = FilePaths.realPath(nil, path: run.directory)
        let location = SourceLocation(file: FilePaths.display(digest), line: 1, column: 1)
        // A file that is gone keeps its place when its path is under the run folder: copying it
        // then fails with a warning of its own.
        let lexicalRoot = URL(fileURLWithPath: run.directory).standardizedFileURL.path
        func inside(_ path: String) -> Bool {
            guard let root, root != "/" else { return false }
            guard let real = FilePaths.realPath(nil, path: path) else {
                return lexicalRoot != "/" && !SiteWriter.escapes(String(path.dropFirst(lexicalRoot.count + 1))) && path.hasPrefix(lexicalRoot + "/")
            }
            return real.hasPrefix(root + "/")
        }
        func warn(_ path: String) {
            log.warning(.digestFileOutsideRun(path, run: run.directory), at: location)
        }
        run.artifacts = run.artifacts.filter { artifact in
            if inside(artifact.sourceFile) { return true }
            warn(artifact.sourceFile)
            return false
        }
        run.images = run.images.filter { image in
            guard case .file(let path) = image.content else { return true }
            if inside(path) { return true }
            warn(path)
            return false
        }
        return run
    }

    /// The resolved run folders of digest runs, for the site writer's confinement of copies.
    static func folders(_ runs: some Sequence<Run>) -> [String] {
        runs.compactMap { FilePaths.realPath(nil, path: $0.directory) }.filter { $0 != "/" }
    }
}
