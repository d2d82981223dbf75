import Foundation
import Synchronization

/// A thread-safe collector of diagnostics; readers on several threads may append to one log.
public final class DiagnosticLog: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    public init() {}

    public func append(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    public func append(contentsOf diagnostics: [Diagnostic]) {
        items.withLock { $0.append(contentsOf: diagnostics) }
    }

    public func warning(_ message: DiagnosticMessage, at location: SourceLocation? = nil) {
        append(.warning(message, at: location))
    }

    /// All diagnostics, sorted by location then id.
    public var sorted: [Diagnostic] {
        items.withLock { $0 }.sorted()
    }

    public var count: Int {
        items.withLock { $0.count }
    }

    public func count(of severity: Diagnostic.Severity) -> Int {
        items.withLock { $0.count { $0.severity == severity } }
    }
}
