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
            let (line, problem) = describe(error)
            let at = YAMLErrorPosition.of(error)
            return context.warn(.paramsMalformedYAML(format: format, problem), url, line: at?.line ?? line, column: at?.column)
        }
        switch value {
        case .object: value.flatten(into: &params)
        case .null: break   // an empty file
        default:
            context.warn(.paramsNotMapping(format: format), url, line: 1)
        }
    }

    /// The line (when Yams reports one) and a one-line description of a YAML error.
    static func describe(_ error: Error) -> (Int?, String) {
        let text = String(describing: error)
        var line: Int?
        // Yams describes errors as "<file>:<line>:<column>: error: <problem>…".
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        if parts.count >= 3, let l = Int(parts[1].trimmingCharacters(in: .whitespaces)) { line = l }
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        var problem = firstLine
        if let range = firstLine.range(of: "error: ") { problem = String(firstLine[range.upperBound...]) }
        return (line, problem.trimmingCharacters(in: .whitespaces))
    }
}
