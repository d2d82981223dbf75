import Foundation
@testable import RunsiteCore
import Testing

/// `mapHelped` keeps input order, runs each item once, and finishes inside a parallel loop.
@Suite struct ParallelMapTests {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var calls: [Int: Int] = [:]
        func note(_ i: Int) { lock.lock(); calls[i, default: 0] += 1; lock.unlock() }
    }

    final class Page: @unchecked Sendable {}

    /// A helper still waiting in the global queue holds the shared work; once the caller has the
    /// results, that must not keep them (a page's charts) alive.
    @Test func aLateHelperKeepsNoResultsAlive() {
        let shared = HelpedWork([1, 2, 3]) { _ in Page() }
        shared.work()
        weak var first: Page?
        do {
            let results = shared.takeResults()
            first = results[0]
            #expect(results.count == 3 && first != nil)
        }
        #expect(first == nil, "released with the caller's results, though the helper's reference remains")
        shared.work()   // the late helper: finds nothing to do
        #expect(shared.results.isEmpty && shared.transform == nil)
    }

    @Test func helpedMapKeepsOrderAndRunsEachItemOnce() {
        let counter = Counter()
        let items = Array(0..<200)
        let squares = ParallelMap.mapHelped(items) { i -> Int in counter.note(i); return i * i }
        #expect(squares == items.map { $0 * $0 })
        #expect(counter.calls.count == 200 && counter.calls.values.allSatisfy { $0 == 1 })
        #expect(ParallelMap.mapHelped([7]) { $0 + 1 } == [8])
        #expect(ParallelMap.mapHelped([Int]()) { $0 } == [])
    }

    @Test func helpedMapInsideAParallelLoopFinishes() {
        let outer = ParallelMap.map(Array(0..<16)) { o -> Int in
            ParallelMap.mapHelped(Array(0..<8)) { i -> Int in
                Thread.sleep(forTimeInterval: 0.001)
                return o * 100 + i
            }.reduce(0, +)
        }
        #expect(outer == (0..<16).map { o in (0..<8).reduce(0) { $0 + o * 100 + $1 } })
    }
}
