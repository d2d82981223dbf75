import Foundation

/// Ticks for time axes at round durations (1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min;
/// 1, 2, 3, 6, 12 h; 1, 2, 7, 14, 28 d), labelled as durations or as UTC clock times.
///
///     TimeTicks.labeled(0, 3600, count: 4, format: .duration).map(\.label)  // ["0", "15 min", "30 min", "45 min", "60 min"]
enum TimeTicks {
    static let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                                  3600, 7200, 10800, 21600, 43200, 86400, 172_800, 604_800, 1_209_600, 2_419_200]

    /// The smallest round step that gives at most about `count` ticks over `[lower, upper]`.
    static func step(_ lower: Double, _ upper: Double, count: Int) -> Double? {
        let span = upper - lower
        guard span.isFinite, span > 0, count > 0 else { return nil }
        let wanted = span / Double(count)
        if let step = steps.first(where: { $0 >= wanted }) { return step }
        // Beyond four weeks: whole multiples of 28 days.
        return (wanted / 2_419_200).rounded(.up) * 2_419_200
    }

    /// Labelled ticks inside `[lower, upper]`; falls back to number ticks for spans under two seconds.
    static func labeled(_ lower: Double, _ upper: Double, count: Int, format: AxisFormat) -> [Tick] {
        let lo = min(lower, upper), hi = max(lower, upper)
        guard let step = step(lo, hi, count: count), hi - lo >= 2 else { return Ticks.labeled(lower, upper, count: count) }
        let first = (lo / step).rounded(.up), last = (hi / step).rounded(.down)
        guard last >= first, last - first < 10_000 else { return [] }
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        switch format {
        case .number: return Ticks.labeled(lower, upper, count: count)
        case .duration: return values.map { Tick(value: $0, label: durationLabel($0, step: step)) }
        case .date:
            return values.enumerated().map { i, v in Tick(value: v, label: dateLabel(v, step: step, first: i == 0)) }
        }
    }

    /// `45 s`, `15 min`, `2 h`, `1.5 h`, `3 d`; the unit follows the step so one axis uses one unit.
    static func durationLabel(_ seconds: Double, step: Double) -> String {
        if seconds == 0 { return "0" }
        let (unit, size): (String, Double) = step < 60 ? ("s", 1) : step < 3600 ? ("min", 60) : step < 86400 ? ("h", 3600) : ("d", 86400)
        return DecimalNumber.roughText(seconds / size) + " " + unit
    }

    /// UTC clock text: `2026-11-29` for day steps; `10:30` (`10:30:15` below a minute), with the
    /// date in front on the first tick and at midnight, so a reader always knows the day.
    static func dateLabel(_ seconds: Double, step: Double, first: Bool) -> String {
        let date = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        if step >= 86400 { return day }
        var clock = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        if step < 60 { clock += String(format: ":%02d", c.second ?? 0) }
        let midnight = c.hour == 0 && c.minute == 0 && c.second == 0
        return first || midnight ? String(day.dropFirst(5)) + " " + clock : clock
    }
}
