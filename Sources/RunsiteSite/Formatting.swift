import Foundation
import RunsiteCore

/// Human text for times, durations, sizes and values. Always UTC, so output never depends on the machine.
enum Formatting {
    /// `2026-11-29 10:04 UTC`
    static func dateTime(_ seconds: Double?) -> String {
        guard let seconds, UTCTime.representable(seconds) else { return "" }
        let c = UTCTime(seconds: seconds)
        return CFormat.string("%04ld-%02ld-%02ld %02ld:%02ld UTC", c.year, c.month, c.day, c.hour, c.minute)
    }

    /// `2026-11-29T10:04:05Z`, for `datetime` attributes and sorting keys.
    static func isoTime(_ seconds: Double?) -> String {
        guard let seconds, UTCTime.representable(seconds) else { return "" }
        let c = UTCTime(seconds: seconds)
        return CFormat.string("%04ld-%02ld-%02ldT%02ld:%02ld:%02ldZ", c.year, c.month, c.day, c.hour, c.minute, c.second)
    }

    /// `45s`, `12m 05s`, `3h 02m`, `2d 04h`; empty for spans `UTCTime` cannot place either (over
    /// 30 million years), which run data can claim but integer seconds cannot hold.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, UTCTime.representable(seconds), seconds >= 0 else { return "" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return CFormat.string("%ldm %02lds", s / 60, s % 60) }
        if s < 86400 { return CFormat.string("%ldh %02ldm", s / 3600, (s % 3600) / 60) }
        return CFormat.string("%ldd %02ldh", s / 86400, (s % 86400) / 3600)
    }

    /// `532 B`, `1.4 KB`, `12.0 MB` (powers of 1000, as disk tools show).
    static func bytes(_ count: Int64) -> String {
        if count < 1000 { return "\(count) B" }
        let units = ["KB", "MB", "GB", "TB", "PB"]
        var value = Double(count) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
        return String(format: value < 10 ? "%.2f %@" : value < 100 ? "%.1f %@" : "%.0f %@", value, units[unit])
    }

    /// The exact logged value, as `runs.json` writes it (shortest text that reads back identically).
    static func exact(_ value: Double?) -> String {
        guard let value else { return "" }
        return NumberText.exact(value)
    }

    /// A value for table cells: exact when short, else 6 significant digits; the exact value goes in a `title`.
    static func cell(_ value: Double?) -> String {
        guard let value else { return "" }
        let exact = NumberText.exact(value)
        if exact.count <= 9 || !value.isFinite { return exact }
        return NumberText.compact(value, significant: 6)
    }
}
