import ArgumentParser
import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteReaders
import RunsiteSite

enum Stderr {
    static func write(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}

enum Environment {
    /// `SOURCE_DATE_EPOCH` (reproducible builds) or now.
    /// `SOURCE_DATE_EPOCH`, when set: readers judge "still running" against it too.
    static func sourceDateEpoch() -> Double? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init)
    }

    static func buildTime() -> Double {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(text) { return seconds }
        return Date().timeIntervalSince1970
    }
}

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

enum Inputs {
    /// The inputs as URLs, without those that repeat another input or lie inside one: their runs
    /// would be read twice and shown twice (`runsite build runs runs/sweep`). Each dropped input
    /// gives a warning.
    static func urls(_ paths: [String], log: DiagnosticLog) -> [URL] {
        let urls = paths.map { URL(fileURLWithPath: $0) }
        let real = urls.map { $0.resolvingSymlinksInPath().standardizedFileURL.path }
        var kept: [URL] = []
        for (i, url) in urls.enumerated() {
            let covering = real.indices.first { j in
                j != i && (real[i].hasPrefix(real[j] == "/" ? "/" : real[j] + "/") || (real[i] == real[j] && j < i))
            }
            if let j = covering {
                log.warning("input.overlap", "input is \(real[i] == real[j] ? "the same folder as" : "inside") input '\(paths[j])'; its runs are read once",
                            at: SourceLocation(file: paths[i]))
            } else {
                kept.append(url)
            }
        }
        return kept
    }
}

enum InputFormat {
    /// `--format`/`--input-format` names a reader; anything else is a usage error (exit 64), like
    /// any other bad flag value, rather than a build failure.
    static func validate(_ name: String?, flag: String) throws {
        guard let name, !Readers.formatNames.contains(name) else { return }
        throw ValidationError("unknown \(flag) '\(name)'; known formats: \(Readers.formatNames.joined(separator: ", "))")
    }
}

enum ReportFiles {
    /// Loads `--report` files and every `*.md` of each `--reports` folder (sorted by name) as
    /// pages named after their file; a repeated name gets `-2`, `-3`, ….
    static func load(_ paths: [String], directories: [String] = []) throws -> [UserPage] {
        var all = paths
        for directory in directories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw RunsiteError("cannot read the reports folder '\(directory)'")
            }
            all += names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
        }
        var used = Set<String>()
        return try all.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RunsiteError("cannot read report '\(path)'")
            }
            let name = Self.slug(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
            var slug = name
            var n = 2
            while !used.insert(slug).inserted { slug = "\(name)-\(n)"; n += 1 }
            return UserPage(file: path, slug: slug, text: String(decoding: data, as: UTF8.self))
        }
    }

    /// The page name: the file name, with every character other than an ASCII letter, digit,
    /// `-`, `_` or `.` turned into `-`, so that the page's file name is also a working link
    /// (`#`, `?`, `%` and spaces would not be).
    static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", ".": out.unicodeScalars.append(scalar)
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        while out.hasPrefix("-") || out.hasPrefix(".") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "report" : out
    }
}

/// A fatal problem, printed by ArgumentParser as `Error: message` with exit status 1.
struct RunsiteError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// SIGINT and SIGTERM during a build: the staging tree is removed (the library's cleanup hook)
/// and runsite exits as a process killed by that signal would report it, 130 or 143.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                BuildInterruption.cleanUp()
                Stderr.write("runsite: interrupted; the unfinished site was removed and --out left as it was")
                _exit(status)   // no atexit work while build threads still run
            }
            source.resume()
            sources.append(source)
        }
    }

    /// After a build failed: when an interruption made it fail, waits for the handler to exit with
    /// the signal's status instead of reporting the failure.
    static func yieldToHandler() {
        guard BuildInterruption.wasInterrupted else { return }
        while true { pause() }
    }
}
