import Foundation
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders
import Testing

/// Warnings about a file store's layout: stray `meta.yaml` files and `.trash/` ids taken again.
@Suite("MLflow store checks")
struct MLflowStoreCheckTests {
    static let run = "0123456789abcdef0123456789abcdef"

    /// `mlruns/<id>/` with an experiment meta.yaml and one finished run.
    func experiment(_ dir: TempDir, _ path: String, id: String, name: String) throws {
        try dir.write("\(path)/meta.yaml", Array("artifact_location: file:///x/\(id)\nexperiment_id: '\(id)'\nlifecycle_stage: active\nname: \(name)\n".utf8))
        try dir.write("\(path)/\(Self.run)/meta.yaml",
                      Array("run_id: \(Self.run)\nexperiment_id: '\(id)'\nrun_name: r\nstatus: 3\nlifecycle_stage: active\nstart_time: 1700000000000\n".utf8))
    }

    @Test func nestedStoreMetaIsStray() throws {
        let dir = try TempDir()
        try experiment(dir, "mlruns/1", id: "1", name: "main")
        try experiment(dir, "mlruns/mlruns/0", id: "0", name: "Default")
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        #expect(runs.map(\.id.path) == ["mlruns/1/\(Self.run)"])
        let warnings = log.sorted.filter { $0.id == "reader.mlflow.stray-meta" }
        #expect(warnings.count == 1, "\(log.sorted.map(\.formatted))")
        #expect(warnings.first?.location?.file.hasSuffix("mlruns/mlruns/0/meta.yaml") == true)
        #expect(log.count == 1, "\(log.sorted.map(\.formatted))")
    }

    @Test func trashIdOfAnActiveExperiment() throws {
        let dir = try TempDir()
        try experiment(dir, "mlruns/3", id: "3", name: "live")
        try experiment(dir, "mlruns/.trash/3", id: "3", name: "gone")
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        #expect(runs.count == 1)
        let warnings = log.sorted
        #expect(warnings.map(\.id) == ["reader.mlflow.trash-id-collision"])
        #expect(warnings.first?.location?.file.hasSuffix("mlruns/.trash/3") == true)
        #expect(warnings.first?.notes.map { $0.location?.file.hasSuffix("mlruns/3") } == [true], "\(warnings.map(\.formatted))")
    }

    @Test func ordinaryStoreIsQuiet() throws {
        let dir = try TempDir()
        try experiment(dir, "mlruns/1", id: "1", name: "main")
        try experiment(dir, "mlruns/.trash/2", id: "2", name: "gone")
        try dir.write("mlruns/models/m/meta.yaml", Array("name: m\n".utf8))
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        #expect(runs.count == 1)
        #expect(log.count == 0, "\(log.sorted.map(\.formatted))")
    }
}
