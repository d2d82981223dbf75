import Foundation
import Synchronization

/// Project READMEs read once per build and folder: every run of a project looks its README up, and
/// tens of thousands of runs would otherwise each read (and hold a copy of) the same file.
public final class ReadmeCache: Sendable {
    private let texts = Mutex<[String: String?]>([:])

    public init() {}

    /// The README text of `directory`, read by `load` the first time it is asked for.
    func text(of directory: URL, load: (URL) -> String?) -> String? {
        let key = directory.standardizedFileURL.path
        if let known = texts.withLock({ $0[key] }) { return known }
        // Read outside the lock, so that other folders' READMEs are not held up; the first text stored wins.
        let text = load(directory)
        return texts.withLock { texts in
            if let known = texts[key] { return known }
            texts[key] = .some(text)
            return text
        }
    }
}
