import Foundation
import RunsiteBuild
import RunsiteReaders
import RunsiteSite
import RunsiteTemplates

/// One libFuzzer binary for every parser: `RUNSITE_FUZZ_TARGET` names the one to feed.
let targets: [String: ([UInt8]) -> Void] = [
    "json": ReaderEntryPoints.json,
    "jsonl": ReaderEntryPoints.metricsJSONL,
    "metric-table": ReaderEntryPoints.metricTable,
    "mlflow-metric": ReaderEntryPoints.mlflowMetric,
    "tensorboard-file": ReaderEntryPoints.tensorBoardEventFile,
    "tensorboard-event": ReaderEntryPoints.tensorBoardEvent,
    "wandb-log": ReaderEntryPoints.wandbLog,
    "wandb-record": ReaderEntryPoints.wandbRecord,
    "markdown": TemplateEntryPoints.markdown,
    "selector": SpecEntryPoints.selector,
    "column-spec": SpecEntryPoints.columnSpec,
    "digest": DigestEntryPoints.digest,
]

/// The target `RUNSITE_FUZZ_TARGET` names; the program stops with the list when it names none.
let selected: ([UInt8]) -> Void = {
    let name = ProcessInfo.processInfo.environment["RUNSITE_FUZZ_TARGET"] ?? ""
    guard let target = targets[name] else {
        FileHandle.standardError.write(Data("set RUNSITE_FUZZ_TARGET to one of: \(targets.keys.sorted().joined(separator: " "))\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's callbacks. `main.swift` hands the input callback to `LLVMFuzzerRunDriver`, which calls
/// `LLVMFuzzerInitialize` first; the symbol names are also what libFuzzer's own `main` refers to.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutableRawPointer?) -> Int32 {
    _ = selected
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
