import Foundation
import Testing
@testable import RunsiteReaders

/// The hand parser of MLflow's flat `meta.yaml` must give exactly what Yams gives, or decline.
@Suite struct FlatYAMLTests {
    func flat(_ text: String) -> JSONValue? { FlatYAML.parse(Array(text.utf8)) }

    @Test func matchesYamsOnMLflowMetaFiles() throws {
        let run = """
            artifact_uri: mlflow-artifacts:/1/0001/artifacts
            end_time: 1795002000000
            entry_point_name: ''
            experiment_id: '1'
            lifecycle_stage: active
            run_name: run-0000
            source_type: 4
            start_time: -12
            tags: []
            user_id: bench
            effective_trace_archival_retention: null
            workspace:
            name: O'Brien's run

            """
        // The last line has a quote inside a plain scalar: declined as a whole.
        #expect(flat(run) == nil)
        let plain = run.replacingOccurrences(of: "name: O'Brien's run\n", with: "name: 'a b: c # d'\n")
        let parsed = try #require(flat(plain))
        #expect(parsed == (try JSONValue.parseYAML(plain)))
        #expect(parsed["end_time"] == .int(1_795_002_000_000))
        #expect(parsed["experiment_id"] == .string("1"))
        #expect(parsed["workspace"] == .null)
    }

    @Test func declinesWhatYAMLResolvesOtherwise() throws {
        for line in ["a: yes", "a: Off", "a: TRUE", "a: 0755", "a: 1.5", "a: .inf", "a: 1_000", "a: 12:30", "a: ~",
                     "a: \"x\"", "a: x # c", "a:  x", "- a", "a: {b: 1}", "a: 'it''s'", "a: 1234567890123456789012",
                     "a: 2024-01-01", "a: x:", "a: [1]", "a: x y", "a: 1\na: 2", "a: 1\r"] {
            #expect(flat(line) == nil, "\(line)")
        }
        for line in ["a: Default", "a: file:///data/mlruns/0", "a: 0", "a: -7", "a: run-0000", "a: user@host", "a: ''"] {
            let mine = try #require(flat(line), "\(line)")
            #expect(mine == (try JSONValue.parseYAML(line)), "\(line)")
        }
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpora")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "../shared/corpora is not beside the checkout"))
    func corpusMetaFilesParseAsYamsDoes() throws {
        let corpus = Self.corpus
        let walker = try #require(FileManager.default.enumerator(atPath: corpus.path))
        var compared = 0
        for case let path as String in walker where path.hasSuffix("meta.yaml") {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(path)))
            guard let mine = FlatYAML.parse(bytes) else { continue }
            #expect(mine == (try JSONValue.parseYAML(String(decoding: bytes, as: UTF8.self))), "\(path)")
            compared += 1
        }
        #expect(compared > 0)
    }
}
