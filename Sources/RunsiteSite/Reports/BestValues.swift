/// The best and second-best distinct finite values of a column, by the metric's direction. A
/// column whose values are all equal (a tie across every run, or one value alone) has no best.
enum BestValues {
    static func ranks(_ values: [Double?], direction: MetricDirection) -> (best: Double?, second: Double?) {
        let present = values.compactMap { $0 }
        guard let first = present.first,
              present.contains(where: { $0 != first && !($0.isNaN && first.isNaN) }) else { return (nil, nil) }
        let finite = Set(present.filter(\.isFinite))
        let ordered = direction == .minimize ? finite.sorted() : finite.sorted(by: >)
        return (ordered.first, ordered.count > 1 ? ordered[1] : nil)
    }
}
