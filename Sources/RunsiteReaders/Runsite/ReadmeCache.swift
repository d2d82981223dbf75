import Foundation

/// Project READMEs read once per build and folder: every run of a project looks its README up, and
/// tens of thousands of runs would otherwise each read (and hold a copy of) the same file.
public final class ReadmeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: String?] = [:]

    public init() {}

    /// The README text of `directory`, read by `load` the first time it is asked for.
    func text(of directory: URL, load: (URL) -> String?) -> String? {
        let key = directory.standardizedFileURL.path
        lock.lock()
        if let known = texts[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let text = load(directory)
        lock.lock()
        defer { lock.unlock() }
        if let known = texts[key] { return known }
        texts[key] = .some(text)
        return text
    }
}
