import RunsiteCore

extension LineChart {
    /// The points a script reads values from on hover, as `data-points` text: at most one point per
    /// pixel column (the kept point nearest the column's centre), written `x,y` or, when smoothing,
    /// `x,y,smoothed`, separated by spaces; a series with a band adds `,low,high` (after an empty
    /// smoothed field when not smoothing). Raw values are exact (they read back as the logged
    /// Double); smoothed ones have 6 significant digits. Non-finite values are left out: the
    /// markers above the plot show them.
    ///
    ///     "0,0.9 1,0.5 2,0.4"
    func readoutText(_ p: PlottedSeries, _ chosen: [Int]) -> String {
        var out = ByteText(capacity: 4096)
        for best in chosen {
            if !out.isEmpty { out.append(ascii: UInt8(ascii: " ")) }
            let y = p.series.ys[best]
            out.appendExact(p.series.xs[best])
            out.append(ascii: UInt8(ascii: ","))
            if p.series.valuesAreDerived { out.append(NumberText.compact(y, significant: 6)) } else { out.appendExact(y) }
            if let smoothed = p.smoothed { out.append("," + NumberText.compact(smoothed[best], significant: 6)) }
            if let low = p.series.bandLow, let high = p.series.bandHigh, best < low.count, best < high.count,
               low[best].isFinite, high[best].isFinite {
                // A band (a group's spread) follows in fields 4 and 5; field 3 stays empty without smoothing.
                if p.smoothed == nil { out.append(ascii: UInt8(ascii: ",")) }
                out.append("," + NumberText.compact(low[best], significant: 6) + "," + NumberText.compact(high[best], significant: 6))
            }
        }
        return out.string
    }

    /// The wall-clock time of each read-out point, for the page's x-axis switch (step, relative
    /// time, wall time): `t0` is the series' first logged time in exact Unix seconds, the start of
    /// its relative time, and `deltas` one whole number of milliseconds per read-out point, each
    /// after the previous point's time (the first after `t0`), empty where the point has no time.
    /// Deltas keep the attribute short: a few digits a point instead of a 13-digit time. Nil when
    /// the series has no times (a CSV without a time column) or none of its read-out points has one.
    ///
    ///     (t0: "1700000000.5", deltas: "0 1500  1499")   // the third point logged no time
    func readoutTimes(_ p: PlottedSeries, _ chosen: [Int]) -> (t0: String, deltas: String)? {
        guard let times = p.series.times, let origin = times.first(where: \.isFinite),
              chosen.contains(where: { $0 < times.count && times[$0].isFinite }) else { return nil }
        var out = ByteText(capacity: chosen.count * 5)
        var previous = (origin * 1000).rounded()
        for (k, i) in chosen.enumerated() {
            if k > 0 { out.append(ascii: UInt8(ascii: " ")) }
            guard i < times.count, times[i].isFinite else { continue }
            let ms = (times[i] * 1000).rounded()
            out.appendExact(ms - previous)
            previous = ms
        }
        return (NumberText.exact(origin), out.string)
    }

    /// The indices of the points the read-out keeps: at most one per pixel column, the kept point
    /// nearest the column's centre, finite values only.
    func readoutIndices(_ p: PlottedSeries) -> [Int] {
        // With many series, columns widen so that a chart carries at most about 1,500 read-out points.
        let pixelsPerColumn = max(1, Double(plotted.count) * layout.plotWidth / 1_500)
        var chosen: [Int] = []
        var column = Int.min
        var best = -1, bestDistance = Double.infinity
        for run in p.line.runs {
            for i in run {
                let x = p.series.xs[i], y = p.series.ys[i]
                guard y.isFinite, xScale.accepts(x) else { continue }
                // Clamped: with extreme domains a coordinate can overflow Int or be NaN.
                let raw = xScale(x) - layout.plotLeft
                guard !raw.isNaN else { continue }
                let pixel = min(max(raw, -1), layout.plotWidth + 1)
                // The floor, by truncation and a correction instead of a call to libm.
                let q = pixel / pixelsPerColumn
                let c = Int(q) - (Double(Int(q)) > q ? 1 : 0)
                let distance = abs(pixel - (Double(c) + 0.5) * pixelsPerColumn)
                if c != column {
                    if best >= 0 { chosen.append(best) }
                    column = c; best = -1; bestDistance = .infinity
                }
                if distance < bestDistance { best = i; bestDistance = distance }
            }
        }
        if best >= 0 { chosen.append(best) }
        return chosen
    }
}
