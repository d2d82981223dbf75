import Foundation

/// A light-to-dark blue ramp (the ColorBrewer "Blues" stops) for heatmap cells. Blue shades read
/// as "more" for colour-blind readers too, and the ramp's dark end lets white text stand out.
///
///     SequentialColor.blue(0).hex == "#F7FBFF"; SequentialColor.blue(1).hex == "#08306B"
enum SequentialColor {
    private static let stops: [(Double, Double, Double)] = [
        (247, 251, 255), (222, 235, 247), (198, 219, 239), (158, 202, 225), (107, 174, 214),
        (66, 146, 198), (33, 113, 181), (8, 81, 156), (8, 48, 107),
    ]

    /// The same ramp for dark pages, the other way round in lightness: from near the page's dark
    /// background (nothing) to pale blue (everything), so that empty cells do not glare.
    private static let darkStops: [(Double, Double, Double)] = [
        (30, 38, 48), (24, 52, 82), (21, 70, 118), (28, 94, 158), (45, 120, 190),
        (72, 146, 209), (107, 174, 214), (158, 202, 225), (198, 219, 239),
    ]

    /// The colour at `t` in `[0, 1]` (clamped; NaN gives the lightest) and its relative luminance.
    static func blue(_ t: Double) -> (hex: String, luminance: Double) { color(t, stops) }

    /// The colour at `t` on dark pages (NaN gives the darkest) and its relative luminance.
    static func blueOnDark(_ t: Double) -> (hex: String, luminance: Double) { color(t, darkStops) }

    private static func color(_ t: Double, _ stops: [(Double, Double, Double)]) -> (hex: String, luminance: Double) {
        interpolate(t.isFinite ? min(max(t, 0), 1) : 0, stops)
    }

    /// The colour at `u` in `[0, 1]` along `stops` (evenly spaced sRGB colours), and its relative
    /// luminance; the diverging ramp uses it too.
    static func interpolate(_ u: Double, _ stops: [(Double, Double, Double)]) -> (hex: String, luminance: Double) {
        let position = u * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        let f = position - Double(i)
        let a = stops[i], b = stops[i + 1]
        let r = (a.0 + (b.0 - a.0) * f).rounded(), g = (a.1 + (b.1 - a.1) * f).rounded(), bl = (a.2 + (b.2 - a.2) * f).rounded()
        return (hex(r, g, bl), luminance(r, g, bl))
    }

    /// Whether text on a background of this luminance should be white (WCAG contrast is then higher).
    static func prefersWhiteText(luminance: Double) -> Bool {
        // White wins once (1.05) / (L + 0.05) exceeds (L + 0.05) / 0.05, i.e. L < ~0.18.
        luminance < 0.18
    }

    private static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        "#" + [r, g, b].map { value -> String in
            let text = String(Int(value), radix: 16, uppercase: true)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }

    /// WCAG relative luminance of an sRGB colour.
    private static func luminance(_ r: Double, _ g: Double, _ b: Double) -> Double {
        func channel(_ c: Double) -> Double {
            let s = c / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
}

/// Viridis (van der Walt and Smith, matplotlib): a perceptually uniform sequential scale, readable
/// in grey and by colour-blind readers, for lines coloured by a value.
public enum ViridisColor {
    private static let stops: [(Double, Double, Double)] = [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (110, 206, 88), (181, 222, 43), (253, 231, 37),
    ]

    /// The colour at `t` in `[0, 1]` (clamped; NaN gives the dark end).
    public static func hex(_ t: Double) -> String {
        SequentialColor.interpolate(t.isFinite ? min(max(t, 0), 1) : 0, stops).hex
    }
}
