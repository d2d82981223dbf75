import Crypto
import Foundation
import RunsiteReaders

/// Where a build keeps its incremental cache when `--cache-dir` is not given: outside the
/// published site, in `$XDG_CACHE_HOME/runsite/` (or `~/.cache/runsite/`), in a folder named
/// after the output and a hash of its absolute path, so each output has its own.
public enum CacheLocation {
    public static func folder(for output: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let path = output.standardizedFileURL.path
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        }
        let hash = SHA256.hash(data: Data(path.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        let name = output.lastPathComponent.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? String($0) : "-" }.joined()
        return base.appendingPathComponent("runsite").appendingPathComponent(String(name.prefix(40)) + "-" + hash)
    }
}
