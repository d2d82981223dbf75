import Foundation
import RunsiteReaders
#if canImport(Glibc)
import Glibc
#endif

/// What builds killed mid-way (SIGKILL, out of memory, power loss) leave beside `--out`, put right
/// by the next build into the same output while it holds the lock. Only folders named as runsite
/// names them for this output, left by a process that is no longer alive, and carrying runsite's
/// sign (the staging sign or a site marker) are touched:
///
/// - a staging tree still being filled (`.NAME.runsite-tmp-PID` with `.runsite-staging`) is removed whole;
/// - a tree with a site marker (a staging tree that was committing, or an old site already swapped
///   out) loses the files its marker lists, as an old site does;
/// - an old site set aside (`.NAME.runsite-old-PID`) goes back to `--out` when `--out` is missing
///   (the build died between the two renames of the fallback swap), else is removed as an old site.
extension SiteWriter {
    func recoverInterruptedBuilds() {
        let name = output.lastPathComponent
        // Staging trees sit beside the output, or inside it when it is a mount point (SiteWriter+InPlace).
        for parent in [output.deletingLastPathComponent(), output] {
            recover(in: parent, name: name)
        }
    }

    private func recover(in parent: URL, name: String) {
        for entry in FilePaths.entries(of: parent) {
            guard let (kind, pid) = Self.leftover(entry, of: name), pid != getpid(), !Self.isAlive(pid) else { continue }
            let url = parent.child(entry)
            var info = stat()
            guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            let signed = access(url.child(Self.stagingSign).path, F_OK) == 0
            let marked = access(url.child(Self.markerName).path, F_OK) == 0
            if kind == .staging && signed {
                Self.removeTree(url.path)
            } else if kind == .aside && lstat(output.path, &info) != 0 && (marked || Self.isEmptyFolder(url.path)) {
                _ = rename(url.path, output.path)
            } else if marked {
                try? removeOwnTree(url)
            }
        }
    }

    enum Leftover { case staging, aside }

    /// The kind and process id of a folder name runsite gives staging and set-aside trees of `output`.
    static func leftover(_ entry: String, of output: String) -> (Leftover, Int32)? {
        for (kind, prefix) in [(Leftover.staging, ".\(output).runsite-tmp-"), (.aside, ".\(output).runsite-old-")] where entry.hasPrefix(prefix) {
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let pid = Int32(digits), pid > 0 else { return nil }
            return (kind, pid)
        }
        return nil
    }

    /// Whether a process with this id exists (`kill(pid, 0)` fails with ESRCH only when none does).
    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    static func isEmptyFolder(_ path: String) -> Bool {
        FilePaths.entries(of: URL(fileURLWithPath: path)).isEmpty
    }
}
