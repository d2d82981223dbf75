import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteTestSupport
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
        let json = MarkedText("{\n  1️⃣\"status\": \"bogus\",\n    2️⃣\"name\": 5\n}\n")
        tree.write("p/r/runsite.json", json.text)
        let log = tree.read().log
        let name = try only("reader.runsite.field-type", log)
        #expect(name.isAt(json["2️⃣"]), "\(name.description)")
        let status = try only("reader.runsite.unknown-status", log)
        #expect(status.isAt(json["1️⃣"]), "\(status.description)")
    }

    @Test func invalidJSONGivesLineAndColumn() throws {
        let tree = TempTree()
        let json = MarkedText("{\n  \"name\": \"a\",\n  \"tags\": [1,1️⃣,]\n}\n")
        tree.write("p/r/runsite.json", json.text)
        let at = try only("reader.runsite.malformed-json", tree.read().log)
        #expect(at.isAt(json["1️⃣"]), "\(at.description)")
    }

    @Test func sacredMetricWithoutValuesPointsAtTheMetric() throws {
        let tree = TempTree()
        tree.write("s/1/run.json", "{\"status\": \"COMPLETED\"}")
        tree.write("s/1/config.json", "{}")
        let json = MarkedText("{\n \"loss\": {\"values\": [1]},\n 1️⃣\"acc\": {\"steps\": [0]}\n}\n")
        tree.write("s/1/metrics.json", json.text)
        let at = try only("reader.sacred.metric-shape", tree.read().log)
        #expect(at.isAt(json["1️⃣"]), "\(at.description)")
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
        let yaml = MarkedText("metrics:\n- live/metrics.json\n1️⃣plots: {x: [1, 2}\n")
        tree.write("p/dvc.yaml", yaml.text)
        tree.write("p/live/metrics.json", #"{"acc": 0.5}"#)
        tree.write("p/live/plots/metrics/acc.tsv", "step\tacc\n0\t0.5\n")
        let at = try only("reader.dvclive.malformed-yaml", tree.read().log)
        #expect(at.line == yaml["1️⃣"].line, "\(at.description)")
    }

    @Test func yamlPastALimitGivesLineAndColumn() throws {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "step,loss\n0,1\n")
        let nested = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        let yaml = MarkedText("lr: 0.1\n1️⃣deep: \(nested)\n")
        tree.write("lightning_logs/version_0/hparams.yaml", yaml.text)
        let at = try only("reader.lightning-csv.malformed-yaml", tree.read().log)
        #expect(at.line == yaml["1️⃣"].line && at.column != nil, "\(at.description)")
    }

    @Test func yamlThatIsNotUTF8PointsAtTheFirstBadByte() throws {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "step,loss\n0,1\n")
        // The marker stands for the byte 0xFF, which a Swift string cannot hold.
        let yaml = MarkedText("lr: 0.1\nname: a1️⃣b\n")
        let bytes = Array(yaml.text.utf8)
        let cut = bytes.firstIndex(of: UInt8(ascii: "b"))!
        tree.write("lightning_logs/version_0/hparams.yaml", bytes: Array(bytes[..<cut]) + [0xFF] + Array(bytes[cut...]))
        let at = try only("reader.lightning-csv.malformed-yaml", tree.read().log)
        #expect(at.isAt(yaml["1️⃣"]), "\(at.description)")
    }

    @Test func confusionShapeWarningIsPlacedAtTheMatrix() throws {
        let tree = TempTree()
        tree.write("p/r/runsite.json", "{}")
        let json = MarkedText("{\"labels\": [\"a\", \"b\"],\n 1️⃣\"matrix\": [[1, 2]]}\n")
        tree.write("p/r/confusion/val.json", json.text)
        let at = try only("reader.runsite.confusion-shape", tree.read().log)
        #expect(at.isAt(json["1️⃣"]), "\(at.description)")
    }

    @Test func binaryOffsetsPrintAsAtOffset() {
        let warning = Diagnostic(.warning, id: "reader.x", "bad record", at: RunsiteCore.SourceLocation(file: "logs/events", byteOffset: 120))
        #expect(warning.formatted == "logs/events:@120: warning: bad record [reader.x]")
        let text = Diagnostic(.warning, id: "reader.x", "bad", at: RunsiteCore.SourceLocation(file: "a.json", line: 2, column: 7))
        #expect(text.formatted == "a.json:2:7: warning: bad [reader.x]")
    }
}
