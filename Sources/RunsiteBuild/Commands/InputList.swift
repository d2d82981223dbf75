import Foundation
import RunsiteCore

/// The INPUT folders of a command as given on the command line.
public enum InputList {
    /// The inputs as URLs, without those that repeat another input or lie inside one: their runs
    /// would be read twice and shown twice (`runsite build runs runs/sweep`). Each dropped input
    /// gives a warning.
    public static func urls(_ paths: [String], log: DiagnosticLog) -> [URL] {
        let urls = paths.map { URL(fileURLWithPath: $0) }
        let real = urls.map { $0.resolvingSymlinksInPath().standardizedFileURL.path }
        var kept: [URL] = []
        for (i, url) in urls.enumerated() {
            let covering = real.indices.first { j in
                j != i && (real[i].hasPrefix(real[j] == "/" ? "/" : real[j] + "/") || (real[i] == real[j] && j < i))
            }
            if let j = covering {
                log.warning(.inputOverlap(same: real[i] == real[j], other: paths[j]), at: SourceLocation(file: paths[i]))
            } else {
                kept.append(url)
            }
        }
        return kept
    }
}
