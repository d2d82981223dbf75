/// Civil time in UTC from seconds since 1970, by integer arithmetic (Howard Hinnant's
/// `civil_from_days`, proleptic Gregorian): a runs table writes a start time per row, and a
/// `Calendar` (ICU) per call would be most of those rows' cost.
public struct UTCTime: Equatable, Sendable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// The time of whole seconds `seconds` (rounded down).
    public init(seconds: Double) {
        let whole = Int64(seconds.rounded(.down))
        var days = whole / 86_400, rest = whole % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        hour = Int(rest / 3600); minute = Int(rest % 3600 / 60); second = Int(rest % 60)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = Int(doy - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yoe + era * 400 + (month <= 2 ? 1 : 0))
    }

    /// Whether `seconds` is within the years this handles exactly (±290 billion years would overflow).
    public static func representable(_ seconds: Double) -> Bool { seconds.isFinite && abs(seconds) < 1e15 }
}
