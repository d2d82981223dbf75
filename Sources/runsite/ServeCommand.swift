import ArgumentParser
import Foundation
import RunsiteBuild
import Synchronization

/// `runsite serve`: the site over HTTP on 127.0.0.1, until Ctrl-C.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a built site over HTTP on 127.0.0.1 only, until Ctrl-C.",
        discussion: "Pages also work from file://; serve them when a browser or a colleague needs http://. With `runsite watch --out DIR` beside it, open pages reload after each rebuild.")

    @Argument(help: "The site folder (the --out of runsite build or watch).")
    var site: String = "site"

    @Option(help: "The port to listen on, on 127.0.0.1; 0 picks a free one.")
    var port: UInt16 = 8000

    func run() throws {
        let request = ServeRequest(site: URL(fileURLWithPath: site), port: port)
        let failure = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        let site = self.site
        Task {
            do {
                try await request.run { bound in Stderr.write("serving \(site) at http://127.0.0.1:\(bound)/ (Ctrl-C stops)") }
            } catch {
                failure.withLock { $0 = error }
            }
            done.signal()
        }
        // Ctrl-C ends the process: there is nothing to clean up.
        done.wait()
        if let error = failure.withLock({ $0 }) { throw RunsiteError("\(error)") }
    }
}
