import Foundation

/// Reads MLflow `meta.yaml` files, reporting the ways they go wrong: run `meta.yaml` is rewritten in
/// place, so it can be found empty or cut short.
enum MLflowYAML {
    /// The parsed mapping, or nil (with a warning) when the file is unreadable, empty, invalid or not a mapping.
    static func read(_ url: URL, context: ReaderContext) -> JSONValue? {
        guard FilePaths.exists(url) else { return nil }
        guard let bytes = ByteReading.contents(of: url) else {
            context.warn(.unreadableFile, url)
            return nil
        }
        if let flat = FlatYAML.parse(bytes) { return flat }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) {
            context.warn(.mlflowEmptyMeta, url)
            return nil
        }
        do {
            let value = try JSONValue.parseYAML(text)
            guard case .object = value else {
                context.warn(.mlflowMetaNotMapping, url, line: 1)
                return nil
            }
            return value
        } catch {
            let at = YAMLErrorPosition.of(error)
            context.warn(.mlflowMalformedMeta(Self.describe(error)), url,
                         line: at?.line, column: at?.column)
            return nil
        }
    }

    static func describe(_ error: Error) -> String {
        let text = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        return text.count > 120 ? String(text.prefix(120)) : text
    }
}
