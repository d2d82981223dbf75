import Foundation

/// A red–white–blue ramp (ColorBrewer "RdBu") for differences centred on 0: red below, white at
/// 0, blue above. Readers with red–green colour blindness still tell red from blue.
enum DivergingColor {
    private static let stops: [(Double, Double, Double)] = [
        (178, 24, 43), (214, 96, 77), (244, 165, 130), (253, 219, 199), (247, 247, 247),
        (209, 229, 240), (146, 197, 222), (67, 147, 195), (33, 102, 172),
    ]

    /// The same ramp for dark pages: the middle (no difference) near the page's dark background,
    /// red and blue growing brighter towards the ends.
    private static let darkStops: [(Double, Double, Double)] = [
        (244, 120, 112), (210, 88, 82), (158, 62, 64), (96, 46, 54), (30, 38, 48),
        (38, 64, 96), (52, 98, 150), (78, 140, 200), (128, 182, 232),
    ]

    /// The colour at `t` in `[-1, 1]` (clamped; NaN gives white) as `#RRGGBB`, and whether text on it should be white.
    static func color(_ t: Double) -> (hex: String, whiteText: Bool) {
        (color(t, stops), abs(t) > 0.7)
    }

    /// The colour at `t` on dark pages, and whether text on it should be white (all but the brightest ends).
    static func colorOnDark(_ t: Double) -> (hex: String, whiteText: Bool) {
        (color(t, darkStops), !(abs(t) > 0.85))
    }

    private static func color(_ t: Double, _ stops: [(Double, Double, Double)]) -> String {
        let u = t.isFinite ? (min(max(t, -1), 1) + 1) / 2 : 0.5
        let position = u * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        let f = position - Double(i)
        let a = stops[i], b = stops[i + 1]
        let rgb = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f].map { $0.rounded() }
        return "#" + rgb.map { value -> String in
            let text = String(Int(value), radix: 16, uppercase: true)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }
}
