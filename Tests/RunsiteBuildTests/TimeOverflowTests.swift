import Foundation
import RunsiteBuild
import RunsiteCore
import Testing
@testable import RunsiteReaders

/// Times far past what whole seconds in an `Int` hold (a start, end or point time of 1e19 or
/// 1e300) build and export like any other: the span is left blank instead of trapping.
@Suite struct TimeOverflowTests {
    func runsite(end: String = "null", time: String = "1764410400") throws -> URL {
        let root = TestSite.temporaryDirectory("runsite-time")
        let run = root.appendingPathComponent("runs/a")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("{\"name\": \"a\", \"start\": 1764410400, \"end\": \(end)}\n".utf8).write(to: run.appendingPathComponent("runsite.json"))
        try Data("{\"step\": 0, \"time\": 1764410400, \"loss\": 1}\n{\"step\": 1, \"time\": \(time), \"loss\": 2}\n".utf8)
            .write(to: run.appendingPathComponent("metrics.jsonl"))
        return root
    }

    func mlflow(endTime: String) throws -> URL {
        let root = TestSite.temporaryDirectory("runsite-time")
        let run = root.appendingPathComponent("mlruns/1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("metrics"), withIntermediateDirectories: true)
        try Data("experiment_id: '1'\nlifecycle_stage: active\nname: e\n".utf8).write(to: root.appendingPathComponent("mlruns/1/meta.yaml"))
        try Data("""
            end_time: \(endTime)
            experiment_id: '1'
            lifecycle_stage: active
            run_id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            run_name: r
            start_time: 1764410400000
            status: 3

            """.utf8).write(to: run.appendingPathComponent("meta.yaml"))
        try Data("1764410400000 0.5 0\n".utf8).write(to: run.appendingPathComponent("metrics/loss"))
        return root
    }

    /// A TensorBoard log with one scalar event at `wallTime`.
    func tensorboard(wallTime: Double) throws -> URL {
        let root = TestSite.temporaryDirectory("runsite-time")
        let run = root.appendingPathComponent("logs/a")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        func field(_ number: Int, _ wire: UInt8) -> UInt8 { UInt8(number << 3) | wire }
        func le(_ value: UInt64, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
        func record(_ data: [UInt8]) -> [UInt8] {
            let length = le(UInt64(data.count), 8)
            return length + le(UInt64(CRC32.mask(CRC32.castagnoli.checksum(length))), 4)
                + data + le(UInt64(CRC32.mask(CRC32.castagnoli.checksum(data))), 4)
        }
        let version = [field(1, 1)] + le(wallTime.bitPattern, 8) + [field(3, 2), 13] + Array("brain.Event:2".utf8)
        let value = [field(1, 2), 4] + Array("loss".utf8) + [field(2, 5)] + le(UInt64(Float(0.5).bitPattern), 4)
        let summary = [field(1, 2), UInt8(value.count)] + value
        let event = [field(1, 1)] + le(wallTime.bitPattern, 8) + [field(2, 0), 1] + [field(5, 2), UInt8(summary.count)] + summary
        try Data(record(version) + record(event)).write(to: run.appendingPathComponent("events.out.tfevents.1.host"))
        return root
    }

    func buildsAndExports(_ input: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (_, log) = try TestSite.build([input])
        #expect(log.count(of: .error) == 0, "\(log.sorted.map(\.formatted))", sourceLocation: sourceLocation)
        let table = try CommandLineTests.run(["export", "table", input.path, "-q"])
        #expect(table.status == 0, "\(table.stderr)", sourceLocation: sourceLocation)
    }

    @Test func runEndPastIntMax() throws { try buildsAndExports(try runsite(end: "1e19")) }

    @Test func metricTimeOf1e300() throws { try buildsAndExports(try runsite(time: "1e300")) }

    @Test func tensorBoardWallTimePastIntMax() throws { try buildsAndExports(try tensorboard(wallTime: 1e19)) }

    @Test func mlflowEndTimePastIntMax() throws { try buildsAndExports(try mlflow(endTime: "1e22")) }
}
