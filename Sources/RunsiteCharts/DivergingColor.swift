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
        SequentialColor.interpolate(t.isFinite ? (min(max(t, -1), 1) + 1) / 2 : 0.5, stops).hex
    }
}
