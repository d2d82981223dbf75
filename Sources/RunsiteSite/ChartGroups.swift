import Foundation
import RunsiteCharts
import RunsiteCore
import RunsiteModel
import RunsiteTemplates

/// `:group-by: param.KEY | tag | seed-agnostic` on `{chart}`/`{charts}`: runs that share the key
/// become one line, the mean of their values, with a band of ±1 standard deviation (or, with
/// `:band: minmax`, their minimum and maximum; with `:stats:`, the statistic's centre and spread,
/// as grouped tables show it) and `n` in the legend. See `aggregate` for how
/// runs that log at different x values are aligned; the caption says which way was used.
struct ChartGroups {
    enum Key: Equatable {
        case param(String)
        case tag
        case seedAgnostic
    }
    enum Band: String { case std, minmax }

    static let bins = 400

    var key: Key
    var band: Band
    /// `:stats:`: the line and band of a seed statistic instead of mean and `:band:`.
    var statistic: SeedStatistic?

    /// The grouping the directive asks for, or nil (with a warning for a value it does not understand).
    static func make(_ directive: Directive, _ context: PageContext) -> ChartGroups? {
        guard let raw = directive.option("group-by")?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let key: Key
        // `param.KEY` and `param:KEY` (the table's spelling, GroupKey) both name a param; a bare key does
        // too when some run in scope logged it.
        let params = Set(context.runsInScope.flatMap { $0.run.params.keys })
        if (raw.hasPrefix("param.") || raw.hasPrefix("param:")), raw.count > 6 {
            var name = String(raw.dropFirst(6))
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            key = .param(name)
        } else if raw == "tag" || raw == "tags" {
            key = .tag
        } else if raw == "seed-agnostic" {
            key = .seedAgnostic
        } else if params.contains(raw) {
            key = .param(raw)
        } else {
            context.warn(.badGroupBy(raw), at: directive.location)
            return nil
        }
        // An unknown band is warned by `OptionChecker`.
        let band = directive.option("band").flatMap { Band(rawValue: $0.lowercased()) } ?? .std
        let statistic = directive.option("stats").flatMap { SeedStatistic(rawValue: $0.lowercased()) }
        return ChartGroups(key: key, band: band, statistic: statistic)
    }

    /// Replaces per-run series by group series when the directive has `:group-by:`, and says so in the caption.
    /// The runs are those of `sources` (the runs the chart would draw), in order.
    static func apply(_ directive: Directive, _ context: PageContext, metrics: [String], sources: [ChartFigure.Source],
                      x: ChartsBridge.XAxis, series: inout [ChartSeries], options: inout LineChartOptions) {
        guard let grouping = make(directive, context) else { return }
        var runs: [Run] = []
        for source in sources where !runs.contains(where: { $0.id == source.run.id }) {
            runs.append(source.run)
        }
        let grouped = grouping.series(metrics: metrics, runs: runs, x: x)
        series = grouped.series
        options.seriesNote = grouped.note
    }

    /// Whether a parameter name is a seed (`seed`, `train.seed`, `random_seed`).
    static func isSeed(_ name: String) -> Bool {
        (name.split(separator: ".").last.map(String.init) ?? name).lowercased().contains("seed")
    }

    /// The group label of each run, in first-seen order of labels.
    func labels(_ runs: [Run]) -> [String] {
        switch key {
        case .param(let name):
            return runs.map { run in run.params[name].map { "\(name)=\($0.text)" } ?? "\(name) not set" }
        case .tag:
            return runs.map { $0.tags.isEmpty ? "no tags" : $0.tags.sorted().joined(separator: ", ") }
        case .seedAgnostic:
            // Only the parameters that differ between runs name a group; seeds are ignored.
            var values: [String: Set<String>] = [:]
            for run in runs { for (k, v) in run.params.sorted where !ChartGroups.isSeed(k) { values[k, default: []].insert(v.text) } }
            let keys = Set(runs.flatMap { $0.params.sorted.map(\.key) }).filter { !ChartGroups.isSeed($0) }
            let varying = keys.filter { k in (values[k]?.count ?? 0) > 1 || runs.contains { $0.params[k] == nil } }.sorted()
            return runs.map { run in
                let parts = varying.map { k in "\(k)=\(run.params[k]?.text ?? "–")" }
                return parts.isEmpty ? "all runs" : parts.joined(separator: ", ")
            }
        }
    }

