import Foundation
import RunsiteModel

/// Reads MLflow's SQLite store (`mlflow.db`, the default since MLflow 3.7; tables as in MLflow's `mlflow/store/tracking/dbmodels/models.py`), opened
/// read-only. Columns are looked up by name because older schemas lack some of them.
///
/// Run ids are `<path of mlflow.db relative to the input>/<experiment id>/<run uuid>`, e.g.
/// `mlflow.db/1/71d1f2f6…`: stable, unique, and shaped like the file store's `mlruns/<exp>/<run>`.
/// Artifacts are read from `artifact_uri` when it exists locally, else from `mlruns/<exp>/<run>/artifacts`
/// (or `mlartifacts/…` for `mlflow-artifacts:` URIs) next to the database.
struct MLflowSQLiteStore {
    let file: URL
    let context: ReaderContext

    private struct RunRow {
        var uuid: String
        var experiment: String
        var run: Run
        var artifactURI: String?
    }

    /// The tables read; none may be a view or a virtual table.
    static let tables: Set<String> = ["experiments", "experiment_tags", "runs", "params", "tags", "metrics"]

    func readProjects() -> [Project] {
        guard isSQLiteFile() else {
            context.warn(.mlflowNotSQLite, file, byteOffset: 0)
            return []
        }
        let db: SQLiteDatabase
        do { db = try SQLiteDatabase(readOnly: file) } catch {
            context.warn(.mlflowCannotOpenDatabase((error as? SQLiteDatabase.Failure)?.message ?? "\(error)"), file)
            return []
        }
        do {
            if let problem = try db.untrustedSchema(reading: Self.tables) {
                context.warn(.mlflowUntrustedSchema(problem), file)
                return []
            }
        } catch {
            warnSQL(error, reading: "sqlite_master")
            return []
        }
        var experiments: [String: (name: String, deleted: Bool)] = [:]
        var rows: [RunRow] = []
        do {
            let columns = try db.columns(of: "experiments")
            try db.query("SELECT CAST(experiment_id AS TEXT), name, \(pick("lifecycle_stage", columns)) FROM experiments") { row in
                guard let id = row.string(0) else { return }
                experiments[id] = (row.string(1) ?? id, row.string(2) == "deleted")
            }
        } catch {
            // Without experiments, runs are still read; their project is the experiment id.
            warnSQL(error, reading: "experiments")
        }
        do { rows = try readRuns(db, experiments: experiments) } catch {
            warnSQL(error, reading: "runs")
            return []
        }
        var index: [String: Int] = [:]
        for (i, row) in rows.enumerated() { index[row.uuid] = i }
        readKeyValues(db, table: "params", index: index) { i, key, value in rows[i].run.params[key] = MLflowRunFields.param(value) }
        var tags: [[(String, String)]] = Array(repeating: [], count: rows.count)
        readKeyValues(db, table: "tags", index: index) { i, key, value in tags[i].append((key, value)) }
        var metrics: [[MetricSeries]] = Array(repeating: [], count: rows.count)
        readMetrics(db, index: index, into: &metrics)

        var parents: [Int: String] = [:]
        var runs: [Run] = []
        let base = file.deletingLastPathComponent()
        for i in rows.indices {
            var run = rows[i].run
            let hasName = !run.name.isEmpty
            if let parent = MLflowRunFields.apply(tags: tags[i], to: &run, hasName: hasName) { parents[i] = parent }
            if run.name.isEmpty { run.name = rows[i].uuid }
            run.metrics = metrics[i]
            let lastTime = metrics[i].compactMap { $0.times.filter(\.isFinite).max() }.max()
            let fallback: URL
            if let uri = rows[i].artifactURI, uri.hasPrefix("mlflow-artifacts:/") {
                fallback = base.child("mlartifacts").appendingPathComponent(String(uri.dropFirst("mlflow-artifacts:/".count)))
            } else {
                fallback = base.appendingPathComponent("mlruns/\(rows[i].experiment)/\(rows[i].uuid)/artifacts")
            }
            if let artifacts = MLflowArtifacts.directory(uri: rows[i].artifactURI, fallback: fallback, metadata: file, context: context) {
                run.directory = artifacts.deletingLastPathComponent().path
                MLflowArtifacts.read(artifacts, into: &run, context: context)
                run.diskBytes = FilePaths.diskUsage(artifacts)
            }
            run.lastActivity = [run.end, lastTime, run.start].compactMap { $0 }.max()
            runs.append(run)
        }
        var idOfUUID: [String: RunID] = [:]
        for i in rows.indices { idOfUUID[rows[i].uuid] = runs[i].id }
        MLflowRunFields.linkParents(&runs, parentUUIDs: parents, idOfUUID: idOfUUID)
        var notes: [String: String] = [:]
        if (try? db.columns(of: "experiment_tags").isEmpty) == false {
            do {
                try db.query("SELECT CAST(experiment_id AS TEXT), value FROM experiment_tags WHERE key = 'mlflow.note.content'") { row in
                    if let id = row.string(0), let name = experiments[id]?.name { notes[name] = row.string(1) }
                }
            } catch { warnSQL(error, reading: "experiment_tags") }
        }
        var projects: [Project] = []
        for run in runs {
            if let p = projects.firstIndex(where: { $0.name == run.project }) { projects[p].runs.append(run) }
            else { projects.append(Project(name: run.project, description: notes[run.project], runs: [run])) }
        }
        return projects
    }

