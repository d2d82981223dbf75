import CSQLite
import Foundation
import RunsiteCore
import Testing
@testable import RunsiteReaders

/// A hostile `mlflow.db` is refused or stopped with a warning, and reading never writes beside it.
@Suite struct HostileSQLiteTests {
    let fixture = SummaryComparison.fixture("mlflow/sqlite/mlflow.db")

    /// A copy of the fixture database in a new folder, changed by `sql` (run with write access).
    func database(_ sql: String, keepOpen: ((URL) throws -> Void)? = nil) throws -> URL {
        let root = try TemporaryStore.make()
        let db = root.appendingPathComponent("mlflow.db")
        try FileManager.default.copyItem(at: fixture, to: db)
        var handle: OpaquePointer?
        #expect(sqlite3_open(db.path, &handle) == SQLITE_OK)
        var message: UnsafeMutablePointer<CChar>?
        #expect(sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK, "\(message.map { String(cString: $0) } ?? "")")
        try keepOpen?(root)
        sqlite3_close(handle)
        return root
    }

    @Test func paramsAsAnEndlessRecursiveViewIsRefused() throws {
        let root = try database("""
            DROP TABLE params;
            CREATE VIEW params AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
              SELECT 'r' AS run_uuid, 'k' || i AS key, 'v' AS value FROM n ORDER BY i DESC;
            """)
        defer { TemporaryStore.remove(root) }
        let start = Date()
        let (runs, log) = SummaryComparison.read(root)
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(runs.isEmpty)
        let warning = log.warnings("reader.mlflow.sqlite-untrusted-schema", file: "mlflow.db")
        #expect(warning.first?.message.contains("'params' is a view") == true, "\(log.summaryText)")
    }

    @Test func aTriggerOnARunTableIsRefused() throws {
        let root = try database("CREATE TRIGGER t AFTER INSERT ON tags BEGIN DELETE FROM tags; END;")
        defer { TemporaryStore.remove(root) }
        let (runs, log) = SummaryComparison.read(root)
        #expect(runs.isEmpty)
        #expect(log.warnings("reader.mlflow.sqlite-untrusted-schema", file: "mlflow.db").count == 1, "\(log.summaryText)")
    }

    /// An endless query that is not a view (a recursive default cannot be made, so the step budget
    /// is checked on a query of its own).
    @Test func anEndlessQueryStopsAtTheStepBudget() throws {
        let db = try SQLiteDatabase(readOnly: fixture)
        let start = Date()
        #expect(throws: SQLiteDatabase.Failure.self) {
            try db.query("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n") { _ in }
        }
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func queriesCannotWrite() throws {
        let root = try database("")
        defer { TemporaryStore.remove(root) }
        let db = try SQLiteDatabase(readOnly: root.appendingPathComponent("mlflow.db"))
        #expect(throws: SQLiteDatabase.Failure.self) { try db.query("CREATE TEMP TABLE x(a)") { _ in } }
    }

    /// A database left by a writer in WAL mode, with its `-wal` but no `-shm`: its rows are read
    /// (from a private copy), and the folder's listing and modification times do not change.
    @Test func walWithoutShmIsReadWithoutWritingBesideIt() throws {
        let input = try TemporaryStore.make()
        defer { TemporaryStore.remove(input) }
        let root = try database("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"
                                + " INSERT INTO params (key, value, run_uuid) SELECT 'from_the_wal', '1', min(run_uuid) FROM runs;") { root in
            for name in ["mlflow.db", "mlflow.db-wal"] {
                try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: input.appendingPathComponent(name))
            }
        }
        TemporaryStore.remove(root)
        func state() -> [String: Double] {
            Dictionary(uniqueKeysWithValues: FilePaths.entries(of: input).map { ($0, FilePaths.modificationTime(input.appendingPathComponent($0)) ?? 0) })
        }
        let before = state()
        #expect(before.keys.sorted() == ["mlflow.db", "mlflow.db-wal"])
        let (runs, log) = SummaryComparison.read(input)
        #expect(runs.contains { $0.params["from_the_wal"] != nil }, "\(log.summaryText)")
        #expect(state() == before)
    }
}
