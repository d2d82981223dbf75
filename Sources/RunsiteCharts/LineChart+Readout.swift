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
    func readoutText(_ p: PlottedSeries) -> String {
        // With many series, columns widen so that a chart carries at most about 1,500 read-out points.
        let pixelsPerColumn = max(1, Double(plotted.count) * layout.plotWidth / 1_500)
        var out = ByteText(capacity: 4096)
        var column = Int.min
        var best = -1, bestDistance = Double.infinity
        func flush() {
            guard best >= 0 else { return }
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
        for run in p.line.runs {
            for i in run {
                let x = p.series.xs[i], y = p.series.ys[i]
                guard y.isFinite, xScale.accepts(x) else { continue }
                // Clamped: with extreme domains a coordinate can overflow Int or be NaN.
                let raw = xScale(x) - layout.plotLeft
                guard !raw.isNaN else { continue }
                let pixel = min(max(raw, -1), layout.plotWidth + 1)
                let c = Int((pixel / pixelsPerColumn).rounded(.down))
                let distance = abs(pixel - (Double(c) + 0.5) * pixelsPerColumn)
                if c != column { flush(); column = c; best = -1; bestDistance = .infinity }
                if distance < bestDistance { best = i; bestDistance = distance }
            }
        }
        flush()
        return out.string
    }
}
