/// Where a diagnostic points: a file (relative to the input root where possible) and an optional
/// line and column, or a byte offset for binary files.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// For binary files (event files, W&B logs): the byte offset of the bad record.
    public var byteOffset: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// `path:line:col` as compilers print it, or `path:@offset` for a byte offset in a binary file.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        } else if let byteOffset {
            text += ":@\(byteOffset)"
        }
        return text
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
        return (a.byteOffset ?? 0) < (b.byteOffset ?? 0)
    }
}

/// One problem found while reading or rendering. Problems never stop the build; `--strict` makes them fatal.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// A stable dotted id such as `reader.runsite.malformed-json-line`.
    public var id: String
    /// A lowercase sentence without a final period, quoting the offending value.
    public var message: String
    public var location: SourceLocation?
    /// Second places the problem involves ("the input that already holds it"), printed after it.
    public var notes: [DiagnosticNote]

    public init(_ severity: Severity, id: String, _ message: String, at location: SourceLocation? = nil, notes: [DiagnosticNote] = []) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
    }

    public init(_ severity: Severity, _ message: DiagnosticMessage, at location: SourceLocation? = nil) {
        self.init(severity, id: message.id, message.text, at: location, notes: message.notes)
    }

    public static func warning(_ message: DiagnosticMessage, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public static func note(_ message: DiagnosticMessage, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    public static func error(_ message: DiagnosticMessage, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// `path:line:col: warning: message [id]`, on one line, then a line per note
    /// (`path:line:col: note: text`) as compilers print them. Messages quote input (metric names,
    /// values, file names) that may hold control characters or be megabytes long: control
    /// characters are escaped (`\u{1B}`), so a hostile file cannot drive the terminal, and a long
    /// message is cut.
    public var formatted: String {
        var text = Self.line(location, severity.rawValue, message) + " [\(id)]"
        for note in notes { text += "\n" + Self.line(note.location, "note", note.text) }
        return text
    }

    private static func line(_ location: SourceLocation?, _ label: String, _ text: String) -> String {
        (location.map { printable($0.description, limit: 1000) + ": " } ?? "") + label + ": " + printable(text, limit: messageLimit)
    }

    /// The longest message `formatted` prints, in Unicode scalars.
    public static let messageLimit = 300

    /// `text` with C0/C1 control characters, DEL and line/paragraph separators escaped as `\u{XX}`,
    /// cut to `limit` scalars (then ending in `…`).
    public static func printable(_ text: String, limit: Int) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                out.append("…")
                break
            }
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                out.append(contentsOf: "\\u{\(String(v, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
            count += 1
        }
        return String(out)
    }
}

extension Diagnostic {
    private enum CodingKeys: String, CodingKey { case severity, id, message, location, notes }

    /// Cache indexes written before notes existed have no `notes`: they read as none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Severity.self, forKey: .severity), id: try container.decode(String.self, forKey: .id),
                  try container.decode(String.self, forKey: .message), at: try container.decodeIfPresent(SourceLocation.self, forKey: .location),
                  notes: try container.decodeIfPresent([DiagnosticNote].self, forKey: .notes) ?? [])
    }

    /// Without notes, the same JSON as before notes existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(id, forKey: .id)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(location, forKey: .location)
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }
}

extension Diagnostic: Comparable {
    /// Sorted by path, then line, then id, so that output is reproducible.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: break
        }
        if a.id != b.id { return a.id < b.id }
        if a.message != b.message { return a.message < b.message }
        return a.notes.lexicographicallyPrecedes(b.notes)
    }
}
