/// Series colours and dash patterns shared by every chart of a site, so that one run keeps one look.
///
/// Twenty colours, so that the first 20 runs of a project never share one: the first seven are the
/// Okabe–Ito set (its yellow, a thin line hard to see on white, replaced by a deep indigo), the
/// other thirteen were chosen to stay apart from them and from each other. Runs 10 to 19 are
/// also dashed, so that where a colour-vision deficiency merges two colours the dash still tells
/// the runs apart: among runs with the same dash every two colours differ by at least 10 CIEDE2000
/// units under simulated deuteranopia and protanopia (Machado 2009), and any two of the twenty by
/// at least 15 in normal vision, in both themes (`PaletteVisionTests`). After twenty runs the
/// colours come round again with the next dash patterns, so the first 60 runs all look different.
///
///     Palette.color(0) == "#0072B2"; Palette.dash(0) == nil; Palette.dash(1) == "6 3"
public enum Palette {
    /// The colours in order: blue, orange, bluish green, vermillion, reddish purple, sky blue,
    /// indigo, coral, raspberry, dark green; (dashed) turquoise, magenta, green, salmon, olive,
    /// brown, dark brown, teal, dusty purple, lavender.
    public static let colors: [String] = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#332288", "#EE5566", "#AA2266", "#226633",
        "#11CCBB", "#DD11FF", "#00CC00", "#FF9988", "#778800", "#996655", "#775500", "#006666", "#776699", "#BBAAEE",
    ]

    /// The same colours on the dark theme's background: the indigo, which would vanish there, is
    /// lightened; runsite.css swaps it in (charts, table swatches and the read-out all follow).
    public static let darkColors: [String] = colors.map { $0 == "#332288" ? "#8078F8" : $0 }

    /// How many runs in a row share one dash pattern before the next pattern starts.
    public static let runsPerDash = 10

    /// The neutral grey of a chart's crowd band (every run beyond the lines drawn), which no run has.
    public static let grey = "#6E6E6E"
    /// The colour index that means `grey`.
    public static let greyIndex = -1

    /// Dash patterns (SVG `stroke-dasharray`); index 0 is solid and has no pattern.
    public static let dashes: [String?] = [nil, "6 3", "2 2.5", "9 3 2 3", "1.5 3.5", "12 4"]

    /// The colour for `index`, wrapping around (`greyIndex` is the grey); other negative indices wrap too.
    public static func color(_ index: Int) -> String {
        index == greyIndex ? grey : colors[positiveModulo(index, colors.count)]
    }

    /// The dash pattern for `index`, or nil for a solid line (index 0, and every `dashes.count`-th after it).
    public static func dash(_ index: Int) -> String? {
        dashes[positiveModulo(index, dashes.count)]
    }

    /// The dash index a series should use: its own `dashIndex` (a second metric of one run) plus
    /// one step for every `runsPerDash` colour indices, so that runs 10 to 19 are dashed and run
    /// 20, whose colour is run 0's, is drawn with yet another pattern.
    public static func effectiveDash(colorIndex: Int, dashIndex: Int) -> Int {
        guard colorIndex != greyIndex else { return dashIndex }
        let steps = colorIndex >= 0 ? colorIndex / runsPerDash : (colorIndex + 1) / runsPerDash - 1
        return dashIndex + abs(steps)
    }

    private static func positiveModulo(_ value: Int, _ modulus: Int) -> Int {
        let r = value % modulus
        return r < 0 ? r + modulus : r
    }
}
