/// Which runs a report directive, role or export works on. The grammar (docs/reports.md):
///
///     selector := filter? ranking?          (an empty selector means `all`)
///     filter   := term ("and" term)*
///     term     := all | tag:NAME | name:GLOB | status:STATUS | source:FORMAT | project:NAME
///               | param:KEY OP VALUE         OP: < <= > >= = !=
///     ranking  := ["and"] top K by METRIC[:AGG] | ["and"] best by METRIC[:AGG]
///
/// `status:finished and param:optimizer.lr<0.01 and top 3 by val/acc:max` keeps the finished runs
/// with a small learning rate, then the three with the highest best validation accuracy.
struct RunSelector: Hashable {
    /// One condition a run must meet.
    enum Term: Hashable {
        case all
        case tag(String)
        case name(String)
        case status(String)
        case source(String)
        case project(String)
        case param(key: String, op: Comparison, value: String)
    }

    /// Keeps the runs with the best value of a metric aggregate (direction-aware).
    enum Ranking: Hashable {
        case top(Int, MetricRef)
        case best(MetricRef)

        var metric: MetricRef {
            switch self {
            case .top(_, let m), .best(let m): return m
            }
        }

        var limit: Int {
            switch self {
            case .top(let k, _): return k
            case .best: return 1
            }
        }
    }

    /// A term with where it starts in the spec text, for diagnostics.
    struct PlacedTerm: Hashable {
        var term: Term
        var offset: Int
    }

    var terms: [PlacedTerm] = []
    var ranking: Ranking?

    /// Every run.
    static let all = RunSelector()
}
