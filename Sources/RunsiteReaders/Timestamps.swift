import Foundation

/// Parses the time formats loggers write into Unix seconds.
public enum Timestamps {
    /// ISO 8601 text (`2026-11-29T10:00:00Z`, with or without fraction and zone; no zone means UTC)
    /// or a number of Unix seconds.
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return seconds }
        return parseISO(trimmed)
    }

    public static func parseISO(_ text: String) -> Double? {
        var s = text.replacingOccurrences(of: " ", with: "T")
        if !s.contains("T") { s += "T00:00:00" }
        let hasZone = s.hasSuffix("Z") || s.range(of: #"[+-]\d\d:?\d\d$"#, options: .regularExpression) != nil
        if !hasZone { s += "Z" }
        // Fractions of any length: split them off so the formatter sees whole seconds.
        var fraction = 0.0
        if let dot = s.firstIndex(of: ".") {
            var end = s.index(after: dot)
            while end < s.endIndex, s[end].isNumber { end = s.index(after: end) }
            fraction = Double("0" + s[dot..<end]) ?? 0
            s.removeSubrange(dot..<end)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: s) else { return nil }
        return date.timeIntervalSince1970 + fraction
    }
}