    /// One series per group and metric: mean line, band, `n` in the label. Colour per group, dash per metric.
    func series(metrics: [String], runs: [Run], x: ChartsBridge.XAxis) -> (series: [ChartSeries], note: String) {
        let labels = labels(runs)
        var order: [String] = []
        for label in labels where !order.contains(label) { order.append(label) }
        var out: [ChartSeries] = []
        var binned = false
        for (g, group) in order.enumerated() {
            let members = runs.indices.filter { labels[$0] == group }
            for (m, metric) in metrics.enumerated() {
                let logged = members.filter { runs[$0].metric(MetricKey(metric)) != nil }
                let parts = logged.map { ChartsBridge.points(runs[$0].metric(MetricKey(metric))!, x: x) }
                guard !parts.isEmpty else { continue }
                let aligned = ChartGroups.aggregate(parts, band: band, statistic: statistic, ids: logged.map { runs[$0].id.path + "\u{0}" + metric })
                binned = binned || aligned.binned
                let name = metrics.count > 1 ? "\(group) · \(metric)" : group
                let kind = statistic.map { "; " + $0.label } ?? ""
                var s = ChartSeries(label: "\(name) (n=\(parts.count)\(kind))", metric: metric, colorIndex: g, dashIndex: m,
                                    xs: aligned.xs, ys: aligned.mean)
                s.valuesAreDerived = true
                s.bandLow = aligned.low
                s.bandHigh = aligned.high
                out.append(s)
            }
        }
        let what: String
        switch key {
        case .param(let name): what = "runs grouped by \(name)"
        case .tag: what = "runs grouped by tags"
        case .seedAgnostic: what = "runs grouped by their parameters other than seeds"
        }
        let bandText = band == .std ? "band ±1 standard deviation (sample) where n ≥ 2" : "band from the group's minimum to maximum"
        let alignment = binned ? "each run interpolated at \(ChartGroups.bins) evenly spaced x values" : "each run interpolated at the x values logged"
        if let statistic {
            let band: String = switch statistic {
            case .meanStd: "band ±1 standard deviation (sample)"
            case .meanSem: "band ±1 standard error of the mean"
            case .medianIQR: "band from the first to the third quartile"
            case .iqmCI: "band the 95 % percentile bootstrap interval (\(SeedStatistic.resamples) resamples at each x)"
            }
            let line = statistic == .iqmCI ? "interquartile mean" : statistic == .medianIQR ? "median" : "mean"
            return (out, "\(what); each line is the group's \(line) (n runs in the legend), \(alignment); \(band) where n ≥ 2")
        }
        return (out, "\(what); each line is the group's mean (n runs in the legend), \(alignment); \(bandText)")
    }

