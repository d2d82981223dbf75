/// Series colours and dash patterns shared by every chart of a site, so that one run keeps one look.
///
/// The colours are the Okabe–Ito set, which stays distinguishable for the common forms of colour
/// blindness. Okabe–Ito's yellow is replaced by a deep indigo because a thin yellow line on white
/// is hard to see for everyone. After the colours wrap, the dash pattern changes instead, so index 8
/// is blue again but dashed.
///
///     Palette.color(0) == "#0072B2"; Palette.dash(0) == nil; Palette.dash(1) == "6 3"
public enum Palette {
    /// The colours in order: blue, orange, bluish green, vermillion, reddish purple, sky blue, indigo, grey.
    public static let colors: [String] = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#332288", "#6E6E6E",
    ]

    /// Dash patterns (SVG `stroke-dasharray`); index 0 is solid and has no pattern.
    public static let dashes: [String?] = [nil, "6 3", "2 2.5", "9 3 2 3", "1.5 3.5", "12 4"]

    /// The colour for `index`, wrapping around; negative indices wrap too.
    public static func color(_ index: Int) -> String {
        colors[positiveModulo(index, colors.count)]
    }

    /// The dash pattern for `index`, or nil for a solid line (index 0, and every `dashes.count`-th after it).
    public static func dash(_ index: Int) -> String? {
        dashes[positiveModulo(index, dashes.count)]
    }

    /// The dash index a series should use: its own `dashIndex` plus one step for each time its
    /// colour index has wrapped around the palette, so series 0 and 8 never look the same.
    static func effectiveDash(colorIndex: Int, dashIndex: Int) -> Int {
        let wraps = colorIndex >= 0 ? colorIndex / colors.count : (colorIndex + 1) / colors.count - 1
        return dashIndex + abs(wraps)
    }

    private static func positiveModulo(_ value: Int, _ modulus: Int) -> Int {
        let r = value % modulus
        return r < 0 ? r + modulus : r
    }
}
