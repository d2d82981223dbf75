import Foundation
import RunsiteModel

/// Applies `run.json` to a run: status, times, host, experiment name, command, comment and fail trace.
enum SacredRunInfo {
    static func apply(_ info: JSONValue, to run: inout Run, runID: String, url: URL, context: ReaderContext) {
        guard case .object = info else {
            return context.warn(.sacredRunNotObject, url, line: 1)
        }
        if let name = info["experiment"]?["name"]?.string, !name.isEmpty {
            run.name = "\(name) #\(runID)"
            run.labels["experiment"] = name
        }
        if let status = info["status"]?.string {
            run.status = RunStatus(loose: status)
            if run.status == .unknown { context.warn(.sacredUnknownStatus(status), url, jsonKey: ["status"]) }
        }
        // Sacred writes `datetime.utcnow().isoformat()`: UTC without a zone, and without the fraction
        // when the microseconds are 0. `Timestamps.parseISO` reads a missing zone as UTC.
        run.start = time(info["start_time"], field: "start_time", url: url, context: context)
        run.end = time(info["stop_time"], field: "stop_time", url: url, context: context)
        if let heartbeat = time(info["heartbeat"], field: "heartbeat", url: url, context: context) {
            run.lastActivity = heartbeat
            run.labels["heartbeat"] = info["heartbeat"]?.string
        }
        if let host = info["host"] {
            run.host = host["hostname"]?.string
            if let python = host["python_version"]?.string { run.labels["python_version"] = python }
            if let os = host["os"]?.array?.compactMap(\.string), !os.isEmpty { run.labels["os"] = os.joined(separator: " ") }
            if let cpu = host["cpu"]?.string { run.labels["cpu"] = cpu }
        }
        if let command = info["command"]?.string { run.labels["command"] = command }
        if let comment = info["meta"]?["comment"]?.string, !comment.isEmpty { run.notes = comment }
        if let named = info["meta"]?["named_configs"]?.array?.compactMap(\.string), !named.isEmpty {
            run.labels["named_configs"] = named.joined(separator: ", ")
        }
        if let result = info["result"], result != .null { run.labels["result"] = SacredJSON.unpickled(result).compactText }
        if let trace = info["fail_trace"] {
            let text = trace.array?.map { $0.string ?? $0.compactText }.joined() ?? (trace.string ?? trace.compactText)
            if !text.isEmpty { run.texts.append(RunText(name: "fail_trace", text: text)) }
        }
    }

    private static func time(_ value: JSONValue?, field: String, url: URL, context: ReaderContext) -> Double? {
        guard let value, value != .null else { return nil }
        if let text = value.string, let seconds = SacredTime.parse(text) { return seconds }
        context.warn(.sacredBadTime(field, value.compactText.prefix(40)), url, jsonKey: [field])
        return nil
    }
}
