import Foundation
import RunsiteModel

/// Reads `runsite.json`: name, status, start/end, user, tags, notes, group. Every field is optional.
enum RunMetadataDecoder {
    static func apply(_ url: URL, to run: inout Run, context: ReaderContext) {
        guard let value = JSONParser.readFile(url, context: context, invalid: { .malformedJSON(format: "runsite", $0) }) else { return }
        guard case .object = value else {
            return context.warn(.runsiteMetadataNotObject, url, line: 1)
        }
        // A field of the wrong type is ignored, but never silently: `"name": 5` or `"tags": "a"`
        // is a mistake the user wants to hear about.
        for field in ["name", "status", "user", "notes", "group"] {
            if let v = value[field], v != .null, v.string == nil {
                context.warn(.runsiteNotText(field, found: v.compactText), url, jsonKey: [field])
            }
        }
        if let tags = value["tags"], tags != .null {
            if let list = tags.array {
                if list.contains(where: { $0.string == nil }) {
                    context.warn(.runsiteTagsWithNonText, url, jsonKey: ["tags"])
                }
            } else {
                context.warn(.runsiteTagsNotList(found: tags.compactText), url, jsonKey: ["tags"])
            }
        }
        if let name = value["name"]?.string, !name.isEmpty { run.name = name }
        if let status = value["status"]?.string {
            run.status = RunStatus(loose: status)
            if run.status == .unknown {
                context.warn(.runsiteUnknownStatus(status), url, jsonKey: ["status"])
            }
        }
        run.start = time(value["start"], field: "start", url: url, context: context)
        run.end = time(value["end"], field: "end", url: url, context: context)
        run.user = value["user"]?.string
        run.notes = value["notes"]?.string
        run.group = value["group"]?.string
        if let tags = value["tags"]?.array {
            run.tags = tags.compactMap { $0.string }
        }
    }

    private static func time(_ value: JSONValue?, field: String, url: URL, context: ReaderContext) -> Double? {
        guard let value, value != .null else { return nil }
        if let seconds = value.number, seconds.isFinite, value.string == nil { return seconds }
        if let text = value.string, let seconds = Timestamps.parse(text) { return seconds }
        context.warn(.runsiteBadTime(field), url, jsonKey: [field])
        return nil
    }
}
