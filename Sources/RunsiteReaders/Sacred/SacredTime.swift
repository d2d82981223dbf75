import Foundation

/// Sacred's timestamps, `datetime.utcnow().isoformat()`: `YYYY-MM-DDTHH:MM:SS[.ffffff]`, UTC, no zone.
/// Metrics carry one per point, so this fixed shape is parsed straight from UTF-8 without a formatter;
/// anything else goes through `Timestamps.parseISO`.
enum SacredTime {
    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { fast($0) } ?? Timestamps.parseISO(text)
    }

    private static func fast(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count >= 19, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 32, b[13] == 58, b[16] == 58 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<start + count {
                let d = Int(b[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var fraction = 0.0
        if b.count > 19 {
            guard b[19] == 46, b.count > 20, b.count <= 29, let digitsValue = digits(20, b.count - 20) else { return nil }
            var scale = 1.0
            for _ in 20..<b.count { scale *= 10 }
            fraction = Double(digitsValue) / scale
        }
        // Days from the civil date (proleptic Gregorian), Howard Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return Double(days * 86400 + hour * 3600 + minute * 60 + second) + fraction
    }
}
