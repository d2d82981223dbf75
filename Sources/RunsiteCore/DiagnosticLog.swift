import Foundation

/// A thread-safe collector of diagnostics; readers on several threads may append to one log.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func append(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.append(diagnostic)
    }

    public func append(contentsOf diagnostics: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        items.append(contentsOf: diagnostics)
    }

    public func warning(_ id: String, _ message: String, at location: SourceLocation? = nil) {
        append(.warning(id, message, at: location))
    }

    /// All diagnostics, sorted by location then id.
    public var sorted: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return items.sorted()
    }

    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return items.count
    }

    public func count(of severity: Diagnostic.Severity) -> Int {
        lock.lock(); defer { lock.unlock() }
        return items.filter { $0.severity == severity }.count
    }
}
