import Foundation

/// Reads Hydra's YAML files with warnings on the ways they go wrong.
enum HydraYAML {
    static func read(_ url: URL, context: ReaderContext) -> JSONValue? {
        guard FilePaths.exists(url) else { return nil }
        guard let bytes = ByteReading.contents(of: url) else {
            context.warn(.unreadableFile, url)
            return nil
        }
        do {
            return try JSONValue.parseYAML(String(decoding: bytes, as: UTF8.self))
        } catch {
            let at = YAMLErrorPosition.of(error)
            context.warn(.hydraMalformedYAML(MLflowYAML.describe(error)), url, line: at?.line, column: at?.column)
            return nil
        }
    }
}
