import Foundation
import RunsiteAllocator
import RunsiteCore
import Synchronization

struct Sample {
    var phases: [String: Double] = [:]
    var wall = 0.0
    var cpu = 0.0
    var peakRSS: Int64 = 0
    var points = 0
    var runs = 0
    var outputBytes = 0
    /// Warnings and errors; notes (such as the ids of copies that share paths being qualified) say nothing is wrong.
    var diagnostics = 0
}

struct Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}

/// Sums time spent in a closure across threads.
final class TimeAccumulator: Sendable {
    private let nanos = Mutex<UInt64>(0)
    func time<T>(_ body: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        let spent = DispatchTime.now().uptimeNanoseconds - start
        nanos.withLock { $0 += spent }
        return result
    }
    var seconds: Double { Double(nanos.withLock { $0 }) / 1e9 }
}

enum Usage {
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    /// Peak resident set size of this process so far (Linux reports KiB).
    static func peakRSSBytes() -> Int64 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int64(usage.ru_maxrss) * 1024
    }
}

enum Report {
    static func print(samples: [Sample], bytes: Int64, mode: String, inputs: [String]) {
        func median(_ values: [Double]) -> Double { let s = values.sorted(); return s[s.count / 2] }
        let wall = median(samples.map(\.wall))
        let cpu = median(samples.map(\.cpu))
        let last = samples.last!
        Swift.print("runsite-bench \(mode) \(inputs.joined(separator: " "))")
        Swift.print("  runs \(last.runs), points \(last.points), input \(String(format: "%.1f", Double(bytes) / 1e6)) MB, diagnostics \(last.diagnostics)")
        Swift.print("  phase                         median s")
        for key in last.phases.keys.sorted() {
            Swift.print("  " + key.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%9.3f", median(samples.map { $0.phases[key] ?? 0 })))
        }
        Swift.print(String(format: "  wall %.3f s (runs: %@), cpu %.3f s, peak RSS %.1f MB", wall,
                           samples.map { String(format: "%.3f", $0.wall) }.joined(separator: ", "), cpu, Double(last.peakRSS) / 1e6))
        Swift.print(String(format: "  %.1f MB/s, %.2f M points/s", Double(bytes) / 1e6 / wall, Double(last.points) / 1e6 / wall))
        Swift.print("  allocator \(AllocatorTuning.description)")
    }
}
