import Foundation

/// File helpers for Sacred's JSON files (written by `json.dump` through jsonpickle, with bare
/// `NaN`/`Infinity` tokens, which `JSONParser` accepts).
enum SacredJSON {
    /// The parsed file, or nil when it is absent (silently), unreadable, empty or invalid (with a warning).
    static func read(_ url: URL, context: ReaderContext) -> JSONValue? {
        guard FilePaths.exists(url) else { return nil }
        guard let bytes = ByteReading.contents(of: url) else {
            context.warn(.unreadableFile, url)
            return nil
        }
        if bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
            context.warn(.sacredEmptyFile, url)
            return nil
        }
        switch JSONParser.parse(bytes) {
        case .success(let value): return value
        case .failure(let failure):
            let at = LineCounter.position(at: failure.offset, in: bytes)
            context.warn(.malformedJSON(format: "sacred", failure.message), url, line: at.line, column: at.column)
            return nil
        }
    }

    /// Undoes jsonpickle's wrappers: `{"py/tuple": [...]}` and `{"py/set": [...]}` become arrays,
    /// numpy scalars `{"py/object": …, "value": x}` become `x`, numpy arrays (`"values": [...]`) become arrays.
    static func unpickled(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map(unpickled))
        case .object(let pairs):
            if let items = (value["py/tuple"] ?? value["py/set"])?.array { return .array(items.map(unpickled)) }
            if value["py/object"] != nil {
                if let scalar = value["value"] { return unpickled(scalar) }
                if let items = value["values"] { return unpickled(items) }
            }
            return .object(pairs.map { ($0.0, unpickled($0.1)) })
        default:
            return value
        }
    }
}
