import CSQLite
import Foundation

/// A minimal read-only wrapper over the SQLite C API, enough to read `mlflow.db`, which is as
/// untrusted as the rest of a run folder.
///
/// - The file is opened `immutable=1` and `mode=ro`: SQLite then takes no locks and creates no
///   `-journal`, `-wal` or `-shm` file beside it. A database with a non-empty `-wal` is copied
///   (with its WAL) into a private temporary folder and opened there, so that changes not yet
///   checkpointed are read without writing into the input.
/// - `query_only` and `trusted_schema=OFF` are set, temporary storage stays in memory (never
///   `/var/tmp`) under a heap limit (`InputLimits.sqliteHeapBytes`), and each query is interrupted
///   after `InputLimits.sqliteSteps` virtual-machine steps.
final class SQLiteDatabase {
    struct Failure: Error {
        var message: String
    }

    private var handle: OpaquePointer?
    /// A private copy of the database (with its WAL), removed on close; nil when reading in place.
    private var copy: URL?
    private let budget = StepBudget()

    init(readOnly url: URL) throws {
        _ = Self.heapLimit
        guard let (fd, _) = FilePaths.openRegular(url) else { throw Failure(message: "not a regular file inside the input") }
        close(fd)
        var path = url.path
        let wal = URL(fileURLWithPath: url.path + "-wal")
        if FilePaths.isRegularFile(wal), FilePaths.size(wal) > 0 {
            let folder = try Self.privateCopy(of: url)
            copy = folder
            path = folder.appendingPathComponent("mlflow.db").path
        }
        var db: OpaquePointer?
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        // The private copy is opened without `immutable`, so that SQLite applies its WAL.
        let uri = "file:" + encoded + (copy == nil ? "?mode=ro&immutable=1" : "?mode=ro")
        let code = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        guard code == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            sqlite3_close(db)
            removeCopy()
            throw Failure(message: message)
        }
        handle = db
        sqlite3_progress_handler(db, 1000, { context in
            let budget = Unmanaged<StepBudget>.fromOpaque(context!).takeUnretainedValue()
            budget.remaining -= 1000
            return budget.remaining < 0 ? 1 : 0
        }, Unmanaged.passUnretained(budget).toOpaque())
        for pragma in ["PRAGMA query_only=1", "PRAGMA trusted_schema=OFF", "PRAGMA temp_store=MEMORY"] {
            sqlite3_exec(db, pragma, nil, nil, nil)
        }
    }

    deinit {
        sqlite3_close(handle)
        removeCopy()
    }

    /// Steps left to the query in progress (see `sqlite3_progress_handler`).
    private final class StepBudget {
        var remaining = InputLimits.sqliteSteps
    }

    /// SQLite's heap limit is for the whole process; runsite uses SQLite only to read `mlflow.db`.
    private static let heapLimit: Void = { _ = sqlite3_hard_heap_limit64(InputLimits.sqliteHeapBytes) }()

    /// Copies the database and its WAL into a new private folder, in blocks; the folder's URL.
    private static func privateCopy(of url: URL) throws -> URL {
        var template = Array((NSTemporaryDirectory() + "/runsite-db-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(message: "cannot make a temporary folder") }
        let folder = URL(fileURLWithPath: String(cString: made))
        for suffix in ["", "-wal"] where !copy(URL(fileURLWithPath: url.path + suffix), to: folder.path + "/mlflow.db" + suffix) {
            try? FileManager.default.removeItem(at: folder)
            throw Failure(message: "cannot copy the database to read its write-ahead log")
        }
        return folder
    }

    private static func copy(_ source: URL, to path: String) -> Bool {
        guard let (input, _) = FilePaths.openRegular(source) else { return false }
        defer { close(input) }
        let output = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { return false }
        defer { close(output) }
        let size = 1 << 20
        let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { block.deallocate() }
        while true {
            let got = read(input, block, size)
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return false }
            if got == 0 { return true }
            var written = 0
            while written < got {
                let n = write(output, block + written, got - written)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                written += n
            }
        }
    }

    private func removeCopy() {
        if let copy { try? FileManager.default.removeItem(at: copy) }
        copy = nil
    }

    /// Why the schema must not be read, or nil: one of `tables` is a view or a virtual table (whose
    /// reading runs the author's query or module), or has a trigger, which MLflow puts only on
    /// tables runsite does not read (reads fire none, but such a database was not written by MLflow).
    func untrustedSchema(reading tables: Set<String>) throws -> String? {
        var problem: String?
        try query("SELECT type, name, lower(tbl_name), upper(coalesce(sql, '')) FROM sqlite_master") { row in
            guard problem == nil, let type = row.string(0), let name = row.string(1), let table = row.string(2),
                  tables.contains(table) else { return }
            let sql = row.string(3) ?? ""
            if type == "trigger" { problem = "table '\(table)' has a trigger ('\(name)')" }
            if type == "view" { problem = "table '\(name)' is a view" }
            if type == "table", sql.hasPrefix("CREATE VIRTUAL") { problem = "table '\(name)' is a virtual table" }
        }
        return problem
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
        budget.remaining = InputLimits.sqliteSteps
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
        if budget.remaining < 0 { return Failure(message: "query stopped after \(InputLimits.sqliteSteps) steps") }
        return Failure(message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "unknown SQLite error")
    }
}
