import Foundation
import RunsiteTestSupport
import Testing
@testable import RunsiteReaders

/// Values nested past `InputLimits.depth` are skipped with a warning; no decoder recurses on them.
@Suite struct HostileDepthTests {
    @Test func deepWandBKeyPathIsSkippedWithAWarning() throws {
        let dir = try TempDir()
        var w = WandBWrite()
        w.append(WandBWrite.run(id: "abcd1234", project: "p", name: "deep"))
        let path = (0..<20_000).map { "k\($0 % 7)" }.joined(separator: "|")
        w.append(WandBWrite.history(step: 1, [("loss", "0.5"), (path, "1")]))
        w.append(WandBWrite.exit(code: 0))
        try dir.write("wandb/offline-run-20261129_101010-abcd1234/run-abcd1234.wandb", w.bytes)
        let (runs, log) = SummaryComparison.read(dir.url)
        #expect(runs.first?.metric("loss")?.values == [0.5])
        #expect(log.warnings("reader.wandb.value-too-deep", file: "run-abcd1234.wandb").count == 1, "\(log.summaryText)")
    }

    @Test func deepHParamsListValueIsRefused() {
        // google.protobuf.Value { list_value (6): ListValue { values (1): Value { … } } }, 5,000 deep.
        var value = ProtoOut()
        value.double(2, 1)
        for _ in 0..<5_000 {
            var list = ProtoOut()
            list.data(1, value.bytes)
            var outer = ProtoOut()
            outer.data(6, list.bytes)
            value = outer
        }
        #expect(throws: HParamsDecoder.TooDeep.self) {
            try value.bytes.withUnsafeBufferPointer { try HParamsDecoder.protobufValue($0) }
        }
    }

    @Test func jsonDeeperThanTheLimitFailsWithItsOffset() {
        let deep = Array(repeating: UInt8(ascii: "["), count: InputLimits.depth + 1) + Array(repeating: UInt8(ascii: "]"), count: InputLimits.depth + 1)
        guard case .failure(let failure) = JSONParser.parse(deep) else { Issue.record("parsed"); return }
        #expect(failure.message.contains("deeper than \(InputLimits.depth)"))
        #expect(failure.offset == InputLimits.depth)
        let fits = Array(repeating: UInt8(ascii: "["), count: InputLimits.depth) + Array(repeating: UInt8(ascii: "]"), count: InputLimits.depth)
        #expect((try? JSONParser.parse(fits).get()) != nil)
    }

    @Test func yamlDeeperThanTheLimitIsAWarningWithItsLine() {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "epoch,step,loss\n0,0,1\n")
        let nested = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        let yaml = MarkedText("lr: 0.1\n1️⃣deep: \(nested)\n")
        tree.write("lightning_logs/version_0/hparams.yaml", yaml.text)
        let (runs, log) = tree.read()
        #expect(runs.count == 1 && runs[0].params.isEmpty)
        let warning = log.warnings("reader.lightning-csv.malformed-yaml", file: "hparams.yaml", line: yaml["1️⃣"].line)
        #expect(warning.first?.message.contains("nested deeper than \(InputLimits.depth) levels") == true, "\(log.summaryText)")
    }
}
