import Foundation
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders
import RunsiteTestSupport
import Testing

/// System metrics: `stats` records of the `.wandb` log and `files/wandb-events.jsonl`.
@Suite("W&B system metrics")
struct WandBSystemMetricsTests {
    let folder = "wandb/offline-run-20261129_101010-abcd1234"

    @Test func statsRecordsBecomeSystemMetrics() throws {
        var w = WandBWrite()
        w.append(WandBWrite.run(id: "abcd1234", project: "synth", name: "sys"))
        w.append(WandBWrite.stats(seconds: 1_795_000_001, nanos: 631_479_968,
                                  [("cpu", "12.5"), ("gpu.0.gpu", "97"), ("memory_percent", "11.281725690906404"), ("host", "\"box\"")]))
        w.append(WandBWrite.history(step: 0, [("loss", "0.5")]))
        w.append(WandBWrite.stats(seconds: 1_795_000_016, nanos: 0, [("cpu", "NaN"), ("gpu.0.gpu", "{\"a\": 3}")]))
        w.append(WandBWrite.exit(code: 0))
        let dir = try TempDir()
        try dir.write("\(folder)/run-abcd1234.wandb", w.bytes)
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        let run = try #require(runs.first)
        #expect(log.count == 0, "\(log.sorted.map(\.formatted))")
        // History metrics first, then the system metrics in the order their keys first appeared.
        #expect(run.metrics.map(\.key) == ["loss", "system/cpu", "system/gpu.0.gpu", "system/memory_percent", "system/gpu.0.gpu.a"])
        let cpu = try #require(run.metric("system/cpu"))
        #expect(cpu.steps == [0, 1])
        #expect(cpu.values[0] == 12.5 && cpu.values[1].isNaN)
        #expect(cpu.times == [1_795_000_001 + 631_479_968 / 1e9, 1_795_000_016])
        #expect(run.metric("system/memory_percent")?.values == [11.281725690906404])
        #expect(run.metric("system/gpu.0.gpu")?.values == [97])
        #expect(run.metric("system/gpu.0.gpu.a")?.steps == [1])
        #expect(run.metric("system/host") == nil)
    }

    /// Only stats_type 0 (SYSTEM) is defined; a record of another type is not read as system metrics.
    @Test func otherStatsTypesAreSkipped() throws {
        var w = WandBWrite()
        w.append(WandBWrite.run(id: "abcd1234", project: "synth", name: "sys"))
        w.append(WandBWrite.stats(seconds: 1_795_000_001, nanos: 0, type: 7, [("cpu", "12.5")]))
        let dir = try TempDir()
        try dir.write("\(folder)/run-abcd1234.wandb", w.bytes)
        let run = try #require(BinarySummaryComparison.read(dir.url).runs.first)
        #expect(run.metric("system/cpu") == nil)
    }

    @Test func eventsFileOfAnOnlineFolder() throws {
        let dir = try TempDir()
        let lines = MarkedText("""
        {"system.cpu": 3.5, "system.gpu.0.gpu": 90, "_wandb": true, "_timestamp": 1795000010.25, "_runtime": 5}
        1️⃣not json
        {"system.cpu": 4, "system.memory_percent": 20.125, "_timestamp": 1795000040.5, "_runtime": 35}

        """)
        let events = try dir.write("wandb/run-20261129_101010-abcd1234/files/wandb-events.jsonl", Array(lines.text.utf8))
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        let run = try #require(runs.first)
        let cpu = try #require(run.metric("system/cpu"))
        #expect(cpu.steps == [0, 1] && cpu.values == [3.5, 4] && cpu.times == [1_795_000_010.25, 1_795_000_040.5])
        #expect(run.metric("system/gpu.0.gpu")?.values == [90])
        #expect(run.metric("system/memory_percent")?.steps == [1])
        #expect(run.metric("system/_wandb") == nil && run.metric("system/_runtime") == nil)
        let warning = try #require(log.sorted.first)
        #expect(warning.id == "reader.wandb.malformed-events-line")
        #expect(warning.location?.line == lines["1️⃣"].line)
        #expect(warning.location?.file.hasSuffix(events.lastPathComponent) == true)
    }

    /// The log's stats records and the events file hold the same samples: the log wins.
    @Test func logStatsWinOverEventsFile() throws {
        var w = WandBWrite()
        w.append(WandBWrite.run(id: "abcd1234", project: "synth", name: "sys"))
        w.append(WandBWrite.stats(seconds: 1_795_000_001, nanos: 0, [("cpu", "1")]))
        let dir = try TempDir()
        try dir.write("\(folder)/run-abcd1234.wandb", w.bytes)
        try dir.write("\(folder)/files/wandb-events.jsonl", Array("{\"system.cpu\": 2, \"_timestamp\": 1795000001}\n".utf8))
        let run = try #require(BinarySummaryComparison.read(dir.url).runs.first)
        #expect(run.metric("system/cpu")?.values == [1])
    }

    @Test func historyKeyClashingWithASystemMetric() throws {
        var w = WandBWrite()
        w.append(WandBWrite.run(id: "abcd1234", project: "synth", name: "sys"))
        w.append(WandBWrite.history(step: 0, [("system/cpu", "42")]))
        w.append(WandBWrite.stats(seconds: 1_795_000_001, nanos: 0, [("cpu", "1")]))
        let dir = try TempDir()
        try dir.write("\(folder)/run-abcd1234.wandb", w.bytes)
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        let run = try #require(runs.first)
        #expect(run.metrics.filter { $0.key == "system/cpu" }.count == 1)
        #expect(run.metric("system/cpu")?.values == [42])
        #expect(log.sorted.map(\.id) == ["reader.wandb.system-metric-clash"])
    }

    /// The fixtures, written by wandb, each hold one stats record; its values are read exactly.
    @Test func fixtureStatsRecord() throws {
        let (runs, _) = BinarySummaryComparison.read(BinarySummaryComparison.fixture("wandb"))
        let run = try #require(runs.first { $0.name == "resnet18-adam" })
        let memory = try #require(run.metric("system/memory_percent"))
        #expect(memory.values == [11.281725690906404])
        #expect(memory.steps == [0])
        #expect(memory.times == [1_795_951_653 + 631_479_968 / 1e9])  // 2026-11-29T11:27:33.631479968Z
        #expect(run.metric("system/disk./.usageGB")?.values == [26.03414535522461])
        #expect(run.metrics.filter { $0.key.name.hasPrefix("system/") }.count == 12)
    }
}
