/// The benchmark corpora: the same runs written in several formats.
struct CorpusSpec {
    var runs: Int
    var metrics: Int
    var steps: Int

    static func named(_ name: String) -> CorpusSpec? {
        switch name.uppercased() {
        case "TINY": return CorpusSpec(runs: 3, metrics: 2, steps: 200)
        case "S": return CorpusSpec(runs: 50, metrics: 6, steps: 2_000)
        case "M": return CorpusSpec(runs: 200, metrics: 8, steps: 10_000)
        case "L": return CorpusSpec(runs: 1_000, metrics: 8, steps: 10_000)
        // Many small runs in one project: the table, the filter and the site's size at 10,000 runs.
        case "10K": return CorpusSpec(runs: 10_000, metrics: 3, steps: 200)
        default: return nil
        }
    }

    static let metricNames = ["train/loss", "val/loss", "train/acc", "val/acc", "lr", "grad_norm", "val/f1", "throughput"]
    var points: Int { runs * metrics * steps }
}

/// SplitMix64: a tiny deterministic generator, so that every machine writes the same corpus.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Roughly normal (sum of uniforms), enough for noise.
    mutating func gauss() -> Double { (unit() + unit() + unit() + unit() - 2) * 1.7 }
}

/// One synthetic curve: a decaying loss (or rising accuracy) with noise, rare spikes and a few NaN/Inf.
struct Curve {
    static func value(metric: Int, step: Int, steps: Int, run: Int, rng: inout SplitMix64) -> Double {
        let t = Double(step) / Double(max(1, steps))
        let rate = 2 + Double(run % 7)
        var v: Double
        switch metric % 4 {
        case 0, 1: v = 0.1 + 2.3 * exp(-rate * t) + 0.03 * rng.gauss()
        case 2, 3: v = 0.95 - 0.85 * exp(-rate * t) + 0.01 * rng.gauss()
        default: v = 0
        }
        if metric == 4 { v = 1e-3 * 0.5 * (1 + cos(Double.pi * t)) }
        let roll = rng.unit()
        if roll < 0.002 { v *= 4 }                 // a spike
        if roll > 0.99995 { v = .nan }             // a few NaN
        else if roll > 0.99993 { v = .infinity }   // and infinities
        return v
    }
}

import Foundation
