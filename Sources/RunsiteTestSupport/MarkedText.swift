import RunsiteCore

/// Fixture text with markers where a test expects a diagnostic (`1️⃣`, `2️⃣`, … as in swift-syntax's
/// `assertParse`): `text` is the fixture without them, and each marker gives the 1-based line and
/// column it stood at, so that a test states a position by pointing at it rather than counting.
///
///     let json = MarkedText("{\n  \"tags\": [1,1️⃣,]\n}\n")
///     tree.write("r/runsite.json", json.text)
///     #expect(at.isAt(json["1️⃣"]))                       // or json["1️⃣"].line, .column
///
/// Columns count UTF-8 bytes, as runsite's JSON, CSV and template positions do (libyaml's error
/// marks count characters: the same for ASCII text). A line ends at `\n` or `\r\n`.
public struct MarkedText: Sendable {
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
        /// `line:column`, as a diagnostic prints it after its path.
        public var description: String { "\(line):\(column)" }
    }

    /// The markers a fixture may hold, 1️⃣ to 9️⃣.
    public static let markers = (1...9).map { "\($0)\u{FE0F}\u{20E3}" }

    /// The fixture without its markers.
    public let text: String
    public let positions: [String: Position]

    public init(_ marked: String) {
        var text = ""
        var positions: [String: Position] = [:]
        var line = 1, column = 1
        var rest = Substring(marked)
        while let first = rest.first {
            if let marker = Self.markers.first(where: { rest.hasPrefix($0) }) {
                precondition(positions[marker] == nil, "marker \(marker) appears twice")
                positions[marker] = Position(line: line, column: column)
                rest = rest.dropFirst(marker.count)
                continue
            }
            text.append(first)
            // "\r\n" is one Character.
            if first == "\n" || first == "\r\n" { line += 1; column = 1 } else { column += String(first).utf8.count }
            rest = rest.dropFirst()
        }
        self.text = text
        self.positions = positions
    }

    /// Where `marker` stood; a test with a marker it never wrote stops here.
    public subscript(_ marker: String) -> Position {
        guard let position = positions[marker] else { preconditionFailure("no marker \(marker) in the text") }
        return position
    }
}

extension MarkedText {
    /// The place of `marker` in `file`, as a diagnostic about it would name it.
    public func location(_ marker: String, file: String) -> SourceLocation {
        SourceLocation(file: file, line: self[marker].line, column: self[marker].column)
    }
}

extension SourceLocation {
    /// Whether this is the line and column a marker stood at.
    public func isAt(_ position: MarkedText.Position) -> Bool {
        line == position.line && column == position.column
    }
}
