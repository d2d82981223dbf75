import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Putting the staging tree in the old site's place. On Linux both trees trade places in one
/// `renameat2(RENAME_EXCHANGE)`, so the output always exists: a build killed at any moment leaves
/// either the old site or the new one at `--out`. Where the exchange is not supported (another
/// system, or a file system without it), the old site is renamed aside and the staging tree renamed
/// into place: a build killed between those two renames leaves no `--out`, and the next build puts
/// the old site back (see SiteWriter+Recovery).
extension SiteWriter {
    static func stagingName(_ output: String, pid: Int32) -> String { ".\(output).runsite-tmp-\(pid)" }
    static func asideName(_ output: String, pid: Int32) -> String { ".\(output).runsite-old-\(pid)" }
    /// The file that marks a staging tree as runsite's while it is being filled.
    static let stagingSign = ".runsite-staging"

    /// Swaps the staging tree in place of the old site, then removes the old site's files that
    /// runsite wrote (those listed in its marker); anything else in it is kept and reported.
    /// Folders of the old site that the build adopted or carries are moved into the staging tree
    /// just before the exchange, and given back if it fails.
    func swap(_ staging: URL, adopting area: StagingArea? = nil) throws {
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            guard rename(staging.path, output.path) == 0 else {
                throw Failure.io("cannot move the new site into '\(output.path)': \(String(cString: strerror(errno)))")
            }
            area?.swapped = true
            return
        }
        let marker = Self.markerLines(of: output)
        var moved: [String] = []
        var merged: [StagingArea.MergedFolder] = []
        func giveBack() {
            for folder in moved { _ = rename(staging.child(folder).path, output.child(folder).path) }
            for folder in merged { folder.giveBack(from: staging, to: output) }
        }
        do {
            if let area {
                moved = try area.takeAdoptedFolders(from: output)
                merged = try area.takeCarriedFolders(from: output, marker: marker)
            }
        } catch {
            giveBack()
            throw Failure.io("cannot move the kept parts of the old site into the new one: \(error)")
        }
        let aside = output.deletingLastPathComponent().child(Self.asideName(output.lastPathComponent, pid: getpid()))
        var previous = aside
        switch exchangeTrees(staging.path, output.path) {
        case 0:
            area?.swapped = true
            // The old site now sits at the staging path; under its own name it is not taken for a staging tree.
            if rename(staging.path, aside.path) != 0 { previous = staging }
        case ENOSYS, EINVAL:
            guard rename(output.path, aside.path) == 0 else {
                let reason = String(cString: strerror(errno))
                giveBack()
                throw Failure.io("cannot move the old site '\(output.path)' aside: \(reason)")
            }
            guard rename(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(aside.path, output.path)
                giveBack()
                throw Failure.io("cannot move the new site into '\(output.path)': \(reason)")
            }
            area?.swapped = true
        case let code:
            giveBack()
            let hint = code == EBUSY || code == EXDEV ? " ('\(output.path)' may be a mount point on the same device as its parent, which runsite cannot tell apart; build into a folder inside it)" : ""
            throw Failure.io("cannot move the new site into '\(output.path)': \(String(cString: strerror(code)))\(hint)")
        }
        for folder in merged { folder.dropStale(in: output) }
        try removeOwnTree(previous, moved: moved + merged.map(\.folder), marker: marker, log: area?.log)
    }

    /// Exchanges two paths in one step; 0, or the error (`ENOSYS` where the system has no such call).
    func exchangeTrees(_ a: String, _ b: String) -> Int32 {
        guard useExchange else { return ENOSYS }
        #if os(Linux)
        guard let exchange = Self.renameat2 else { return ENOSYS }
        return exchange(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0 ? 0 : errno
        #else
        return ENOSYS
        #endif
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's Glibc module does not declare it.
    private static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    #endif
}
