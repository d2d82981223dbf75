import Foundation
import RunsiteCore
import Testing
@testable import RunsiteSite

/// The C-library and integer paths that replaced `String(format:)`, `Calendar` and
/// `ISO8601DateFormatter` in per-row formatting must give the same text as those did.
@Suite struct FormattingSpeedPathTests {
    /// Deterministic values across magnitudes, signs and digit counts.
    static let values: [Double] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var values: [Double] = [1, -1, 0.5, 1e-4, 9.99995e-5, 1e6, 999_999.5, 123_456.789, 0.1, 2.5, -0.000123456, 1e300, 5e-324]
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mantissa = Double(state >> 11) / Double(1 << 53)
            let exponent = Int((state >> 3) % 40) - 20
            values.append((state & 1 == 0 ? 1 : -1) * mantissa * pow(10, Double(exponent)))
        }
        return values
    }()

    @Test func cFormatMatchesStringFormat() {
        for value in Self.values {
            for format in ["%.4g", "%.6g", "%.3e", "%.2f", "%.0f"] {
                #expect(CFormat.string(format, value) == String(format: format, value), "\(format) of \(value)")
            }
        }
        #expect(CFormat.string("%ldd %02ldh", 12, 3) == "12d 03h")
        #expect(CFormat.string("%.2f", 1e200).count > 128)   // longer than the stack buffer
    }

    @Test func utcTimeMatchesTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var seconds: [Double] = [0, -1, 86_399.9, 86_400, 951_782_400, 4_107_542_399, -2_208_988_800, 1_795_000_000.75]
        var state: UInt64 = 42
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            seconds.append(Double(Int64(state >> 33) % 9_000_000_000) - 2_500_000_000 + 0.25)   // 1890–2255
        }
        for s in seconds {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: s.rounded(.down)))
            let mine = UTCTime(seconds: s)
            #expect([mine.year, mine.month, mine.day, mine.hour, mine.minute, mine.second] == [c.year, c.month, c.day, c.hour, c.minute, c.second], "\(s)")
        }
    }

    @Test func dateTextsMatchFoundation() {
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(identifier: "UTC")
        for s in [0, 1_795_000_000.9, -86_401, 4_102_444_799] as [Double] {
            #expect(Formatting.isoTime(s) == iso.string(from: Date(timeIntervalSince1970: s.rounded(.down))))
        }
        #expect(Formatting.dateTime(1_795_000_000) == "2026-11-18 11:06 UTC")
        #expect(Formatting.dateTime(.nan) == "" && Formatting.isoTime(.infinity) == "")
        #expect(Formatting.duration(3725) == "1h 02m" && Formatting.duration(200_000) == "2d 07h" && Formatting.duration(61) == "1m 01s")
    }
}
