import Foundation
import RunsiteCore
import Testing
@testable import RunsiteCharts

@Suite struct SmoothingTests {
    /// Values worked by hand with TensorBoard's formula (weight 0.6): last = last·w + (1−w)·v over
    /// finite values, divided by 1 − w^n with n counting finite values only.
    @Test func debiasedEMAMatchesHandComputedTensorBoardValues() {
        let out = Smoothing.debiasedEMA([1, 2, .nan, 4, .infinity, 3], weight: 0.6)
        // n=1: 0.4 / 0.4; n=2: 1.04 / 0.64; n=3: 2.224 / 0.784; n=4: 2.5344 / 0.8704
        let expected = [1.0, 1.625, Double.nan, 2.836734693877551, Double.infinity, 2.9117647058823528]
        #expect(out.count == expected.count)
        for (a, b) in zip(out, expected) {
            if b.isFinite { #expect(abs(a - b) < 1e-12, "\(a) vs \(b)") } else { #expect(a.isNaN == b.isNaN && a == b || (a.isNaN && b.isNaN)) }
        }
    }

    /// The same formula written out plainly, compared on random data with NaN and ±Inf mixed in.
    @Test func debiasedEMAMatchesReferenceLoopOnRandomData() {
        var rng = SeededGenerator(seed: 3)
        for weight in [0.0, 0.1, 0.5, 0.9, 0.99, 0.999] {
            var values: [Double] = (0..<2000).map { _ in Double.random(in: -5...5, using: &rng) }
            for k in stride(from: 7, to: 2000, by: 97) { values[k] = [Double.nan, .infinity, -.infinity][k % 3] }
            let out = Smoothing.debiasedEMA(values, weight: weight)
            var last = 0.0, n = 0.0
            for (i, v) in values.enumerated() {
                guard v.isFinite else { #expect(out[i].isNaN == v.isNaN && (v.isNaN || out[i] == v)); continue }
                last = last * weight + (1 - weight) * v
                n += 1
                let reference = weight == 0 ? v : last / (1 - pow(weight, n))
                #expect(abs(out[i] - reference) < 1e-12)
            }
        }
    }

    @Test func constantSeriesIsLeftUnchanged() {
        #expect(Smoothing.debiasedEMA([0.1, 0.1, 0.1], weight: 0.9) == [0.1, 0.1, 0.1])
        #expect(Smoothing.debiasedEMA([], weight: 0.9) == [])
    }

    @Test func centredRunningAverageSkipsNonFiniteValues() {
        #expect(Smoothing.centredRunningAverage([1, 2, 3, 4], window: 3) == [1.5, 2, 3, 3.5])
        let out = Smoothing.centredRunningAverage([1, .nan, 3, 5], window: 3)
        #expect(out[0] == 1 && out[1].isNaN && out[2] == 4 && out[3] == 4)
        #expect(Smoothing.centredRunningAverage([1, 2], window: 1) == [1, 2])
    }
}
