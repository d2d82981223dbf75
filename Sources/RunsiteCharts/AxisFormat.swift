/// How an axis writes its tick labels.
public enum AxisFormat: String, Sendable {
    /// Plain nice numbers (steps, epochs, values).
    case number
    /// Seconds as a readable duration: `30 s`, `5 min`, `2 h`, `3 d`.
    case duration
    /// Unix seconds as UTC wall-clock time: `10:30`, `11-29 10:30`, `2026-11-29`.
    case date
}
