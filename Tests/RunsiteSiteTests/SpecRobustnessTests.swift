@testable import RunsiteSite
import RunsiteCore
import Testing

/// Seeded random inputs: the spec parsers never crash, errors point inside the text, and quoting
/// a name always reads back as the same name.
@Suite struct SpecRobustnessTests {
    static let alphabet = ["a", "z", "/", ".", ":", " ", "\"", "\\", ",", "@", "(", ")", "<", ">", "=", "!", "-", "1", "é", "tag:", "param:",
                           "metric:", "run:", "and ", "top ", "best ", "by ", "min", "@best(", "val/loss"]

    @Test func parsersNeverCrashAndErrorsPointInsideTheText() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<3000 {
            let text = random.string(from: Self.alphabet, maxLength: 12)
            let length = text.utf8.count
            do throws(SpecError) { _ = try RunSelector.parse(text) } catch {
                #expect((0...length).contains(error.offset), "selector '\(text)': offset \(error.offset)")
            }
            do throws(SpecError) { _ = try ColumnSpec.parse(text, options: SiteOptions()) } catch {
                #expect((0...length).contains(error.offset), "columns '\(text)': offset \(error.offset)")
            }
        }
    }

    @Test func quotedNamesReadBack() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let name = random.string(from: ["a", "/", ".", ":", " ", "\"", "\\", ",", "@", "(", ")", "<", "=", "é", "min"], maxLength: 8)
            guard !name.isEmpty else { continue }
            let spec = try ColumnSpec.parse("metric:" + MetricRef(name: name, aggregate: .max).spec + ", param:" + SpecQuoting.name(name), options: SiteOptions())
            #expect(spec.columns == [.metric(name, .max), .param(name)], "name '\(name)'")
        }
    }
}

extension SeededGenerator {
    /// Up to `maxLength` pieces of `alphabet`, joined.
    mutating func string(from alphabet: [String], maxLength: Int) -> String {
        (0..<Int(next() % UInt64(maxLength + 1))).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
    }
}
