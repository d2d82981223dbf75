import Foundation
import Synchronization

/// The INPUT being read, bound for the duration of a read (and carried onto `ParallelMap`'s
/// threads) so that every file and folder a reader opens is checked in one place: a path below
/// `root` is opened only if its real path, symlinks resolved, is below the real path of `root`.
/// Warnings about what was refused go to `log`, once per path and input in a process (a build
/// binds one scope to find its runs and one per unit it reads, and both may meet the same link).
public final class InputScope: Sendable {
    /// The bound scope of the read in progress on this thread (or task), if any.
    @TaskLocal public static var current: InputScope?

    /// `root` as given, standardized; paths are compared with it as text.
    public let root: String
    /// `root` with every symlink resolved.
    public let realRoot: String
    public let log: DiagnosticLog
    /// Keys already warned about, and paths refused, by every scope of the process.
    private static let seen = Mutex<(warned: Set<String>, refused: Set<String>)>(([], []))

    public init(root: URL, log: DiagnosticLog) {
        self.root = root.standardizedFileURL.path
        self.realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        self.log = log
    }

    /// Runs `body` with a scope for `root` bound.
    public static func reading<R>(_ root: URL, log: DiagnosticLog, _ body: () throws -> R) rethrows -> R {
        try $current.withValue(InputScope(root: root, log: log), operation: body)
    }

    /// Whether `path` is `base` or below it.
    public static func path(_ path: String, isWithin base: String) -> Bool {
        path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// Whether `path` names something below the input as text, before or after `..` is resolved
    /// (`root/../../etc/passwd`, built from a name in run data, counts): its real path must then stay inside.
    public func governs(_ path: String) -> Bool {
        if Self.path(path, isWithin: root) { return true }
        return path.contains("/.") && Self.path(URL(fileURLWithPath: path).standardizedFileURL.path, isWithin: root)
    }

    /// Records that `path` was refused and appends `diagnostic` unless one was already appended
    /// for `key` in this input.
    public func refuse(_ path: String, warningKey key: String, _ diagnostic: @autoclosure () -> Diagnostic) {
        let first = Self.seen.withLock { seen in
            seen.refused.insert(root + "\0" + path)
            return seen.warned.insert(root + "\0" + key).inserted
        }
        if first { log.append(diagnostic()) }
    }

    /// Whether `path` was refused with a warning of its own, so that a reader's "cannot be read"
    /// about it would say the same thing twice.
    public func wasRefused(_ path: String) -> Bool {
        Self.seen.withLock { $0.refused.contains(root + "\0" + path) }
    }
}
