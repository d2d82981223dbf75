import Foundation

/// Welch's unequal-variances t-test, two-sided (SciPy's `ttest_ind(equal_var=False)`).
enum WelchTest {
    /// The p-value of the difference of means of `a` and `b`; nil when either has fewer than 2
    /// values or both have no spread.
    static func p(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count > 1, b.count > 1, let sa = SampleStatistics.std(a), let sb = SampleStatistics.std(b) else { return nil }
        let va = sa * sa / Double(a.count), vb = sb * sb / Double(b.count)
        guard va + vb > 0 else { return nil }
        let t = (SampleStatistics.mean(a) - SampleStatistics.mean(b)) / (va + vb).squareRoot()
        let df = (va + vb) * (va + vb) / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        // P(|T| ≥ |t|) for Student's t with df degrees of freedom = I_{df/(df+t²)}(df/2, 1/2).
        return min(1, IncompleteBeta.regularized(x: df / (df + t * t), a: df / 2, b: 0.5))
    }
}

/// The regularized incomplete beta function I_x(a, b), by its continued fraction evaluated with
/// the modified Lentz method (Press et al., Numerical Recipes, §6.4), to about 1e-15.
enum IncompleteBeta {
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logBeta + logPowers)
        // The fraction converges fast for x < (a+1)/(a+b+2); otherwise use I_x(a,b) = 1 − I_{1−x}(b,a).
        if x < (a + 1) / (a + b + 2) { return front * fraction(x: x, a: a, b: b) / a }
        return 1 - front * fraction(x: 1 - x, a: b, b: a) / b
    }

    private static func fraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d: Double = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let evenDenominator: Double = (a + 2 * m - 1) * (a + 2 * m)
            let even: Double = m * (b - m) * x / evenDenominator
            d = 1 + even * d; if abs(d) < tiny { d = tiny }
            c = 1 + even / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let oddDenominator: Double = (a + 2 * m) * (a + 2 * m + 1)
            let odd: Double = -(a + m) * (a + b + m) * x / oddDenominator
            d = 1 + odd * d; if abs(d) < tiny { d = tiny }
            c = 1 + odd / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return h
    }
}