    /// Mean and band over several runs' (x, y) values on one grid of x values: the x values the
    /// runs logged when there are at most 1,500 of them, else 400 equal bins' centres. Each run
    /// contributes at every grid x inside its own x range, linearly interpolated between its two
    /// nearest finite values (exactly its value where it logged that x), so runs that log at
    /// different x values still average smoothly. Non-finite values are left out.
    /// With `statistic`, the line is its centre and the band its spread at each x (a bootstrap
    /// seeded from `ids` and the x's index).
    static func aggregate(_ parts: [(xs: [Double], ys: [Double])], band: Band, statistic: SeedStatistic? = nil,
                          ids: [String] = []) -> (xs: [Double], mean: [Double], low: [Double], high: [Double], binned: Bool) {
        // The distinct finite xs, sorted (sorting all xs beats hashing them into a set: a project
        // chart aligns hundreds of runs).
        var all: [Double] = []
        for p in parts { for i in 0..<min(p.xs.count, p.ys.count) where p.xs[i].isFinite && p.ys[i].isFinite { all.append(p.xs[i]) } }
        all.sort()
        var distinct: [Double] = []
        for x in all where distinct.last != x { distinct.append(x) }
        guard let lo = distinct.first, let hi = distinct.last else { return ([], [], [], [], false) }
        let binned = distinct.count > 1500
        let columns: [Double] = binned ? (0..<bins).map { lo + (Double($0) + 0.5) * (hi - lo) / Double(bins) } : distinct
        // Per column: every value for a std band; for a min–max band (crowd charts over hundreds of
        // runs) only running sums and extremes, added in the same order, so the same bits.
        let keepValues = band == .std || statistic != nil
        var valuesAt = Array(repeating: [Double](), count: keepValues ? columns.count : 0)
        var sums = [Double](repeating: 0, count: columns.count), counts = [Int](repeating: 0, count: columns.count)
        var lows = [Double](repeating: .infinity, count: columns.count), highs = [Double](repeating: -.infinity, count: columns.count)
        func add(_ c: Int, _ y: Double) {
            if keepValues { valuesAt[c].append(y) }
            sums[c] += y
            counts[c] += 1
            if y < lows[c] { lows[c] = y }
            if y > highs[c] { highs[c] = y }
        }
        for p in parts {
            // Finite points in x order; a run that logged one x twice is averaged there.
            let (xs, ys) = finitePointsByX(p)
            guard let first = xs.first, let last = xs.last else { continue }
            var k = 0
            for (c, x) in columns.enumerated() where x >= first && x <= last {
                while k + 1 < xs.count && xs[k + 1] <= x { k += 1 }
                if xs[k] == x || k + 1 >= xs.count {
                    add(c, ys[k])
                } else {
                    let t = (x - xs[k]) / (xs[k + 1] - xs[k])
                    add(c, ys[k] + t * (ys[k + 1] - ys[k]))
                }
            }
        }
        var xs: [Double] = [], mean: [Double] = [], low: [Double] = [], high: [Double] = []
        for c in columns.indices where counts[c] > 0 {
            let n = Double(counts[c])
            let mu = sums[c] / n
            xs.append(columns[c])
            if let statistic {
                let summary = statistic.summarise(valuesAt[c], ids: ids + ["#\(c)"])
                mean.append(summary.center)
                switch summary.spread {
                case .plusMinus(let u)?: low.append(summary.center - u); high.append(summary.center + u)
                case .interval(let a, let b)?: low.append(a); high.append(b)
                case nil: low.append(.nan); high.append(.nan)
                }
                continue
            }
            mean.append(mu)
            switch band {
            case .std:
                let values = valuesAt[c]
                guard values.count >= 2 else { low.append(.nan); high.append(.nan); continue }
                let sd = (values.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / (n - 1)).squareRoot()
                low.append(mu - sd); high.append(mu + sd)
            case .minmax:
                low.append(lows[c]); high.append(highs[c])
            }
        }
        return (xs, mean, low, high, binned)
    }

    /// A part's finite points in ascending x, values logged at the same x averaged. Parts whose
    /// xs already ascend strictly (runs logged step by step) skip the dictionary; `0 + y` keeps
    /// the dictionary path's arithmetic, so both give the same bits.
    static func finitePointsByX(_ p: (xs: [Double], ys: [Double])) -> (xs: [Double], ys: [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(p.xs.count); ys.reserveCapacity(p.xs.count)
        var ascending = true
        for i in 0..<min(p.xs.count, p.ys.count) where p.xs[i].isFinite && p.ys[i].isFinite {
            if let previous = xs.last, !(previous < p.xs[i]) { ascending = false; break }
            xs.append(p.xs[i]); ys.append(0 + p.ys[i])
        }
        if ascending { return (xs, ys) }
        var byX: [Double: (Double, Int)] = [:]
        for i in 0..<min(p.xs.count, p.ys.count) where p.xs[i].isFinite && p.ys[i].isFinite {
            let old = byX[p.xs[i]] ?? (0, 0)
            byX[p.xs[i]] = (old.0 + p.ys[i], old.1 + 1)
        }
        let sortedXs = byX.keys.sorted()
        return (sortedXs, sortedXs.map { byX[$0]!.0 / Double(byX[$0]!.1) })
    }
}
