import Foundation
import Synchronization
import RunsiteModel

/// Runs at the resolution a chart's lines need, outside run pages. Large builds hold every run thinned
/// for overviews (few bins per series, so memory stays flat however many runs there are). A chart of
/// n lines needs about `bins(forLines: n)` bins per line (its vertex budget is shared by its lines);
/// when the runs are held with fewer, the lines are drawn from each run's full digest thinned to
/// that, and only bands over all runs use the held copies. One per page; the last `kept` runs loaded
/// are kept, so the charts of one page (whose best runs mostly overlap) load a run once, while memory
/// stays bounded by one chart's lines whatever the number of charts.
final class FullResolution: Sendable {
    private let store: RunStore
    /// Step bins per series of the runs as the site holds them.
    let heldBins: Int
    /// The runs loaded, and their keys from the oldest.
    private let held = Mutex<(loaded: [Key: Run], order: [Key])>(([:], []))
    static let kept = ChartCrowd.limit + 2

    /// A run at a resolution.
    private struct Key: Hashable {
        let run: RunID
        let bins: Int
    }

    init(store: RunStore, heldBins: Int) {
        self.store = store
        self.heldBins = heldBins
    }

    /// Bins per line for a chart of `lines` lines: 64 at `ChartCrowd.limit` lines, more for fewer
    /// lines, up to the 512 of run pages.
    static func bins(forLines lines: Int) -> Int { min(512, 64 * ChartCrowd.limit / max(1, lines)) }

    /// The run thinned to `bins` (from its full digest), or nil when the held copy has enough.
    func run(_ run: Run, bins: Int) -> Run? {
        guard bins > heldBins else { return nil }
        let key = Key(run: run.id, bins: bins)
        if let known = held.withLock({ $0.loaded[key] }) { return known }
        let full = store.run(run, at: .lines(bins: bins)) ?? run
        held.withLock { held in
            if held.loaded.updateValue(full, forKey: key) == nil { held.order.append(key) }
            if held.order.count > Self.kept { held.loaded[held.order.removeFirst()] = nil }
        }
        return full
    }
}
