import Foundation
import RunsiteCore
import RunsiteModel

/// Parse these bytes as one kind of run file, for fuzzing and tests: each entry point runs the
/// reader's real code path on `bytes` and throws away what it read and warned. Readers that only
/// read files get the bytes through a scratch file in a per-process temporary folder.
public enum ReaderEntryPoints {
    /// A JSON document, as `runsite.json`, `params.json` or a W&B summary is read.
    public static func json(_ bytes: [UInt8]) {
        if case .success(let value) = JSONParser.parse(bytes) { _ = value.compactText }
    }

    /// A runsite `metrics.jsonl`.
    public static func metricsJSONL(_ bytes: [UInt8]) {
        var metrics = MetricAccumulator()
        MetricsJSONLDecoder.read(Scratch.file("metrics.jsonl", bytes), into: &metrics, context: Scratch.context)
    }

    /// A metric table: runsite's long `metrics.csv`, then the same bytes as a Lightning CSV and as a
    /// DVCLive TSV with a millisecond time column.
    public static func metricTable(_ bytes: [UInt8]) {
        let url = Scratch.file("metrics.csv", bytes)
        var metrics = MetricAccumulator()
        MetricsCSVDecoder.read(url, into: &metrics, context: Scratch.context)
        _ = WideCSVReader(format: "lightning-csv", stepColumn: "step", epochColumn: "epoch").read(url, context: Scratch.context)
        _ = WideCSVReader(format: "dvclive", separator: 9, stepColumn: "step", timeColumn: "timestamp", timeUnitsPerSecond: 1000)
            .read(url, context: Scratch.context)
    }

    /// An MLflow file-store metric file, `metrics/<key>`.
    public static func mlflowMetric(_ bytes: [UInt8]) {
        _ = MLflowMetricFile.read(Scratch.file("metric", bytes), key: "metric", context: Scratch.context)
    }

    /// A whole TensorBoard event file (TFRecord framing, checksums included), read as one run's file.
    public static func tensorBoardEventFile(_ bytes: [UInt8]) {
        let url = Scratch.file("tensorboard/events.out.tfevents.1.fuzz", bytes)
        var accumulation = EventAccumulation(runDirectory: url.deletingLastPathComponent(), context: Scratch.context)
        accumulation.readFile(url)
        var run = Scratch.run(url)
        accumulation.finish(into: &run)
    }

    /// One `Event` protobuf (and the same bytes as hparams plugin content): decoded directly, then
    /// framed as the only record of an event file, so the fuzzer need not forge checksums.
    public static func tensorBoardEvent(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var tags = StringInterner()
            _ = try? EventDecoder.decode(buffer, tags: &tags)
            _ = PlainScalarEvent(buffer)
        }
        _ = try? HParamsDecoder.decode(bytes)
        tensorBoardEventFile(TFRecordFraming.record(bytes))
    }

    /// A whole W&B `.wandb` transaction log, read as one run's log.
    public static func wandbLog(_ bytes: [UInt8]) {
        let url = Scratch.file("wandb/run-fuzz.wandb", bytes)
        var builder = WandBRunBuilder()
        WandBReader().read(url, into: &builder, context: Scratch.context)
        var run = Scratch.run(url)
        builder.finish(into: &run, logModified: nil, now: 0)
    }

    /// One W&B `Record` protobuf, framed as the only record of a `.wandb` log.
    public static func wandbRecord(_ bytes: [UInt8]) {
        wandbLog(WandBFraming.log([bytes]))
    }
}

/// The per-process folder that file-reading entry points write their input into.
enum Scratch {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
    /// A fresh log per input, so that warnings do not pile up over a long fuzzing run.
    static var context: ReaderContext { ReaderContext(inputRoot: root, log: DiagnosticLog()) }

    /// An empty run read from the folder holding `file`.
    static func run(_ file: URL) -> Run {
        Run(id: "fuzz", source: "fuzz", project: "fuzz", name: "fuzz", directory: file.deletingLastPathComponent().path)
    }

    /// Writes `bytes` to `path` under the scratch folder (replacing it) and returns its URL.
    static func file(_ path: String, _ bytes: [UInt8]) -> URL {
        let url = root.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        write(bytes, to: url)
        return url
    }

    /// Replaces the file's bytes in place, without Foundation's atomic write.
    static func write(_ bytes: [UInt8], to url: URL) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        bytes.withUnsafeBytes { _ = Foundation.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}
