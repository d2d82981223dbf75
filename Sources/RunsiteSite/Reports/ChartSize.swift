import RunsiteCharts

/// `:size:` of `{chart}` and `{charts}`: `small` (400 × 220), `medium` (640 × 320, the default),
/// `large` (960 × 480) or `WxH` in pixels (`800x300`).
enum ChartSize {
    static func dimensions(_ text: String) -> (width: Double, height: Double)? {
        switch text.lowercased() {
        case "small": return (400, 220)
        case "medium": return (640, 320)
        case "large": return (960, 480)
        default:
            let parts = text.lowercased().split(separator: "x")
            guard parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]), (100...4000).contains(w), (80...4000).contains(h) else { return nil }
            return (w, h)
        }
    }
}
