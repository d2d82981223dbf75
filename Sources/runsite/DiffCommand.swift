import ArgumentParser
import Foundation
import RunsiteBuild

/// `runsite diff OLD NEW`: new, removed and finished runs, status changes and best values between
/// two summaries; `--fail-if` makes it exit 1 when an objective regressed.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Compare two summaries: each a runs.json, a site folder or a folder of runs.")

    @Argument(help: "The old summary: a runs.json file, a site folder (its runs.json) or a folder of runs.")
    var old: String

    @Argument(help: "The new summary, likewise.")
    var new: String

    @Option(help: "text, markdown or json.")
    var format: String = "text"

    @Option(name: .customLong("fail-if"), help: "Exit 1 when an objective's best moved so, e.g. 'metric:val/acc:max < -0.01' or 'metric:val/loss:min > 0.02' (new best − old best, per project; repeatable).")
    var failIf: [String] = []

    @Option(name: .customLong("input-format"), help: "Read folders of runs with this reader only (\(InputFormats.names.joined(separator: ", "))).")
    var inputFormat: String?

    @OptionGroup var objectives: ObjectiveFlags

    @Flag(name: .shortAndLong, help: "Print no warnings.")
    var quiet = false

    func validate() throws {
        guard DiffFormat(rawValue: format) != nil else { throw ValidationError("unsupported --format '\(format)'; use text, markdown or json") }
        for gate in failIf {
            do { _ = try DiffGate(gate) } catch { throw ValidationError("\(error)") }
        }
        try InputFormat.validate(inputFormat, flag: "--input-format")
    }

    func run() throws {
        let log = DiagnosticLog()
        var request = DiffRequest(old: old, new: new)
        request.read.format = inputFormat
        request.read.now = Environment.sourceDateEpoch()
        request.format = DiffFormat(rawValue: format) ?? .text
        request.gates = try failIf.map(DiffGate.init)
        request.minimize = objectives.minimize
        request.maximize = objectives.maximize
        let result: DiffRequest.Result
        do { result = try request.run(log: log) } catch {
            DiagnosticPrinter.print(log, quiet: quiet)
            throw RunsiteError("\(error)")
        }
        DiagnosticPrinter.print(log, quiet: quiet)
        FileHandle.standardOutput.write(Data(result.text.utf8))
        for failure in result.failures { Stderr.write("error: " + failure) }
        if !result.failures.isEmpty { throw ExitCode(1) }
    }
}
