import Foundation
import RunsiteModel

/// Reads a YAML mapping of parameters (Lightning `hparams.yaml`, DVCLive `params.yaml`) into flattened,
/// dotted params. PyYAML's `!!python/…` tags (Lightning without OmegaConf) are read as the plain mapping,
/// sequence or scalar they tag.
enum YAMLParams {
    static func read(_ url: URL, format: String, into params: inout Params, context: ReaderContext) {
        guard let bytes = ByteReading.contents(of: url) else {
            return context.warn(.unreadableFile, url)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let at = LineCounter.position(at: TextEncoding.firstInvalidUTF8(bytes), in: bytes)
            return context.warn(.paramsNotUTF8(format: format), url, line: at.line, column: at.column)
        }
        let value: JSONValue
        do {
            value = try JSONValue.parseYAML(text)
        } catch {
            let at = YAMLErrorPosition.of(error)
            return context.warn(.paramsMalformedYAML(format: format, problem(of: error)), url, line: at?.line, column: at?.column)
        }
        switch value {
        case .object: value.flatten(into: &params)
        case .null: break   // an empty file
        default:
            context.warn(.paramsNotMapping(format: format), url, line: 1)
        }
    }

    /// A one-line description of a YAML error: the first line of Yams' text ("LINE:COLUMN: error:
    /// PROBLEM…"), from its problem on.
    static func problem(of error: Error) -> String {
        let text = String(describing: error)
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        var problem = firstLine
        if let range = firstLine.range(of: "error: ") { problem = String(firstLine[range.upperBound...]) }
        return problem.trimmingCharacters(in: .whitespaces)
    }
}
