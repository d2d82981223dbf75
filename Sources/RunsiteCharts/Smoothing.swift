import Foundation

/// Smoothing of noisy metric values; non-finite values pass through unchanged and do not disturb
/// their finite neighbours.
public enum Smoothing {
    /// TensorBoard's scalar-dashboard smoothing: an exponential moving average debiased like Adam's,
    /// so the first points are not pulled towards zero.
    ///
    /// For each finite value `v`: `last = last × weight + (1 − weight) × v`, `n += 1`, output
    /// `last / (1 − weight^n)`. NaN and ±Infinity are copied through and do not count in `n`.
    /// A constant series is returned as is (TensorBoard does the same, avoiding rounding drift).
    ///
    ///     debiasedEMA([1, 2], weight: 0.5) == [1, 1.6666666666666667]
    ///
    /// - Parameter weight: in `[0, 1)`; 0 returns the values unchanged. Values outside are clamped.
    public static func debiasedEMA(_ values: [Double], weight: Double) -> [Double] {
        let w = weight.isFinite ? min(max(weight, 0), 1) : 0
        guard w > 0, let first = values.first else { return values }
        if values.allSatisfy({ $0 == first }) { return values }
        var last = 0.0
        var accumulated = 0.0
        var out = values
        for (i, value) in values.enumerated() where value.isFinite {
            last = last * w + (1 - w) * value
            accumulated += 1
            // pow rather than a running product, to round exactly as TensorBoard's Math.pow does.
            let debias = w == 1 ? 1 : 1 - pow(w, accumulated)
            out[i] = last / debias
        }
        return out
    }

    /// A centred running average: each finite value becomes the mean of the finite values within
    /// `window / 2` positions on either side (the window shrinks at the ends). Non-finite values
    /// are copied through.
    ///
    ///     centredRunningAverage([1, 2, 3, 4], window: 3) == [1.5, 2, 3, 3.5]
    public static func centredRunningAverage(_ values: [Double], window: Int) -> [Double] {
        let half = max(0, window / 2)
        guard half > 0, !values.isEmpty else { return values }
        // Prefix sums over finite values make each mean O(1); counts keep NaN out of the divisor.
        var sums = [0.0], counts = [0]
        sums.reserveCapacity(values.count + 1)
        counts.reserveCapacity(values.count + 1)
        for value in values {
            sums.append(sums[sums.count - 1] + (value.isFinite ? value : 0))
            counts.append(counts[counts.count - 1] + (value.isFinite ? 1 : 0))
        }
        var out = values
        for i in values.indices where values[i].isFinite {
            let lo = max(0, i - half), hi = min(values.count, i + half + 1)
            out[i] = (sums[hi] - sums[lo]) / Double(counts[hi] - counts[lo])
        }
        return out
    }
}
