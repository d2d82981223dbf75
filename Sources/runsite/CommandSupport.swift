import ArgumentParser
import Foundation
import RunsiteBuild

enum Stderr {
    static func write(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}

enum Environment {
    /// `SOURCE_DATE_EPOCH`, when set: readers judge "still running" against it too.
    static func sourceDateEpoch() -> Double? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init)
    }

    /// `SOURCE_DATE_EPOCH` (reproducible builds) or now.
    static func buildTime() -> Double {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(text) { return seconds }
        return Date().timeIntervalSince1970
    }
}

enum InputFormat {
    /// `--format`/`--input-format` names a reader; anything else is a usage error (exit 64), like
    /// any other bad flag value, rather than a build failure.
    static func validate(_ name: String?, flag: String) throws {
        guard !InputFormats.isKnown(name), let name else { return }
        throw ValidationError("unknown \(flag) '\(name)'; known formats: \(InputFormats.names.joined(separator: ", "))")
    }
}

/// A fatal problem, printed by ArgumentParser as `Error: message` with exit status 1.
struct RunsiteError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
