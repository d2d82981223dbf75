import Foundation
import RunsiteModel

/// Runs at full resolution for the lines a chart draws outside run pages. Large builds hold every run
/// thinned for overviews (few bins per series, so memory stays flat however many runs there are);
/// a chart then draws its lines — at most `ChartCrowd.limit` per chart past that many runs — from each
/// run's full digest, and only bands over all runs from the thinned copies. One per page; the last
/// `kept` runs loaded are kept, so the charts of one page (whose best runs mostly overlap) load a run
/// once, while memory stays bounded by one chart's lines whatever the number of charts.
final class FullResolution: @unchecked Sendable {
    private let load: (Run) -> Run?
    private var loaded: [String: Run] = [:]
    private var order: [String] = []
    private let lock = NSLock()
    static let kept = ChartCrowd.limit + 2

    init(load: @escaping (Run) -> Run?) { self.load = load }

    /// The run at full resolution, or the run itself when the build did not thin it.
    func run(_ run: Run) -> Run {
        let key = run.source + "\u{0}" + run.id
        lock.lock()
        if let known = loaded[key] { lock.unlock(); return known }
        lock.unlock()
        let full = load(run) ?? run
        lock.lock()
        if loaded.updateValue(full, forKey: key) == nil { order.append(key) }
        if order.count > Self.kept { loaded[order.removeFirst()] = nil }
        lock.unlock()
        return full
    }
}
