import RunsiteCore

/// The diagnostics of writing the site and its cache, reading digests, templates and previous
/// summaries, and bundling a site.
extension DiagnosticMessage {
    /// A run file that `SiteWriter` leaves out of the site.
    static func copyUnreadable(reason: String? = nil) -> DiagnosticMessage {
        notCopied(id: "output.copy-unreadable", "file cannot be read" + (reason.map { " (\($0))" } ?? ""))
    }

    static let copyOutsideInput = notCopied(id: "output.copy-outside-input", "file resolves outside the input")
    static let copyNotAFile = notCopied(id: "output.copy-not-a-file", "not a regular file")
    static let copyTooLarge = notCopied(id: "output.copy-too-large", "larger than --max-artifact-size")

    static func copyNotCreated(_ reason: String) -> DiagnosticMessage {
        notCopied(id: "output.copy-failed", "cannot create the copy (\(reason))")
    }

    static func copyFailed(_ reason: String) -> DiagnosticMessage {
        notCopied(id: "output.copy-failed", "copy failed: \(reason)")
    }

    private static func notCopied(id: String, _ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: id, problem + "; not copied into the site")
    }

    static let keptFiles = DiagnosticMessage(id: "output.kept-files", "files not written by runsite were kept here")

    /// - Parameter kept: where the file now is, beside the file runsite wrote in its place.
    static func keptFile(at kept: SourceLocation) -> DiagnosticMessage {
        DiagnosticMessage(id: "output.kept-file", "not written by runsite; kept under another name",
                          notes: [DiagnosticNote("kept here", at: kept)])
    }

    static func cacheNotWritten(_ error: any Error) -> DiagnosticMessage {
        DiagnosticMessage(id: "output.cache-not-written", "the incremental cache could not be written: \(error)")
    }

    static let templateUnreadable = DiagnosticMessage(id: "template.unreadable", "template cannot be read")

    static let digestUnreadable = DiagnosticMessage(id: "digest.unreadable", "digest cannot be read")

    static func digestUnsupported(newest version: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "digest.unsupported", "not a runsite digest of version ≤ \(version)")
    }

    static func digestMalformed(_ error: any Error) -> DiagnosticMessage {
        DiagnosticMessage(id: "digest.malformed", "digest is not valid: \(error)")
    }

    static func digestFileOutsideRun(_ path: String, run directory: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "digest.file-outside-run", "'\(path)' is not inside the digest's run folder '\(directory)'; not copied")
    }

    static let noPreviousSummary = DiagnosticMessage(id: "diff.no-previous-summary", "no runs.json here; the overview shows no changes")
    static let unreadableSummary = DiagnosticMessage(id: "diff.unreadable-summary", "the summary cannot be read")
    static let summaryWithoutRuns = DiagnosticMessage(id: "diff.malformed-summary", "not a runsite summary: no \"runs\" list")

    static func malformedSummary(_ failure: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "diff.malformed-summary", "invalid JSON: \(failure)")
    }

    /// - Parameter number: the run's 1-based place in the summary's list.
    static func summaryRunWithoutID(_ number: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "diff.malformed-summary", "run \(number) has no \"id\"; it is left out")
    }

    static let bundleUnlistable = DiagnosticMessage(id: "bundle.unlistable", "folder cannot be listed; left out")
    static let bundleNotAFile = DiagnosticMessage(id: "bundle.not-a-file", "not a regular file or folder; left out")
}
