import RunsiteModel

/// What `:group-by:` groups runs by: a param's value (`optimizer.name` or `param:optimizer.name`)
/// or their tags (`tag`; a run with two tags is in both groups, a run without tags in "(no tag)").
enum GroupKey: Hashable {
    case param(String)
    case tag

    init(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "tag" || trimmed == "tags" { self = .tag; return }
        var key = trimmed.hasPrefix("param:") ? String(trimmed.dropFirst(6)) : trimmed
        if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
        self = .param(key)
    }

    /// The header of the group column.
    var title: String {
        switch self {
        case .param(let key): return key
        case .tag: return "tag"
        }
    }

    /// The label of a run's group (its first tag for `tag`): the stratum of a stratified bootstrap.
    func label(of run: Run) -> String {
        switch self {
        case .param(let key): return key == "project" && run.params[key] == nil ? run.project : run.params[key]?.text ?? "(none)"
        case .tag: return run.tags.first ?? "(no tag)"
        }
    }

    /// Groups of run indices, labelled, sorted by label (numerically when every label is a number).
    func groups(_ runs: [Run]) -> [(label: String, members: [Int])] {
        var members: [String: [Int]] = [:]
        for (i, run) in runs.enumerated() {
            switch self {
            case .param(let key): members[run.params[key]?.text ?? "(none)", default: []].append(i)
            case .tag:
                for tag in run.tags.isEmpty ? ["(no tag)"] : run.tags { members[tag, default: []].append(i) }
            }
        }
        let labels = members.keys.sorted { a, b in
            if let x = Double(a), let y = Double(b), x != y { return x < y }
            return a < b
        }
        return labels.map { ($0, members[$0]!) }
    }
}
