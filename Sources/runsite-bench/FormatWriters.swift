import Foundation

/// runsite's own format: `runsite.json`, `params.json`, and a dense `metrics.csv`.
enum RunsiteFormatWriter {
    static func write(name: String, run: Int, columns: [[Double]], spec: CorpusSpec, into root: URL) throws {
        let dir = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let start = CorpusWriter.startTime(run: run)
        try Data("{\"name\": \"\(name)\", \"status\": \"finished\", \"start\": \(start), \"end\": \(start + Double(spec.steps))}\n".utf8)
            .write(to: dir.appendingPathComponent("runsite.json"))
        try Data("{\"lr\": \(1e-3 * Double(1 + run % 5)), \"seed\": \(run % 3), \"batch_size\": \(32 << (run % 3))}\n".utf8)
            .write(to: dir.appendingPathComponent("params.json"))
        var out = "step,time," + CorpusSpec.metricNames.prefix(spec.metrics).joined(separator: ",") + "\n"
        out.reserveCapacity(spec.steps * spec.metrics * 20)
        for s in 0..<spec.steps {
            out += "\(s),\(start + Double(s))"
            for m in 0..<spec.metrics { out += "," + text(columns[m][s]) }
            out += "\n"
        }
        try Data(out.utf8).write(to: dir.appendingPathComponent("metrics.csv"))
    }
}

/// MLflow's file store: `<run_id>/meta.yaml`, `metrics/<key>` lines `timestamp value step`, params, tags.
/// The ids are all digits, so they are quoted as MLflow's own `yaml.safe_dump` quotes them: unquoted,
/// YAML reads them as integers and MLflow's client fails on them.
enum MLflowStoreWriter {
    static func write(name: String, run: Int, columns: [[Double]], spec: CorpusSpec, into experiment: URL) throws {
        let id = String(format: "%032x", run + 1)
        let dir = experiment.appendingPathComponent(id)
        let fm = FileManager.default
        let start = Int64(CorpusWriter.startTime(run: run) * 1000)
        try fm.createDirectory(at: dir.appendingPathComponent("params"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("tags"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("artifacts"), withIntermediateDirectories: true)
        try Data("""
            artifact_uri: mlflow-artifacts:/1/\(id)/artifacts
            end_time: \(start + Int64(spec.steps) * 1000)
            entry_point_name: ''
            experiment_id: '1'
            lifecycle_stage: active
            run_id: '\(id)'
            run_name: \(name)
            run_uuid: '\(id)'
            source_name: ''
            source_type: 4
            source_version: ''
            start_time: \(start)
            status: 3
            tags: []
            user_id: bench

            """.utf8).write(to: dir.appendingPathComponent("meta.yaml"))
        try Data(name.utf8).write(to: dir.appendingPathComponent("tags/mlflow.runName"))
        try Data("\(1e-3 * Double(1 + run % 5))".utf8).write(to: dir.appendingPathComponent("params/lr"))
        try Data("\(run % 3)".utf8).write(to: dir.appendingPathComponent("params/seed"))
        for m in 0..<spec.metrics {
            let key = CorpusSpec.metricNames[m]
            let file = dir.appendingPathComponent("metrics/" + key)
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            var out = ""
            out.reserveCapacity(spec.steps * 32)
            for s in 0..<spec.steps {
                out += "\(start + Int64(s) * 1000) \(text(columns[m][s], nan: "nan", inf: "inf")) \(s)\n"
            }
            try Data(out.utf8).write(to: file)
        }
    }
}

/// Lightning's CSVLogger: `version_N/metrics.csv` (`step` and every metric) and `hparams.yaml`.
enum LightningCSVWriter {
    static func write(run: Int, columns: [[Double]], spec: CorpusSpec, into root: URL) throws {
        let dir = root.appendingPathComponent("version_\(run)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("lr: \(1e-3 * Double(1 + run % 5))\nseed: \(run % 3)\n".utf8).write(to: dir.appendingPathComponent("hparams.yaml"))
        var out = "epoch,step," + CorpusSpec.metricNames.prefix(spec.metrics).joined(separator: ",") + "\r\n"
        out.reserveCapacity(spec.steps * spec.metrics * 20)
        for s in 0..<spec.steps {
            out += "\(s / 100),\(s)"
            for m in 0..<spec.metrics { out += "," + text(columns[m][s]) }
            out += "\r\n"
        }
        try Data(out.utf8).write(to: dir.appendingPathComponent("metrics.csv"))
    }
}
