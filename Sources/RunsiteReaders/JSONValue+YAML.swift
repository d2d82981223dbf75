import Yams

extension JSONValue {
    /// Parses YAML text (MLflow `meta.yaml`, Hydra configs, `params.yaml`, `hparams.yaml`) into a JSON value,
    /// keeping key order and resolving scalars with YAML 1.1 core rules (ints, floats, bools, null).
    /// Python-specific tags (`!!python/object`) are read as their plain mapping or sequence.
    ///
    /// Throws `YAMLLimitExceeded` for a document nested deeper than `InputLimits.depth`, or whose
    /// aliases expand past `InputLimits.yamlAliasNodes` nodes beyond its own size.
    public static func parseYAML(_ text: String) throws -> JSONValue {
        let nodes = text.utf8.count + InputLimits.yamlAliasNodes
        try YAMLExpansion.check(text, nodes: nodes)
        guard let node = try Yams.compose(yaml: text) else { return .null }
        var budget = YAMLBudget(nodes: nodes)
        return try JSONValue(yaml: node, depth: 0, budget: &budget)
    }

    private init(yaml node: Node, depth: Int, budget: inout YAMLBudget) throws {
        // Composed aliases share their anchor's node, so the budget counts nodes as they are
        // expanded here, not as they are stored (`YAMLExpansion` has checked the same from events).
        budget.nodes -= 1
        if budget.nodes < 0 {
            throw YAMLLimitExceeded(node.mark, problem: "aliases expand past \(InputLimits.yamlAliasNodes) nodes")
        }
        if depth > InputLimits.depth {
            throw YAMLLimitExceeded(node.mark, problem: "nested deeper than \(InputLimits.depth) levels")
        }
        switch node {
        case .scalar(let scalar):
            self = JSONValue(scalar: scalar, node: node)
        case .mapping(let mapping):
            var pairs: [(String, JSONValue)] = []
            for (key, value) in mapping {
                // A collection used as a key is shown as compact text, converted under the same budget.
                let name = try key.string ?? JSONValue(yaml: key, depth: depth + 1, budget: &budget).compactText
                pairs.append((name, try JSONValue(yaml: value, depth: depth + 1, budget: &budget)))
            }
            self = .object(pairs)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence { items.append(try JSONValue(yaml: item, depth: depth + 1, budget: &budget)) }
            self = .array(items)
        case .alias:
            self = .null
        }
    }

    private init(scalar: Node.Scalar, node: Node) {
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted || scalar.style == .literal || scalar.style == .folded {
            self = .string(scalar.string)
            return
        }
        if node.null != nil { self = .null; return }
        if let b = node.bool { self = .bool(b); return }
        if let i = node.int { self = .int(Int64(i)); return }
        if let d = node.float { self = .double(d); return }
        self = .string(scalar.string)
    }
}

/// The nodes a YAML document may still expand to.
private struct YAMLBudget {
    var nodes: Int
}

/// A YAML document past one of the `InputLimits`, at the node where it went past. Described as
/// Yams describes its errors (`<string>:LINE:COLUMN: error: …`), so that warnings read alike.
public struct YAMLLimitExceeded: Error, CustomStringConvertible {
    var line: Int
    var column: Int
    var problem: String

    init(line: Int, column: Int, problem: String) {
        (self.line, self.column, self.problem) = (line, column, problem)
    }

    init(_ mark: Mark?, problem: String) {
        self.init(line: mark?.line ?? 1, column: mark?.column ?? 1, problem: problem)
    }

    public var description: String { "<string>:\(line):\(column): error: \(problem)" }
}
