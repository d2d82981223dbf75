import ArgumentParser
import Foundation
import RunsiteBuild

/// `runsite watch`: `runsite build`, then again after every change to the inputs, until Ctrl-C.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build the site, then rebuild it within seconds of each change to the inputs; open pages reload themselves. Ctrl-C stops and leaves the last complete site.")

    @OptionGroup var site: SiteFlags

    @Flag(help: "Notice changes by comparing file times every --poll-interval seconds instead of inotify (for network file systems).")
    var poll = false

    @Option(help: "Seconds between two comparisons with --poll (or where inotify is unavailable).")
    var pollInterval: Double = 1

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        try site.validate()
        guard site.fromDigests.isEmpty else { throw ValidationError("watch reads INPUT folders; --from-digests is for build") }
        guard pollInterval >= 0.1 else { throw ValidationError("--poll-interval must be at least 0.1 seconds") }
    }

    func run() throws {
        try site.checkInputs()
        var watch = WatchRequest(build: try site.request(log: DiagnosticLog()))
        watch.polling = poll
        watch.pollInterval = pollInterval
        Interrupts.install()
        watch.run(onStart: { method in
            if !quiet { Stderr.write("watching \(site.inputs.joined(separator: ", ")) (\(method)); Ctrl-C stops") }
        }, onRound: { round in
            DiagnosticPrinter.print(round.log, quiet: quiet)
            if let error = round.error {
                Stderr.write("runsite: build \(round.number) failed: \(error); the last complete site is kept")
            } else if let report = round.report, !quiet {
                Stderr.write("build \(round.number): \(report.runCount) runs in \(report.projectCount) projects to \(site.out)"
                             + " (reused \(report.reusedRuns) unchanged units and \(report.reusedPages) pages)")
            }
        })
    }
}
