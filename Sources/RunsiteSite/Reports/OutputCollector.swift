import Foundation

/// Collects the extra files directives emit while a page renders (a table's CSV, Markdown and
/// LaTeX exports); the site builder adds them to the site. A class, because directives see the
/// page context by value.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [OutputFile] = []

    init() {}

    func add(_ file: OutputFile) {
        lock.lock(); defer { lock.unlock() }
        items.append(file)
    }

    var files: [OutputFile] {
        lock.lock(); defer { lock.unlock() }
        return items
    }
}
