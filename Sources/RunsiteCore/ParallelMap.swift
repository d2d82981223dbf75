import Foundation
import Synchronization

/// Runs a closure over items on all cores, keeping the input order of results.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        // Each iteration writes only its own slot, so the slots need no lock; the buffer pointer is
        // not Sendable only because the compiler cannot see that the writes are disjoint.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // The input scope of a read (see `InputScope`) goes with the work onto the other threads.
        let scope = InputScope.current
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                if let scope {
                    InputScope.$current.withValue(scope) { results[index] = transform(items[index]) }
                } else {
                    results[index] = transform(items[index])
                }
            }
        }
        return results.map { $0! }
    }
}


/// The first error thrown on any thread of a parallel loop, rethrown afterwards on the caller's thread.
public final class FirstError: Sendable {
    private let error = Mutex<(any Error)?>(nil)

    public init() {}

    /// Runs `body`, keeping its error if it is the first; skips the work once an error happened.
    public func attempt(_ body: () throws -> Void) {
        guard error.withLock({ $0 == nil }) else { return }
        do { try body() } catch let thrown {
            error.withLock { if $0 == nil { $0 = thrown } }
        }
    }

    public func rethrow() throws {
        if let error = error.withLock({ $0 }) { throw error }
    }
}

/// A thread-safe counter, for progress reports from parallel loops.
public final class Counter: Sendable {
    private let value = Mutex(0)

    public init() {}

    /// Adds one and returns the new count.
    public func increment() -> Int {
        value.withLock { $0 += 1; return $0 }
    }
}

extension ParallelMap {
    /// Read once: Foundation reads the cgroup's files for it on every call.
    private static let processors = ProcessInfo.processInfo.activeProcessorCount

    /// Like `map`, for work started from inside a parallel loop: a nested `concurrentPerform` runs
    /// serially, so a page that is one long job (a project page's charts) would keep one core busy
    /// while the other idles. Helpers are offered to the global queue, the calling thread works too,
    /// and it waits only for items that were started, so a helper that comes late finds nothing and
    /// leaves.
    public static func mapHelped<T, R>(_ items: [T], _ transform: @escaping (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let shared = HelpedWork(items, transform)
        for _ in 1..<min(items.count, processors) {
            DispatchQueue.global().async { shared.work() }
        }
        shared.work()
        return shared.takeResults().map { $0! }
    }
}

/// The shared state of `ParallelMap.mapHelped`: the next item to take and the results so far.
///
/// A helper waits in the global queue until a thread is free, and in a full build every thread is
/// busy with pages, so it may run long after its page was written; it keeps this object alive until
/// then. So the results, the items and the work are dropped once the caller has the results:
/// otherwise each waiting helper would keep a whole page's charts (SVG, print figure, CSV) alive.
///
/// Unchecked because its fields are guarded by an `NSCondition`, whose wait `takeResults` needs and
/// `Mutex` does not offer.
final class HelpedWork<T, R>: @unchecked Sendable {
    let condition = NSCondition()
    var next = 0
    var finished = 0
    let count: Int
    var results: [R?]
    var items: [T]
    var transform: ((T) -> R)?
    init(_ items: [T], _ transform: @escaping (T) -> R) {
        self.items = items
        self.transform = transform
        count = items.count
        results = Array(repeating: nil, count: items.count)
    }

    /// Waits for every item, then hands the results over and lets go of everything else.
    func takeResults() -> [R?] {
        condition.lock()
        defer { condition.unlock() }
        while finished < count { condition.wait() }
        let taken = results
        results = []
        items = []
        transform = nil
        return taken
    }

    func work() {
        while true {
            condition.lock()
            let index = next
            next += 1
            guard index < count, let transform else { condition.unlock(); return }
            let item = items[index]
            condition.unlock()
            let result = transform(item)
            condition.lock()
            results[index] = result
            finished += 1
            condition.signal()
            condition.unlock()
        }
    }
}
