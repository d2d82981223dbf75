import Foundation

/// Writes the corpus: `runsite/`, `tensorboard/`, `mlflow/mlruns/` and `lightning/` copies of the same runs.
struct CorpusWriter {
    var spec: CorpusSpec
    var root: URL
    var formats: Set<String>

    func write(progress: (String) -> Void) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let mlflow = root.appendingPathComponent("mlflow/mlruns/1")
        if formats.contains("mlflow") {
            try fm.createDirectory(at: mlflow, withIntermediateDirectories: true)
            try Data("artifact_location: mlflow-artifacts:/1\ncreation_time: 1795000000000\nexperiment_id: '1'\nlast_update_time: 1795000000000\nlifecycle_stage: active\nname: bench\n".utf8)
                .write(to: mlflow.appendingPathComponent("meta.yaml"))
        }
        for run in 0..<spec.runs {
            let columns = series(run: run)
            let name = String(format: "run-%04d", run)
            if formats.contains("runsite") { try RunsiteFormatWriter.write(name: name, run: run, columns: columns, spec: spec, into: root.appendingPathComponent("runsite")) }
            if formats.contains("tensorboard") { try EventFileWriter.write(name: name, columns: columns, spec: spec, into: root.appendingPathComponent("tensorboard")) }
            if formats.contains("mlflow") { try MLflowStoreWriter.write(name: name, run: run, columns: columns, spec: spec, into: mlflow) }
            if formats.contains("csv") { try LightningCSVWriter.write(run: run, columns: columns, spec: spec, into: root.appendingPathComponent("lightning/lightning_logs")) }
            if run % 50 == 49 { progress("wrote \(run + 1) of \(spec.runs) runs") }
        }
    }

    /// values[metric][step] for one run, deterministic per run index.
    func series(run: Int) -> [[Double]] {
        var rng = SplitMix64(seed: 0x5EED_0000 &+ UInt64(run))
        return (0..<spec.metrics).map { m in
            (0..<spec.steps).map { s in Curve.value(metric: m, step: s, steps: spec.steps, run: run, rng: &rng) }
        }
    }

    static func startTime(run: Int) -> Double { 1_795_000_000 + Double(run) * 600 }
}

/// Python's `repr(float)` and Swift's description agree on the shortest round-trip text;
/// loggers write `nan`/`inf` in different spellings, handled per format.
func text(_ v: Double, nan: String = "nan", inf: String = "inf") -> String {
    if v.isNaN { return nan }
    if v.isInfinite { return v > 0 ? inf : "-" + inf }
    return "\(v)"
}
