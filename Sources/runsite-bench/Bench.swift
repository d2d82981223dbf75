import ArgumentParser
import Foundation
import RunsiteAllocator
import RunsiteCore

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runsite-bench",
        abstract: "Generate benchmark corpora and time runsite's phases on them (see docs/performance.md).",
        subcommands: [Generate.self, Run.self])

    static func main() {
        AllocatorTuning.apply()   // the same allocator settings as `runsite`, so that phases time alike
        main(nil)
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a deterministic synthetic corpus in several formats.")

    @Option(help: "tiny, S, M, L or 10K (runs × metrics × steps: 3×2×200, 50×6×2,000, 200×8×10,000, 1,000×8×10,000, 10,000×3×200).")
    var size = "S"

    @Option(help: "Comma-separated formats: runsite, tensorboard, mlflow, csv.")
    var formats = "runsite,tensorboard,mlflow,csv"

    @Option(name: .shortAndLong, help: "The folder to write (created).")
    var out: String

    @Option(help: "Only the first N runs (to add one run to an existing corpus, write N+1 and copy the last).")
    var runs: Int?

    func run() throws {
        guard var spec = CorpusSpec.named(size) else { throw ValidationError("unknown size '\(size)'") }
        if let runs { spec.runs = runs }
        let writer = CorpusWriter(spec: spec, root: URL(fileURLWithPath: out),
                                  formats: Set(formats.split(separator: ",").map(String.init)))
        let start = Date()
        try writer.write { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        print("wrote \(spec.runs) runs × \(spec.metrics) metrics × \(spec.steps) steps (\(spec.points) points per format) to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(start)))s")
    }
}
