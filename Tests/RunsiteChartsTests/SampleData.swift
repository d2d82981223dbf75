import Foundation
@testable import RunsiteCharts
import RunsiteCore

/// Sample series shared by tests and the preview page.
enum SampleData {
    /// A decaying noisy loss curve of `count` points.
    static func loss(count: Int, seed: UInt64, scale: Double = 1) -> (xs: [Double], ys: [Double]) {
        var rng = SeededGenerator(seed: seed)
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(count); ys.reserveCapacity(count)
        for i in 0..<count {
            let t = Double(i) / Double(max(count - 1, 1))
            let noise = Double.random(in: -0.08...0.08, using: &rng)
            xs.append(Double(i))
            ys.append(scale * (2.2 * exp(-4 * t) + 0.25 + noise * (1 - 0.6 * t)))
        }
        return (xs, ys)
    }

    /// The representative three-series chart used for the golden file.
    static var threeSeries: [ChartSeries] {
        let a = loss(count: 60, seed: 1), b = loss(count: 60, seed: 2, scale: 0.8), c = loss(count: 45, seed: 3, scale: 1.2)
        var bys = b.ys
        bys[20] = .nan
        bys[21] = .nan
        var cys = c.ys
        cys[30] = .infinity
        return [
            ChartSeries(label: "baseline <lr=1e-3>", metric: "loss", colorIndex: 0, xs: a.xs.map { $0 * 100 }, ys: a.ys),
            ChartSeries(label: "wide & deep", metric: "loss", colorIndex: 1, xs: b.xs.map { $0 * 100 }, ys: bys),
            ChartSeries(label: "\"quoted\" run", metric: "loss", colorIndex: 2, xs: c.xs.map { $0 * 100 }, ys: cys),
        ]
    }
}
