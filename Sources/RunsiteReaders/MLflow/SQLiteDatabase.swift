import CSQLite
import Foundation

/// A minimal read-only wrapper over the SQLite C API, enough to read `mlflow.db`.
/// The database is opened with `SQLITE_OPEN_READONLY` and is never written.
final class SQLiteDatabase {
    struct Failure: Error {
        var message: String
    }

    private var handle: OpaquePointer?

    /// Opens read-only.
    ///
    /// A database in WAL mode makes even a read-only connection create `-wal` and `-shm` files beside it.
    /// When no `-wal` file exists there is nothing outside the main file, so it is opened with
    /// `immutable=1`, which creates nothing. Otherwise (a writer is active or crashed) a plain read-only
    /// open sees the WAL's content; if that fails (e.g. a read-only folder), `immutable=1` reads the main file.
    init(readOnly url: URL) throws {
        var db: OpaquePointer?
        let walWithoutLog = Self.isWAL(url) && !FileManager.default.fileExists(atPath: url.path + "-wal")
        if !walWithoutLog {
            if sqlite3_open_v2(url.path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, Self.probe(db) {
                handle = db
                sqlite3_busy_timeout(db, 2000)
                return
            }
            sqlite3_close(db)
            db = nil
        }
        let uri = "file:" + (url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url.path) + "?immutable=1"
        let code = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        guard code == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            sqlite3_close(db)
            throw Failure(message: message)
        }
        handle = db
        sqlite3_busy_timeout(db, 2000)
    }

    /// Header bytes 18 and 19 (file format write and read versions) are 2 in WAL mode.
    private static func isWAL(_ url: URL) -> Bool {
        guard let handle = FilePaths.readHandle(url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 20), head.count == 20 else { return false }
        return head[head.startIndex + 18] == 2 && head[head.startIndex + 19] == 2
    }

    deinit { sqlite3_close(handle) }

    /// Whether the schema can be read (fails on non-databases and on WAL databases that cannot be opened).
    /// A writer holding a lock is waited for up to 2 s (`sqlite3_busy_timeout`) before a query gives up.
    private static func probe(_ db: OpaquePointer?) -> Bool {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &statement, nil) == SQLITE_OK else { return false }
        return sqlite3_step(statement) == SQLITE_ROW
    }

    /// One result row; columns are read by index.
    struct Row {
        fileprivate let statement: OpaquePointer?

        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

        func string(_ column: Int32) -> String? {
            guard !isNull(column), let text = sqlite3_column_text(statement, column) else { return nil }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
        }

        /// The column's text bytes, valid only until the next step; empty for NULL.
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
            guard let text = sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
        }

        func int(_ column: Int32) -> Int64? {
            isNull(column) ? nil : sqlite3_column_int64(statement, column)
        }

        func double(_ column: Int32) -> Double? {
            isNull(column) ? nil : sqlite3_column_double(statement, column)
        }
    }

    /// Runs a query, calling `body` for each row. Throws with SQLite's message on any error.
    func query(_ sql: String, bind: [String] = [], _ body: (Row) -> Void) throws {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in bind.enumerated() {
            sqlite3_bind_text(statement, Int32(index + 1), value, -1, transient)
        }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure() }
            body(Row(statement: statement))
        }
    }

    /// Column names of a table (empty when the table does not exist).
    func columns(of table: String) throws -> [String] {
        var names: [String] = []
        try query("PRAGMA table_info(\"\(table)\")") { row in
            if let name = row.string(1) { names.append(name) }
        }
        return names
    }

    private func failure() -> Failure {
        Failure(message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "unknown SQLite error")
    }
}
