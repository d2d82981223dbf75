/// Label formatting shared by linear and log axes.
enum TickFormat {
    /// Labels for linear ticks: all share the step's number of decimals (`0.0 0.5 1.0`), large
    /// values use SI prefixes (`200k`) and tiny ones scientific text (`2e−5`).
    static func linearLabels(_ numbers: [DecimalNumber], step: DecimalNumber) -> [String] {
        let maxAbs = numbers.map { abs($0.value) }.max() ?? 0
        if maxAbs >= 1e21 || (maxAbs > 0 && maxAbs < 1e-3) { return numbers.map { $0.scientificText() } }
        if maxAbs >= 1e4 && step.normalized.exponent >= 2 { return numbers.map { $0.siText() } }
        let fractionDigits = max(0, -step.normalized.exponent)
        // A narrow domain far from zero, or one holding only zero, would need long decimals.
        if fractionDigits > 6 { return numbers.map { $0.scientificText() } }
        return numbers.map { $0.plainText(fractionDigits: fractionDigits) }
    }

    /// Labels for log ticks, one style per axis: scientific when any tick is tiny or huge
    /// (`1e−4 2e−4 5e−4 1e−3`), SI when any reaches ten thousand (`1k 10k 100k`), else plain.
    static func logLabels(_ numbers: [DecimalNumber]) -> [String] {
        let magnitudes = numbers.map { abs($0.value) }
        let low = magnitudes.min() ?? 1, high = magnitudes.max() ?? 1
        if high >= 1e21 || low < 1e-3 { return numbers.map { $0.scientificText() } }
        if high >= 1e4 { return numbers.map { $0.siText() } }
        return numbers.map { $0.plainText() }
    }
}
