/// The best and second-best distinct finite values of a column, by the metric's direction.
enum BestValues {
    static func ranks(_ values: [Double?], direction: MetricDirection) -> (best: Double?, second: Double?) {
        let finite = Set(values.compactMap { $0 }.filter(\.isFinite))
        let ordered = direction == .minimize ? finite.sorted() : finite.sorted(by: >)
        return (ordered.first, ordered.count > 1 ? ordered[1] : nil)
    }
}
