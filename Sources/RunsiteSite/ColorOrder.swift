import RunsiteModel

/// Which colour index each run of a project gets. Colours count from 0 in each project (runs are
/// compared within their project), in the order the runs started, then by id with numbers compared
/// as numbers (`version_9` before `version_10`); runs without a start time come after those with one.
///
/// A new run usually starts after every other run of its project, or has the next number, so it
/// takes the next colour and every other run keeps its own: their pages stay the same, and
/// incremental builds reuse them. (Table order stays by id; only colours follow this order.)
enum ColorOrder {
    /// The colour index of each run, in the order of `runs`.
    static func indices(of runs: [Run]) -> [Int] {
        let order = runs.indices.sorted { precedes(runs[$0], runs[$1]) }
        var indices = [Int](repeating: 0, count: runs.count)
        for (rank, r) in order.enumerated() { indices[r] = rank }
        return indices
    }

    static func precedes(_ a: Run, _ b: Run) -> Bool {
        switch (a.start, b.start) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        switch numericCompare(a.id.path, b.id.path) {
        case .less: return true
        case .greater: return false
        case .same: return a.id < b.id
        }
    }

    enum Order { case less, same, greater }

    /// Compares text with runs of ASCII digits compared by value ("run-2" < "run-10"); other
    /// characters compare by Unicode scalar. Leading zeros do not count ("run-02" == "run-2").
    static func numericCompare(_ a: String, _ b: String) -> Order {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                let (si, ei) = digits(x, from: i), (sj, ej) = digits(y, from: j)
                // Without leading zeros, a longer run of digits is the larger number.
                if ei - si != ej - sj { return ei - si < ej - sj ? .less : .greater }
                for k in 0..<(ei - si) where x[si + k] != y[sj + k] { return x[si + k].value < y[sj + k].value ? .less : .greater }
                i = ei; j = ej
            } else {
                if x[i] != y[j] { return x[i].value < y[j].value ? .less : .greater }
                i += 1; j += 1
            }
        }
        if i < x.count { return .greater }
        if j < y.count { return .less }
        return .same
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// The digits that start at `start`: where they start after leading zeros, and where they end.
    private static func digits(_ text: [Unicode.Scalar], from start: Int) -> (Int, Int) {
        var end = start
        while end < text.count && isDigit(text[end]) { end += 1 }
        var first = start
        while first < end - 1 && text[first].value == 48 { first += 1 }
        return (first, end)
    }
}
