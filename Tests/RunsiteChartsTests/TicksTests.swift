import Foundation
import RunsiteCore
import Testing
@testable import RunsiteCharts

@Suite struct TicksTests {
    @Test func unitDomainGivesTenthsWithoutFloatingPointNoise() {
        let ticks = Ticks.labeled(0, 1, count: 10)
        #expect(ticks.map(\.label) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
        #expect(ticks[3].value == 0.3)
        #expect(Ticks.nice(0, 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func largeAndSmallValuesUseSIAndScientificLabels() {
        #expect(Ticks.labeled(0, 200_000, count: 4).map(\.label) == ["0", "50k", "100k", "150k", "200k"])
        #expect(Ticks.labeled(0, 1.2e6, count: 6).map(\.label) == ["0", "200k", "400k", "600k", "800k", "1M", "1.2M"])
        #expect(Ticks.labeled(0, 5e-5, count: 5).map(\.label) == ["0", "1e\u{2212}5", "2e\u{2212}5", "3e\u{2212}5", "4e\u{2212}5", "5e\u{2212}5"])
        #expect(Ticks.labeled(-1, 1, count: 4).map(\.label) == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
    }

    @Test func invalidDomainsGiveNoTicks() {
        #expect(Ticks.nice(.nan, 1, count: 5) == [])
        #expect(Ticks.nice(0, .nan, count: 5) == [])
        #expect(Ticks.nice(0, .infinity, count: 5) == [])
        #expect(Ticks.nice(-.infinity, 0, count: 5) == [])
        #expect(Ticks.nice(1, 1, count: 5) == [])
        #expect(Ticks.nice(0, 1, count: 0) == [])
        #expect(Ticks.nice(-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude, count: 5) == [])
        #expect(LogTicks.labeled(0, 10, count: 5) == [])
        #expect(LogTicks.labeled(-1, 10, count: 5) == [])
        #expect(LogTicks.labeled(.nan, 10, count: 5) == [])
    }

    @Test func reversedDomainGivesAscendingTicks() {
        #expect(Ticks.nice(1, 0, count: 5) == Ticks.nice(0, 1, count: 5))
    }

    /// The d3 `ticks` property list over seeded random domains from 1e-12 to 1e12.
    @Test func randomDomainsSatisfyTickProperties() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<3000 {
            let magnitude = Double(Int.random(in: -12...12, using: &rng))
            let a = Double.random(in: -1...1, using: &rng) * pow(10, magnitude)
            let span = Double.random(in: 0.001...10, using: &rng) * pow(10, magnitude + Double(Int.random(in: -3...1, using: &rng)))
            let b = a + span
            let count = Int.random(in: 1...12, using: &rng)
            let ticks = Ticks.labeled(a, b, count: count)
            let spec = try #require(TickSpec(a, b, count: count))
            #expect([1, 2, 5].contains(spec.step.significand), "step \(spec.step) for [\(a), \(b)]")
            for (k, tick) in ticks.enumerated() {
                #expect(tick.value >= a && tick.value <= b, "tick \(tick.value) outside [\(a), \(b)]")
                #expect(tick.value == spec.number(spec.first + k).value, "tick is not an integer multiple of the step")
                #expect(tick.label != "-0" && tick.label != "\u{2212}0" && !tick.label.hasPrefix("-"))
                #expect(!tick.label.hasPrefix("\u{2212}0") || tick.label.contains(where: { "123456789".contains($0) }))
                #expect(tick.label.count <= 12, "noisy label \(tick.label)")
                if k > 0 { #expect(tick.value > ticks[k - 1].value) }
            }
            #expect(Set(ticks.map(\.label)).count == ticks.count, "duplicate labels in \(ticks.map(\.label))")
        }
    }

    @Test func niceDomainContainsDomainAndIsStable() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<1000 {
            let a = Double.random(in: -1000...1000, using: &rng)
            let b = a + Double.random(in: 0.01...500, using: &rng)
            let nice = Ticks.niceDomain(a, b, count: 5)
            #expect(nice.lower <= a && nice.upper >= b)
            let again = Ticks.niceDomain(nice.lower, nice.upper, count: 5)
            #expect(again.lower == nice.lower && again.upper == nice.upper)
        }
    }

    @Test func logTicksUsePowersOfTenOrRoundMultiples() {
        #expect(LogTicks.labeled(0.001, 10, count: 5).map(\.label) == ["0.001", "0.01", "0.1", "1", "10"])
        #expect(LogTicks.labeled(1, 1e12, count: 3).map(\.label) == ["1", "1k", "1M", "1G", "1T"])
        #expect(LogTicks.labeled(1, 100, count: 5).map(\.label) == ["1", "2", "5", "10", "20", "50", "100"])
        let narrow = LogTicks.labeled(0.31, 0.38, count: 5)
        #expect(!narrow.isEmpty && narrow.allSatisfy { $0.value >= 0.31 && $0.value <= 0.38 })
        let nice = LogTicks.niceDomain(0.0012, 45)
        #expect(nice.lower == 0.001 && nice.upper == 100)
    }

    @Test func decimalNumbersFormatExactly() {
        #expect(DecimalNumber(3, exponent: -1).plainText(fractionDigits: 2) == "0.30")
        #expect(DecimalNumber(-25, exponent: -6).scientificText() == "\u{2212}2.5e\u{2212}5")
        #expect(DecimalNumber(15, exponent: 5).siText() == "1.5M")
        #expect(DecimalNumber(0, exponent: -3).plainText(fractionDigits: 1) == "0.0")
        #expect(DecimalNumber(3, exponent: -1).value == 0.3)
    }

    @Test func scaleInvertsWhatItMaps() {
        let linear = Scale(kind: .linear, domain: (-3, 7), range: (300, 20))
        let log = Scale(kind: .log, domain: (1e-3, 1e3), range: (0, 600))
        for v in [-3.0, -1.25, 0, 2.5, 7] { #expect(abs(linear.invert(linear(v)) - v) < 1e-9) }
        for v in [1e-3, 0.02, 1, 55, 1e3] { #expect(abs(log.invert(log(v)) / v - 1) < 1e-9) }
    }
}
