import Foundation

/// Golden-file comparison. `UPDATE_GOLDEN=1 swift test` rewrites goldens; a missing golden is
/// written and the check fails; nothing is ever written when `CI=true`.
public enum Golden {
    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    /// Compares `actual` with `<testDirectory>/Golden/<name>`; returns nil when equal, else a message.
    /// - Parameter file: pass `#filePath` so the golden sits next to the test.
    public static func check(_ actual: String, named name: String, file: String = #filePath) -> String? {
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden")
        let url = directory.appendingPathComponent(name)
        let env = ProcessInfo.processInfo.environment
        let onCI = env["CI"] == "true"
        let update = env["UPDATE_GOLDEN"] == "1" && !onCI
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return nil }
        if update || (expected == nil && !onCI) {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return update ? nil : "golden \(name) was missing and has been written; check it and run again"
        }
        guard let expected else { return "golden \(name) is missing (not written because CI=true)" }
        let actualURL = url.deletingPathExtension().appendingPathExtension("actual." + url.pathExtension)
        if !onCI { try? actual.write(to: actualURL, atomically: true, encoding: .utf8) }
        return "golden \(name) differs; first difference:\n" + firstDifference(expected, actual)
            + "\nrun UPDATE_GOLDEN=1 swift test to accept"
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end>"
            let y = i < lb.count ? String(lb[i]) : "<end>"
            if x != y { return "line \(i + 1):\n- \(x.prefix(300))\n+ \(y.prefix(300))" }
        }
        return "(same lines, different bytes)"
    }
}
