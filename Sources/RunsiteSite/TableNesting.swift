import RunsiteModel

/// How a table shows runs that hold other runs: each child right under its parent (recursively),
/// parents in the table's order, and children in that order among themselves.
enum TableNesting {
    struct Placed {
        /// The run's index in the table's runs.
        var index: Int
        /// 0 for a run whose parent is not in the table.
        var depth: Int
        /// How many runs sit under this one in the table, at any depth.
        var descendants: Int
        /// The id of its parent when that is in the table.
        var parentID: RunID?
    }

    static func arrange(_ order: [Int], runs: [Run]) -> [Placed] {
        var position: [RunID: Int] = [:]
        for i in order where position[runs[i].id] == nil { position[runs[i].id] = i }
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for i in order {
            if let parent = runs[i].parentID, let p = position[parent], p != i, !isAncestor(i, of: p, runs, position) {
                children[p, default: []].append(i)
            } else {
                roots.append(i)
            }
        }
        var placed: [Placed] = []
        placed.reserveCapacity(order.count)
        func emit(_ i: Int, depth: Int, parent: RunID?) {
            let at = placed.count
            placed.append(Placed(index: i, depth: depth, descendants: 0, parentID: parent))
            for child in children[i] ?? [] { emit(child, depth: depth + 1, parent: runs[i].id) }
            placed[at].descendants = placed.count - at - 1
        }
        for root in roots { emit(root, depth: 0, parent: nil) }
        return placed
    }

    /// Whether run `a` is among the ancestors of run `b` (a parent cycle would hide both).
    private static func isAncestor(_ a: Int, of b: Int, _ runs: [Run], _ position: [RunID: Int]) -> Bool {
        var current = b
        var steps = 0
        while let parent = runs[current].parentID, let p = position[parent], steps < runs.count {
            if p == a { return true }
            current = p
            steps += 1
        }
        return false
    }

    /// For a run that logged no params, the first child (in table order) that did, such as the
    /// `add_hparams` sub-run of a TensorBoard run: the table shows its params, marked as its.
    static func inheritedParams(_ placed: [Placed], runs: [Run]) -> [Int: Run] {
        var result: [Int: Run] = [:]
        for (k, item) in placed.enumerated() where runs[item.index].params.isEmpty && item.descendants > 0 {
            let child = placed[(k + 1)...].prefix(item.descendants).first { $0.depth == item.depth + 1 && !runs[$0.index].params.isEmpty }
            if let child { result[item.index] = runs[child.index] }
        }
        return result
    }

    /// For runs whose names repeat in the table, the shortest end of their id that tells them apart.
    static func qualifiers(_ runs: [Run]) -> [Int: String] {
        var byName: [String: [Int]] = [:]
        for (i, run) in runs.enumerated() { byName[run.name, default: []].append(i) }
        var result: [Int: String] = [:]
        for indices in byName.values where indices.count > 1 {
            let suffixes = DistinguishingSuffix.of(indices.map { runs[$0].id.path })
            for (k, i) in indices.enumerated() where suffixes[k] != runs[i].name { result[i] = suffixes[k] }
        }
        return result
    }
}
