import Foundation
import RunsiteModel

/// What the file store and the SQLite store have in common: turning MLflow's string params, tags and
/// status codes into `Run` fields.
enum MLflowRunFields {
    /// MLflow status as stored: an integer in file-store `meta.yaml` (1 RUNNING, 2 SCHEDULED,
    /// 3 FINISHED, 4 FAILED, 5 KILLED), the name in SQLite.
    static func status(_ value: JSONValue?) -> RunStatus {
        switch value {
        case .int(let code)?:
            switch code {
            case 1: return .running
            case 2: return .queued
            case 3: return .finished
            case 4: return .failed
            case 5: return .killed
            default: return .unknown
            }
        case .string(let text)?:
            if let code = Int64(text) { return status(.int(code)) }
            return RunStatus(loose: text)
        default: return .unknown
        }
    }

    /// MLflow params are always strings. A value becomes a number only when the number's own text is
    /// exactly the logged text (`32`, `0.01`), so nothing shown changes and numbers still sort as numbers;
    /// `3.0`, `1e-5`, `True` or `007` stay strings.
    static func param(_ text: String) -> ParamValue {
        if let int = Int64(text), String(int) == text { return .int(int) }
        if text.first.map({ $0.isNumber || $0 == "-" }) == true, let double = Double(text), double.isFinite {
            let value = ParamValue.double(double)
            if value.text == text { return value }
        }
        return .string(text)
    }

    /// Applies MLflow tags to a run.
    ///
    /// - every tag goes to `run.labels` (key → value), except `mlflow.note.content`, which is the
    ///   run's Markdown description and goes to `run.notes`;
    /// - user tags (keys not starting with `mlflow.`) are also listed in `run.tags` as `key=value`,
    ///   sorted by key, so they show as chips and in the summary; system tags stay labels only;
    /// - `mlflow.runName` and `mlflow.user` fill the name and user when the run record lacks them;
    /// - returns `mlflow.parentRunId` (a run uuid) for the caller to map onto a run id.
    @discardableResult
    static func apply(tags: [(String, String)], to run: inout Run, hasName: Bool) -> String? {
        var parent: String?
        var userTags: [String] = []
        for (key, value) in tags.sorted(by: { $0.0 < $1.0 }) {
            switch key {
            case "mlflow.note.content":
                run.notes = value
                continue
            case "mlflow.runName":
                if !hasName, !value.isEmpty { run.name = value }
            case "mlflow.user":
                if run.user == nil || run.user == "" { run.user = value }
            case "mlflow.parentRunId":
                parent = value
            default:
                break
            }
            run.labels[key] = value
            if !key.hasPrefix("mlflow.") { userTags.append("\(key)=\(value)") }
        }
        run.tags = userTags
        return parent
    }

    /// Runs' `mlflow.parentRunId` values (run uuids) turned into runsite run ids, for parents in the same store.
    static func linkParents(_ runs: inout [Run], parentUUIDs: [Int: String], idOfUUID: [String: RunID]) {
        for (index, uuid) in parentUUIDs { runs[index].parentID = idOfUUID[uuid] ?? RunID(uuid) }
    }
}
