import Foundation

/// Runs a closure over items on all cores, keeping the input order of results.
public enum ParallelMap {
    public static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each iteration writes only its own slot, so no lock is needed.
        withoutActuallyEscaping(transform) { transform in
            items.withUnsafeBufferPointer { input in
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    results[index] = transform(input[index])
                }
            }
        }
        return results.map { $0! }
    }
}


/// The first error thrown on any thread of a parallel loop, rethrown afterwards on the caller's thread.
public final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?

    public init() {}

    /// Runs `body`, keeping its error if it is the first; skips the work once an error happened.
    public func attempt(_ body: () throws -> Void) {
        lock.lock()
        let failed = error != nil
        lock.unlock()
        guard !failed else { return }
        do { try body() } catch {
            lock.lock()
            if self.error == nil { self.error = error }
            lock.unlock()
        }
    }

    public func rethrow() throws {
        lock.lock(); defer { lock.unlock() }
        if let error { throw error }
    }
}

/// A thread-safe counter, for progress reports from parallel loops.
public final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    public init() {}

    /// Adds one and returns the new count.
    public func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
