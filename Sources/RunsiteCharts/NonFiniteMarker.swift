/// A NaN, +Infinity or −Infinity value, shown as a marker above the plot at its x.
struct NonFiniteMarker: Sendable, Hashable {
    enum Kind: Int, Sendable, CaseIterable { case positiveInfinity, negativeInfinity, nan }

    var kind: Kind
    /// The x of the first such value in this pixel column.
    var x: Double
    /// How many such values share the column.
    var count: Int

    /// Markers for the non-finite values of one series, one per kind and pixel column, in order of appearance.
    static func collect(xs: [Double], ys: [Double], decimator: Decimator) -> [NonFiniteMarker] {
        var markers: [NonFiniteMarker] = []
        var slot: [Int: Int] = [:]
        for i in 0..<min(xs.count, ys.count) where !ys[i].isFinite && decimator.xScale.accepts(xs[i]) {
            let kind: Kind = ys[i].isNaN ? .nan : (ys[i] > 0 ? .positiveInfinity : .negativeInfinity)
            let column = decimator.column(of: xs[i])
            let key = column * 4 + kind.rawValue
            if let at = slot[key] {
                markers[at].count += 1
            } else {
                slot[key] = markers.count
                markers.append(NonFiniteMarker(kind: kind, x: xs[i], count: 1))
            }
        }
        return markers
    }

    /// The glyph text used in the legend key.
    static func keyText(_ kind: Kind) -> String {
        switch kind {
        case .positiveInfinity: return "+Inf"
        case .negativeInfinity: return "\u{2212}Inf"
        case .nan: return "NaN"
        }
    }
}