    private func readRuns(_ db: SQLiteDatabase, experiments: [String: (name: String, deleted: Bool)]) throws -> [RunRow] {
        let columns = try db.columns(of: "runs")
        guard !columns.isEmpty else {
            context.warn(.mlflowNoRunsTable, file)
            return []
        }
        let wanted = ["name", "status", "user_id", "start_time", "end_time", "lifecycle_stage", "artifact_uri"]
        let sql = "SELECT run_uuid, CAST(experiment_id AS TEXT), " + wanted.map { pick($0, columns) }.joined(separator: ", ")
            + " FROM runs ORDER BY start_time, run_uuid"
        let dbPath = context.relativePath(file)
        var rows: [RunRow] = []
        try db.query(sql) { row in
            guard let uuid = row.string(0) else { return }
            let experiment = row.string(1) ?? "0"
            let info = experiments[experiment]
            let deleted = row.string(7) == "deleted" || info?.deleted == true
            if deleted && !context.options.includeDeleted { return }
            let project = info?.name ?? experiment
            let store = dbPath == "." ? file.lastPathComponent : dbPath
            var run = Run(id: RunID("\(store)/\(experiment)/\(uuid)"), source: "mlflow",
                          project: project, name: row.string(2) ?? "", directory: file.deletingLastPathComponent().path)
            run.projectPath = "\(store)/\(experiment)"
            run.status = MLflowRunFields.status(row.string(3).map(JSONValue.string))
            if let user = row.string(4), !user.isEmpty { run.user = user }
            run.start = row.double(5).map { $0 / 1000 }
            run.end = row.double(6).map { $0 / 1000 }
            rows.append(RunRow(uuid: uuid, experiment: experiment, run: run, artifactURI: row.string(8)))
        }
        return rows
    }

    private func readKeyValues(_ db: SQLiteDatabase, table: String, index: [String: Int], _ body: (Int, String, String) -> Void) {
        do {
            try db.query("SELECT run_uuid, key, value FROM \(table) ORDER BY run_uuid, key") { row in
                guard let uuid = row.string(0), let i = index[uuid], let key = row.string(1) else { return }
                body(i, key, row.string(2) ?? "")
            }
        } catch { warnSQL(error, reading: table) }
    }

    /// Logged order is not stored in SQL; points are taken in the order MLflow's `get_metric_history` uses
    /// (timestamp, step, value, then insertion), which the step-ascending summary then sorts stably by step.
    /// `is_nan = 1` rows hold 0 in `value` and mean NaN. ±Infinity was stored as ±1.7976931348623157e308,
    /// which MLflow's own client returns as is, so it stays that number here too.
    private func readMetrics(_ db: SQLiteDatabase, index: [String: Int], into metrics: inout [[MetricSeries]]) {
        // Rows come grouped by (run, key): a new series starts only when those bytes change, so no
        // String is made per point.
        var uuid: [UInt8] = [], key: [UInt8] = []
        var current: MetricSeries?
        var run: Int?
        func flush() {
            if let series = current, let run { metrics[run].append(series) }
            current = nil
        }
        do {
            let columns = try db.columns(of: "metrics")
            let step = pick("step", columns, default: "0")
            let sql = "SELECT run_uuid, key, value, timestamp, \(step), \(pick("is_nan", columns, default: "0"))"
                + " FROM metrics ORDER BY run_uuid, key, timestamp, \(step), value, rowid"
            try db.query(sql) { row in
                let rowUUID = row.bytes(0), rowKey = row.bytes(1)
                if !rowUUID.elementsEqual(uuid) || !rowKey.elementsEqual(key) || current == nil {
                    flush()
                    uuid = Array(rowUUID)
                    key = Array(rowKey)
                    run = index[String(decoding: uuid, as: UTF8.self)]
                    current = MetricSeries(key: MetricKey(String(decoding: key, as: UTF8.self)))
                }
                guard run != nil else { return }
                let value = row.int(5) == 1 ? Double.nan : (row.double(2) ?? .nan)
                let time = row.double(3).map { $0 / 1000 } ?? .nan
                current?.append(step: row.int(4) ?? 0, value: value, time: time)
            }
            flush()
        } catch {
            flush()
            warnSQL(error, reading: "metrics")
        }
    }

    /// A column name when the table has it, else a literal.
    private func pick(_ column: String, _ columns: [String], default value: String = "NULL") -> String {
        columns.contains(column) ? column : value
    }

    private func warnSQL(_ error: Error, reading table: String) {
        let message = (error as? SQLiteDatabase.Failure)?.message ?? "\(error)"
        context.warn(.mlflowCannotReadTable(table, message), file)
    }

    /// Every SQLite 3 database starts with these 16 bytes.
    private func isSQLiteFile() -> Bool {
        guard let handle = FilePaths.readHandle(file) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\0".utf8)
    }
}
