import Foundation
import RunsiteBuild

/// Prints diagnostics as `path:line:col: warning: message [id]`, sorted, at most 10 per id and
/// file, then `N errors, M warnings`. Returns whether the build must fail.
enum DiagnosticPrinter {
    @discardableResult
    static func print(_ log: DiagnosticLog, quiet: Bool, strict: Bool = false) -> Bool {
        let all = log.sorted.filter { $0.severity != .note || !quiet }
        var shown: [String: Int] = [:]
        // With --strict, warnings fail the build: --quiet still prints them, or the build would
        // fail without saying why.
        for diagnostic in all where !quiet || diagnostic.severity == .error || (strict && diagnostic.severity == .warning) {
            let key = (diagnostic.location?.file ?? "") + "|" + diagnostic.id
            let n = shown[key, default: 0]
            shown[key] = n + 1
            if n < 10 { Stderr.write(diagnostic.formatted) }
            else if n == 10 {
                let rest = all.filter { ($0.location?.file ?? "") + "|" + $0.id == key }.count - 10
                Stderr.write("\(diagnostic.location?.file ?? "runsite"): … and \(rest) more [\(diagnostic.id)]")
            }
        }
        let errors = log.count(of: .error), warnings = log.count(of: .warning)
        if !quiet && (errors + warnings) > 0 {
            Stderr.write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if strict && warnings > 0 { Stderr.write("error: --strict: warnings are fatal") }
        return errors > 0 || (strict && warnings > 0)
    }
}
