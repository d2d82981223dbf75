/// One axis tick: its value and the label written beside it.
public struct Tick: Sendable, Hashable {
    /// The data value at which the tick sits.
    public var value: Double
    /// The label text, free of floating-point noise and never `-0`.
    public var label: String

    /// Creates a tick.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Label formatting shared by linear and log axes.
enum TickFormat {
    /// Labels for linear ticks: all share the step's number of decimals (`0.0 0.5 1.0`), large
    /// values use SI prefixes (`200k`) and tiny ones scientific text (`2e−5`).
    static func linearLabels(_ numbers: [DecimalNumber], step: DecimalNumber) -> [String] {
        let maxAbs = numbers.map { abs($0.value) }.max() ?? 0
        if maxAbs >= 1e21 || (maxAbs > 0 && maxAbs < 1e-3) { return numbers.map { $0.scientificText() } }
        if maxAbs >= 1e4 && step.normalized.exponent >= 2 { return numbers.map { $0.siText() } }
        let fractionDigits = max(0, -step.normalized.exponent)
        return numbers.map { $0.plainText(fractionDigits: fractionDigits) }
    }

    /// Labels for log ticks: each number is written on its own (`0.001 0.01 … 1k 10k`).
    static func logLabel(_ number: DecimalNumber) -> String {
        let magnitude = abs(number.value)
        if magnitude >= 1e21 || magnitude < 1e-3 { return number.scientificText() }
        if magnitude >= 1e4 { return number.siText() }
        return number.plainText()
    }
}
