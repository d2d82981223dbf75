import Yams

/// Where a YAML parse error points, as 1-based line and column, from the mark libyaml gives Yams.
enum YAMLErrorPosition {
    static func of(_ error: Error) -> (line: Int, column: Int)? {
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
