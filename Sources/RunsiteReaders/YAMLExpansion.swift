import CYaml

/// Measures a YAML document from libyaml's events, before Yams composes it: how many nodes it
/// expands to with every alias replaced by its anchor's subtree, and how deep it then nests.
///
/// Composing shares an alias's node with its anchor, but anything that walks the composed tree
/// (Yams' duplicate-key check hashes whole keys; the conversion to `JSONValue` copies) pays for
/// the expansion, which nested aliases make exponential. Counting events costs one pass.
enum YAMLExpansion {
    /// Throws `YAMLLimitExceeded` when the document expands past `nodes` nodes or nests deeper than
    /// `InputLimits.depth`. Syntax errors are left for Yams to report.
    static func check(_ text: String, nodes budget: Int) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        try utf8.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            // Per open collection: its anchor, the nodes below it so far, and how many levels they
            // reach below it (a collection of scalars: 1).
            var open: [(anchor: String?, nodes: Int, depth: Int)] = []
            var anchors: [String: (nodes: Int, depth: Int)] = [:]
            var total = 0
            func add(_ nodes: Int, depth: Int, at mark: yaml_mark_t) throws {
                total += nodes
                if total > budget {
                    throw YAMLLimitExceeded(line: Int(mark.line) + 1, column: Int(mark.column) + 1,
                                            problem: "aliases expand past \(InputLimits.yamlAliasNodes) nodes")
                }
                if open.count + depth > InputLimits.depth {
                    throw YAMLLimitExceeded(line: Int(mark.line) + 1, column: Int(mark.column) + 1,
                                            problem: "nested deeper than \(InputLimits.depth) levels")
                }
                if !open.isEmpty {
                    open[open.count - 1].nodes += nodes
                    open[open.count - 1].depth = max(open[open.count - 1].depth, depth + 1)
                }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    try add(1, depth: 0, at: mark)
                    if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = (1, 0) }
                case YAML_ALIAS_EVENT:
                    let target = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? (1, 0)
                    try add(target.nodes, depth: target.depth, at: mark)
                case YAML_SEQUENCE_START_EVENT:
                    try add(1, depth: 0, at: mark)
                    open.append((name(event.data.sequence_start.anchor), 0, 0))
                case YAML_MAPPING_START_EVENT:
                    try add(1, depth: 0, at: mark)
                    open.append((name(event.data.mapping_start.anchor), 0, 0))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { return }
                    // The collection's own node was counted when it opened.
                    if !open.isEmpty {
                        open[open.count - 1].nodes += closed.nodes
                        open[open.count - 1].depth = max(open[open.count - 1].depth, closed.depth + 1)
                    }
                    if let anchor = closed.anchor { anchors[anchor] = (closed.nodes + 1, closed.depth) }
                default:
                    break
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
