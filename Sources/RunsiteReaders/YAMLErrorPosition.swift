import Yams

/// Where a YAML error points, as 1-based line and column: the mark libyaml gives Yams' typed
/// errors, or the mark of the node past one of runsite's own limits (`YAMLLimitExceeded`).
enum YAMLErrorPosition {
    static func of(_ error: Error) -> (line: Int, column: Int)? {
        if let limit = error as? YAMLLimitExceeded { return (limit.line, limit.column) }
        guard let error = error as? YamlError else { return nil }
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return (mark.line, mark.column)
        case let .duplicatedKeysInMapping(_, context):
            return (context.mark.line, context.mark.column)
        case let .reader(_, offset?, _, yaml):
            // libyaml's reader counts bytes of the text it was given.
            var line = 1, column = 1
            for byte in yaml.utf8.prefix(offset) {
                if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column)
        default:
            return nil
        }
    }
}
