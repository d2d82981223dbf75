import Foundation
import RunsiteModel

/// Discovery below a folder that a reader claimed only for some of its files (Keras CSV files), so that
/// runs of other formats in its subfolders are still found.
enum NestedDiscovery {
    /// Projects found by all readers in the non-hidden subfolders of `directory`, read with `context`
    /// so that run ids stay relative to the original input.
    static func readSubfolders(of directory: URL, context: ReaderContext) -> [Project] {
        let discovery = Discovery(readers: Readers.all)
        var projects: [Project] = []
        for name in FilePaths.entries(of: directory) where !name.hasPrefix(".") && name != "node_modules" && name != "__pycache__" {
            let child = directory.appendingPathComponent(name)
            guard FilePaths.isDirectory(child) else { continue }
            guard FilePaths.isInside(child, root: context.inputRoot) else {
                context.warn("discovery.symlink-outside-input", "symlink points outside the input and is skipped", child)
                continue
            }
            for claim in discovery.claims(in: child, log: context.log) {
                projects += claim.reader.readProjects(at: claim.directory, context: context)
            }
        }
        return projects
    }
}
