import Foundation
import RunsiteModel

/// Discovery below a folder that a reader claimed only for some of its files (Keras CSV files), so that
/// runs of other formats in its subfolders are still found.
enum NestedDiscovery {
    /// Projects found by all readers in the non-hidden subfolders of `directory`, read with `context`
    /// so that run ids stay relative to the original input.
    static func readSubfolders(of directory: URL, context: ReaderContext) -> [Project] {
        claims(under: directory, context: context).flatMap { claim in
            claim.reader.readProjects(at: claim.directory, context: context)
        }
    }

    /// The claims of all readers in the non-hidden subfolders of `directory`, in sorted path order.
    static func claims(under directory: URL, context: ReaderContext) -> [Discovery.Claim] {
        let discovery = Discovery(readers: Readers.all)
        var claims: [Discovery.Claim] = []
        // Each claim found here may look below itself again: the depth below the input bounds that.
        guard context.relativePath(directory).split(separator: "/").count < Discovery.maxDepth else { return [] }
        for name in FilePaths.entries(of: directory) where !name.hasPrefix(".") && name != "node_modules" && name != "__pycache__" {
            let child = directory.child(name)
            guard FilePaths.isDirectory(child) else { continue }
            guard FilePaths.isInside(child, root: context.inputRoot) else {
                context.warn("discovery.symlink-outside-input", "symlink points outside the input and is skipped", child)
                continue
            }
            claims += discovery.claims(in: child, log: context.log)
        }
        return claims
    }

    /// The reader that discovery gives `directory` to (the first in priority order that claims it).
    static func owner(of directory: URL) -> (any RunReader)? {
        let entries = Set(FilePaths.entries(of: directory))
        return Readers.all.claimant(of: directory, entries: entries)
    }
}
