import Yams

extension JSONValue {
    /// Parses YAML text (MLflow `meta.yaml`, Hydra configs, `params.yaml`, `hparams.yaml`) into a JSON value,
    /// keeping key order and resolving scalars with YAML 1.1 core rules (ints, floats, bools, null).
    /// Python-specific tags (`!!python/object`) are read as their plain mapping or sequence.
    public static func parseYAML(_ text: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return JSONValue(yaml: node)
    }

    init(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            self = JSONValue(scalar: scalar, node: node)
        case .mapping(let mapping):
            self = .object(mapping.map { (key, value) in (key.string ?? "\(key.any)", JSONValue(yaml: value)) })
        case .sequence(let sequence):
            self = .array(sequence.map { JSONValue(yaml: $0) })
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
