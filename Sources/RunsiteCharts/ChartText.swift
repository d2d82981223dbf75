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
        // Widths add up per character, so one pass suffices even for very long labels.
        var kept = ""
        var used = width("…", fontSize: fontSize)
        for ch in text {
            let w = width(String(ch), fontSize: fontSize)
            if used + w > maxWidth { break }
            used += w
            kept.append(ch)
        }
        return kept + "…"
    }

    /// `text` cut in the middle so that its estimated width fits `maxWidth`: about a third of the
    /// room for its start and the rest for its end, around an ellipsis (`baseline-…_compare/val`),
    /// since names of runs and metrics mostly differ at their ends. Each part ends or starts at a
    /// separator (`-`, `_`, `/`, `.`, `:`, space) when one is within three characters.
    static func middleTruncated(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        if width(text, fontSize: fontSize) <= maxWidth { return text }
        let characters = Array(text)
        let widths = characters.map { width(String($0), fontSize: fontSize) }
        let separators: Set<Character> = ["-", "_", "/", ".", ":", " "]
        let room = maxWidth - width("…", fontSize: fontSize)
        var head = 0, used = 0.0
        while head < characters.count, used + widths[head] <= room / 3 { used += widths[head]; head += 1 }
        // The start ends just after a separator: a little further when it fits in half the room, else a little back.
        if let next = (head..<min(head + 3, characters.count)).first(where: { separators.contains(characters[$0]) }),
           used + widths[head...next].reduce(0, +) <= room / 2 {
            used += widths[head...next].reduce(0, +)
            head = next + 1
        } else if let back = (max(0, head - 3)..<head).last(where: { separators.contains(characters[$0]) }), back + 1 < head {
            used -= widths[(back + 1)..<head].reduce(0, +)
            head = back + 1
        }
        var tail = characters.count
        while tail > head, used + widths[tail - 1] <= room { used += widths[tail - 1]; tail -= 1 }
        // The end starts at a separator.
        if tail < characters.count, !separators.contains(characters[tail]),
           let at = (tail..<min(tail + 3, characters.count - 1)).first(where: { separators.contains(characters[$0]) }) {
            tail = at
        }
        return String(characters[..<head]) + "…" + String(characters[tail...])
    }

    /// A coordinate for SVG attributes and path data.
    ///
    /// Points far outside the plot (a clipped outlier of 1e300) are pulled in to a million pixels:
    /// that keeps the number printable, and the visible, clipped part of the line keeps its slope
    /// to within a millionth.
    static func coordinate(_ value: Double, digits: Int = 1) -> String {
        NumberText.fixed(min(max(value, -1e6), 1e6), digits: digits)
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
