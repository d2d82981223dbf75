import ArgumentParser
import Foundation
import RunsiteBuild

/// `runsite bundle SITE --out results.zip`: a byte-reproducible zip of a site for a paper,
/// with CITATION.cff and README.txt; prints its SHA-256 as `sha256sum` does.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: "Zip a site for a paper's supplementary material: deterministic bytes, CITATION.cff and README.txt; prints the SHA-256.")

    @Argument(help: "The site folder written by runsite build.")
    var site: String

    @Option(name: .shortAndLong, help: "The zip file to write.")
    var out: String = "results.zip"

    @Option(help: "The title, for CITATION.cff and README.txt.")
    var title: String = "Experiment results"

    @Option(name: .customLong("author"), help: "An author, as 'Family, Given' or one name (repeatable; at least one, CITATION.cff needs it).")
    var authors: [String] = []

    @Option(help: "The DOI the archive is published under, e.g. 10.5281/zenodo.1234567.")
    var doi: String?

    @Flag(name: .shortAndLong, help: "Print no warnings.")
    var quiet = false

    func validate() throws {
        guard !authors.isEmpty else { throw ValidationError("give at least one --author (CITATION.cff requires one)") }
        if let doi, !doi.hasPrefix("10.") { throw ValidationError("--doi '\(doi)' is not a DOI; write it as 10.NNNN/…, without https://doi.org/") }
    }

    func run() throws {
        let log = DiagnosticLog()
        var request = BundleRequest(site: URL(fileURLWithPath: site), output: URL(fileURLWithPath: out))
        request.title = title
        request.authors = authors
        request.doi = doi
        request.epoch = Environment.sourceDateEpoch()
        request.version = Runsite.version
        let result: BundleRequest.Result
        do { result = try request.run(log: log) } catch {
            DiagnosticPrinter.print(log, quiet: quiet)
            throw RunsiteError("\(error)")
        }
        DiagnosticPrinter.print(log, quiet: quiet)
        print("\(result.sha256)  \(out)")
    }
}
