import Foundation
import RunsiteCore

/// `runsite watch`: builds the site, then builds it again, incrementally, after each change to
/// the inputs. Bursts of writes are waited out (`quietPeriod`), each build still swaps the whole
/// site in at once, and open pages reload themselves (`LiveReload`).
public struct WatchRequest: Sendable {
    public var build: BuildRequest
    /// Seconds without a change before a rebuild starts; a burst longer than `maxDelay` rebuilds anyway.
    public var quietPeriod = 0.3
    public var maxDelay = 1.5
    /// Compare file times every `pollInterval` seconds instead of using inotify (network file systems).
    public var polling = false
    public var pollInterval = 1.0

    public init(build: BuildRequest) {
        var build = build
        build.incremental = true
        self.build = build
    }

    /// What happened in one round: the build's report, or the error that stopped it, and its diagnostics.
    public struct Round: Sendable {
        public var number: Int
        public var report: BuildReport?
        public var error: String?
        public var log: DiagnosticLog
    }

    /// Builds, then waits for changes and builds again until `shouldStop` says so (checked at
    /// least every second). `onRound` hears about each build; `onStart` how changes are watched.
    public func run(onStart: (String) -> Void = { _ in }, onRound: (Round) -> Void, shouldStop: () -> Bool = { false }) {
        let excluded = [build.output, build.cacheDirectory ?? CacheLocation.folder(for: build.output)]
        let watcher = InputWatcher(inputs: build.inputs, excluding: excluded, pollInterval: pollInterval, polling: polling)
        onStart(watcher.method)
        var number = 0
        func round() {
            number += 1
            var request = build
            request.siteOptions.liveToken = String(number) + "-" + String(UInt64(Date().timeIntervalSince1970 * 1000))
            let log = DiagnosticLog()
            do {
                onRound(Round(number: number, report: try Pipeline.build(request, log: log), error: nil, log: log))
            } catch {
                onRound(Round(number: number, report: nil, error: "\(error)", log: log))
            }
        }
        round()
        while !shouldStop() {
            guard watcher.waitForChange(timeout: 1) else { continue }
            // Wait out the burst: rebuild once nothing changed for `quietPeriod`, or after `maxDelay`.
            let started = Date()
            while Date().timeIntervalSince(started) < maxDelay, watcher.waitForChange(timeout: quietPeriod) {}
            if shouldStop() { break }
            round()
        }
    }
}
