import RunsiteCore
import RunsiteMarkup

/// Text helpers shared by the charts: the font stack, width estimates and count formatting.
enum ChartText {
    /// System UI fonts first, with DejaVu Sans (present on most Linux machines) before the generic fallback.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"

    /// An estimate of the rendered width of `text` at `fontSize` pixels. SVG has no text metrics
    /// at build time, so margins and legend columns are sized from typical glyph widths of
    /// sans-serif fonts; a generous estimate only costs a little white space.
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for ch in text {
            switch ch {
            case "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!", " ", "(", ")", "[", "]": em += 0.32
            case "f", "r", "t", "-", "/": em += 0.42
            case "m", "w", "M", "W", "@", "%", "…": em += 0.95
            case "0"..."9", "\u{2212}", "+", "=", "<", ">", "_", "$", "#", "\"": em += 0.64
            default: em += ch.isUppercase ? 0.72 : 0.61
            }
        }
        return em * fontSize
    }

    /// `text` shortened with an ellipsis so that its estimated width fits `maxWidth`.
    static func truncated(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        if width(text, fontSize: fontSize) <= maxWidth { return text }
        var kept = ""
        for ch in text {
            if width(kept + String(ch) + "…", fontSize: fontSize) > maxWidth { break }
            kept.append(ch)
        }
        return kept + "…"
    }

    /// An integer with thousands separators: `1280000` → `1,280,000`. Locale-free on purpose, so
    /// output is the same on every machine.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// A coordinate for SVG attributes and path data.
    static func coordinate(_ value: Double, digits: Int = 1) -> String {
        NumberText.fixed(value, digits: digits)
    }

    /// Presentation attributes for a text element, so standalone SVG reads well without CSS.
    static func textAttributes(className: String, size: Double, fill: String = "#444444",
                               anchor: String? = nil, weight: String? = nil) -> [Attribute] {
        var attributes = [cls(className), attr("font-size", coordinate(size)), attr("fill", fill)]
        if let anchor { attributes.append(attr("text-anchor", anchor)) }
        if let weight { attributes.append(attr("font-weight", weight)) }
        return attributes
    }
}

/// A deterministic short id for SVG `id` attributes (clip paths), derived from the chart's content
/// with FNV-1a, so two different charts on one page do not share ids and rebuilds stay identical.
struct StableID {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0xFF)
    }

    mutating func add(_ number: Double) {
        var bits = number.bitPattern
        for _ in 0..<8 { mix(UInt8(truncatingIfNeeded: bits)); bits >>= 8 }
    }

    private mutating func mix(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }

    /// `prefix` followed by 12 hex digits.
    func id(prefix: String) -> String {
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return prefix + padded.prefix(12)
    }
}
