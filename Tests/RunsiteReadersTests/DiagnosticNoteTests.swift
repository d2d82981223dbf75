import Foundation
import RunsiteCore
import Testing

/// A diagnostic's notes point at second places, printed after it as compilers print theirs; a
/// diagnostic without notes prints and encodes as it did before notes existed.
@Suite struct DiagnosticNoteTests {
    let location = RunsiteCore.SourceLocation(file: "runs/b/params.json", line: 4, column: 3)

    @Test func notesFollowTheMainLineWithTheirOwnPlaces() {
        var warning = Diagnostic(.warning, id: "reader.x", "key 'lr' is given twice", at: location)
        warning.notes = [DiagnosticNote("first given here", at: RunsiteCore.SourceLocation(file: "runs/b/params.json", line: 2, column: 3)),
                         DiagnosticNote("a note without a place")]
        #expect(warning.formatted == """
            runs/b/params.json:4:3: warning: key 'lr' is given twice [reader.x]
            runs/b/params.json:2:3: note: first given here
            note: a note without a place
            """)
    }

    @Test func aNoteIsEscapedAndCutAsTheMainLineIs() {
        let hostile = "a\u{1B}[2Jb\nc" + String(repeating: "x", count: 2 * Diagnostic.messageLimit)
        let warning = Diagnostic(.warning, id: "reader.x", "bad", at: location,
                                 notes: [DiagnosticNote(hostile, at: RunsiteCore.SourceLocation(file: "d\u{7}ir/f", line: 1))])
        let lines = warning.formatted.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2)
        let note = String(lines[1])
        #expect(note.hasPrefix("d\\u{7}ir/f:1: note: a\\u{1B}[2Jb\\u{A}c"), "\(note)")
        #expect(note.hasSuffix("…") && note.unicodeScalars.count < Diagnostic.messageLimit + 40, "\(note)")
    }

    @Test func aMessageFactoryCarriesItsNotesIntoTheDiagnostic() {
        let message = DiagnosticMessage(id: "input.x", "repeated", notes: [DiagnosticNote("held here", at: location)])
        #expect(Diagnostic.warning(message, at: nil).notes == message.notes)
        #expect(Diagnostic.note(DiagnosticMessage(id: "input.y", "plain")).notes.isEmpty)
    }

    @Test func withoutNotesTheJSONIsAsBeforeAndOldJSONStillReads() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let plain = Diagnostic(.warning, id: "reader.x", "bad", at: location)
        let json = String(decoding: try encoder.encode(plain), as: UTF8.self)
        #expect(json == #"{"id":"reader.x","location":{"column":3,"file":"runs\/b\/params.json","line":4},"message":"bad","severity":"warning"}"#)
        #expect(try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8)) == plain)

        var noted = plain
        noted.notes = [DiagnosticNote("here", at: RunsiteCore.SourceLocation(file: "a", line: 1)), DiagnosticNote("nowhere")]
        let encoded = try encoder.encode(noted)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""notes":[{"location":{"file":"a","line":1},"text":"here"},{"text":"nowhere"}]"#))
        #expect(try JSONDecoder().decode(Diagnostic.self, from: encoded) == noted)
    }
}
