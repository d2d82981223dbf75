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
