import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteTestSupport
import Testing
@testable import RunsiteReaders

/// Caps that keep memory bounded on small hostile inputs, checked with small files.
@Suite struct InputBoundsTests {
    @Test func linesPastTheLimitAreSkippedWithOneWarningAtTheFirst() {
        let tree = TempTree()
        let csv = MarkedText("a,b\n1️⃣" + String(repeating: "x", count: 40) + "\n1,2\n" + String(repeating: "y", count: 50))
        let url = tree.write("t.csv", csv.text)
        let log = DiagnosticLog()
        let context = ReaderContext(inputRoot: tree.root, log: log)
        var seen: [Int] = []
        ByteReading.forEachLine(in: url, context: context, lineLimit: 16) { _, line in seen.append(line) }
        #expect(seen == [1, 3])
        let warnings = log.warnings("reader.line-too-long", file: "t.csv", line: csv["1️⃣"].line)
        #expect(warnings.count == 1 && warnings.first?.message.hasPrefix("2 lines are longer than 16 bytes") == true, "\(log.summaryText)")
        #expect(warnings.first?.location?.isAt(csv["1️⃣"]) == true)
    }

    @Test func aHeaderLongerThanTheLineLimitIsSkippedNotHeld() {
        let tree = TempTree()
        let header = "step," + Array(repeating: "m", count: ByteReading.lineLimit / 2 + 10).joined(separator: ",")
        tree.write("lightning_logs/version_0/hparams.yaml", "lr: 1\n")
        tree.write("lightning_logs/version_0/metrics.csv", header + "\n")
        let (runs, log) = tree.read()
        #expect(log.warnings("reader.line-too-long", file: "metrics.csv", line: 1).count == 1, "\(log.summaryText)")
        #expect(runs.first?.metrics.isEmpty == true)
    }

    @Test func confusionMatrixPastTheClassLimitIsSkippedWithAWarning() {
        let tree = TempTree()
        let n = ConfusionLimits.classes + 1
        tree.write("p/r/runsite.json", "{}")
        tree.write("p/r/confusion/big.json", "{\"labels\": [" + (0..<n).map { "\"\($0)\"" }.joined(separator: ",") + "], \"matrix\": []}")
        let (runs, log) = tree.read()
        #expect(log.warnings("reader.runsite.confusion-too-large", file: "big.json", line: 1).count == 1, "\(log.summaryText)")
        #expect(runs.first?.confusionMatrices.isEmpty == true)
    }

    @Test func dvcliveConfusionPairsPastTheClassLimitAreNotExpanded() {
        let tree = TempTree()
        let n = ConfusionLimits.classes + 1
        let samples = (0..<n).map { "{\"actual\": \"\($0)\", \"predicted\": \"0\"}" }.joined(separator: ",")
        tree.write("dvclive/metrics.json", "{\"step\": 0}")
        tree.write("dvclive/dvc.yaml", "plots:\n- plots/sklearn/cm.json:\n    template: confusion\n    x: actual\n    y: predicted\n")
        tree.write("dvclive/plots/sklearn/cm.json", "[" + samples + "]")
        let (runs, log) = tree.read()
        #expect(log.warnings("reader.dvclive.confusion-too-large", file: "cm.json").count == 1, "\(log.summaryText)")
        #expect(runs.allSatisfy { $0.confusionMatrices.isEmpty })
    }

    @Test func objectTreeEditsLikeJSONValuePaths() {
        let tree = JSONObjectTree()
        var reference = JSONValue.object([])
        let edits: [([String], JSONValue?)] = [
            (["a"], .int(1)), (["b", "c"], .int(2)), (["a", "x"], .int(3)), (["b", "d"], .object([("e", .int(4))])),
            (["b", "d", "f"], .int(5)), (["g"], .int(6)), (["a"], nil), (["a"], .int(7)), (["b", "c"], nil), (["zz", "q"], nil),
        ]
        for (path, value) in edits {
            if let value { tree.set(path, to: value); reference.set(path[...], to: value) } else { tree.remove(path); reference.remove(path[...]) }
            #expect(tree.value == reference, "after \(path)")
        }
        #expect(tree["g"] == .int(6) && tree["b"]?["d"]?["e"] == .int(4))
    }

    @Test func mergingOneProjectPerRunKeepsEveryRunSorted() {
        let projects = (0..<50).reversed().map { i in
            Project(name: i % 2 == 0 ? "even" : "odd", runs: [Run(id: RunID(String(format: "r%02d", i)), source: "runsite", project: "p", name: "r", directory: "/")])
        }
        let merged = ProjectMerging.merge(projects)
        #expect(merged.map(\.name) == ["even", "odd"])
        #expect(merged[0].runs.map(\.id.path) == (0..<25).map { String(format: "r%02d", $0 * 2) })
    }
}
