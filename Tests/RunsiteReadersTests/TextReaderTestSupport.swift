import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders

/// A throw-away folder tree for damaged-file tests, removed when the value is released.
final class TempTree {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("runsite-text-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` (bytes exactly as given) at `path` below the root, creating folders.
    @discardableResult
    func write(_ path: String, _ text: String) -> URL {
        write(path, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ path: String, bytes: [UInt8]) -> URL {
        let url = root.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url
    }

    /// All runs read from the root by discovery with every reader, and the log.
    func read() -> (runs: [Run], log: DiagnosticLog) { SummaryComparison.read(root) }
}

extension DiagnosticLog {
    /// Warnings with `id` whose file ends with `file`, and at `line` when given.
    func warnings(_ id: String, file: String, line: Int? = nil) -> [Diagnostic] {
        sorted.filter { d in
            d.severity == .warning && d.id == id && (d.location?.file.hasSuffix(file) ?? false)
                && (line == nil || d.location?.line == line)
        }
    }

    var summaryText: String { sorted.map(\.formatted).joined(separator: "\n") }
}
