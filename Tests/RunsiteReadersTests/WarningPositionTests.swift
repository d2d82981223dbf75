import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import Testing

/// Warnings about a place inside a file say where: `path:line:col`, or `path:@offset` in binary files.
@Suite struct WarningPositionTests {
    func only(_ id: String, _ log: DiagnosticLog) throws -> RunsiteCore.SourceLocation {
        let found = log.sorted.filter { $0.id == id }
        #expect(found.count == 1, "\(log.summaryText)")
        return try #require(found.first?.location)
    }

    @Test func wrongTypedFieldOfRunsiteJSONPointsAtItsKey() throws {
        let tree = TempTree()
        tree.write("p/r/runsite.json", "{\n  \"status\": \"bogus\",\n    \"name\": 5\n}\n")
        let log = tree.read().log
        let name = try only("reader.runsite.field-type", log)
        #expect(name.line == 3 && name.column == 5, "\(name.description)")
        let status = try only("reader.runsite.unknown-status", log)
        #expect(status.line == 2 && status.column == 3, "\(status.description)")
    }

    @Test func invalidJSONGivesLineAndColumn() throws {
        let tree = TempTree()
        tree.write("p/r/runsite.json", "{\n  \"name\": \"a\",\n  \"tags\": [1,,]\n}\n")
        let at = try only("reader.runsite.malformed-json", tree.read().log)
        #expect(at.line == 3 && at.column == 14, "\(at.description)")
    }

    @Test func sacredMetricWithoutValuesPointsAtTheMetric() throws {
        let tree = TempTree()
        tree.write("s/1/run.json", "{\"status\": \"COMPLETED\"}")
        tree.write("s/1/config.json", "{}")
        tree.write("s/1/metrics.json", "{\n \"loss\": {\"values\": [1]},\n \"acc\": {\"steps\": [0]}\n}\n")
        let at = try only("reader.sacred.metric-shape", tree.read().log)
        #expect(at.line == 3 && at.column == 2, "\(at.description)")
    }

    @Test func invalidYAMLGivesLineAndColumn() throws {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "step,loss\n0,1\n")
        tree.write("lightning_logs/version_0/hparams.yaml", "lr: 0.1\nbatch: [1, 2\nseed: 3\n")
        let at = try only("reader.lightning-csv.malformed-yaml", tree.read().log)
        #expect(at.line != nil && at.column != nil, "\(at.description)")
    }

    @Test func invalidDVCYAMLGivesItsLine() throws {
        let tree = TempTree()
        tree.write("p/dvc.yaml", "metrics:\n- live/metrics.json\nplots: {x: [1, 2}\n")
        tree.write("p/live/metrics.json", #"{"acc": 0.5}"#)
        tree.write("p/live/plots/metrics/acc.tsv", "step\tacc\n0\t0.5\n")
        let at = try only("reader.dvclive.malformed-yaml", tree.read().log)
        #expect(at.line == 3, "\(at.description)")
    }

    @Test func yamlPastALimitGivesLineAndColumn() throws {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "step,loss\n0,1\n")
        let nested = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        tree.write("lightning_logs/version_0/hparams.yaml", "lr: 0.1\ndeep: \(nested)\n")
        let at = try only("reader.lightning-csv.malformed-yaml", tree.read().log)
        #expect(at.line == 2 && at.column != nil, "\(at.description)")
    }

    @Test func yamlThatIsNotUTF8PointsAtTheFirstBadByte() throws {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "step,loss\n0,1\n")
        tree.write("lightning_logs/version_0/hparams.yaml", bytes: Array("lr: 0.1\nname: a".utf8) + [0xFF] + Array("b\n".utf8))
        let at = try only("reader.lightning-csv.malformed-yaml", tree.read().log)
        #expect(at.line == 2 && at.column == 8, "\(at.description)")
    }

    @Test func confusionShapeWarningIsPlacedAtTheMatrix() throws {
        let tree = TempTree()
        tree.write("p/r/runsite.json", "{}")
        tree.write("p/r/confusion/val.json", "{\"labels\": [\"a\", \"b\"],\n \"matrix\": [[1, 2]]}\n")
        let at = try only("reader.runsite.confusion-shape", tree.read().log)
        #expect(at.line == 2 && at.column == 2, "\(at.description)")
    }

    @Test func binaryOffsetsPrintAsAtOffset() {
        let warning = Diagnostic(.warning, id: "reader.x", "bad record", at: RunsiteCore.SourceLocation(file: "logs/events", byteOffset: 120))
        #expect(warning.formatted == "logs/events:@120: warning: bad record [reader.x]")
        let text = Diagnostic(.warning, id: "reader.x", "bad", at: RunsiteCore.SourceLocation(file: "a.json", line: 2, column: 7))
        #expect(text.formatted == "a.json:2:7: warning: bad [reader.x]")
    }
}
