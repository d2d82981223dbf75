import Foundation

/// Console output a run saved (Sacred `cout.txt`, W&B `files/output.log`) as a terminal shows it:
/// its last MiB at most, and of a line a progress bar redrew with CR, only the last drawing.
enum ConsoleText {
    /// The most text kept; earlier output is replaced by a note of how much was left out.
    static let limit = 1 << 20

    /// The text of `url`, or nil when there is no such file (a warning when it cannot be read).
    /// Read in blocks, so memory stays bounded however long the log.
    static func read(_ url: URL, context: ReaderContext) -> String? {
        guard FilePaths.exists(url) else { return nil }
        guard let (fd, _) = FilePaths.openRegular(url) else {
            context.warn(.unreadableFile, url)
            return nil
        }
        defer { close(fd) }
        var tap = SourceHashes.Tap(url)
        var tail: [UInt8] = []
        var total = 0
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: limit, alignment: 1)
        defer { block.deallocate() }
        while true {
            let n = Foundation.read(fd, block.baseAddress, block.count)
            if n < 0, errno == EINTR { continue }
            if n < 0 {
                context.warn(.unreadableFile, url, byteOffset: total)
                return nil
            }
            if n == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: block[0..<n])
            tap?.add(chunk)
            total += n
            tail.append(contentsOf: chunk)
            if tail.count > 2 * limit { tail.removeFirst(tail.count - limit) }
        }
        tap?.finish()
        if tail.count > limit { tail.removeFirst(tail.count - limit) }
        let text = terminalView(String(decoding: tail, as: UTF8.self))
        return total > limit ? "[… \(total - tail.count) earlier bytes not shown …]\n" + text : text
    }

    /// Each line as a terminal leaves it: the text after its last carriage return (a line ended
    /// with CRLF keeps its text). Works on bytes: Swift reads CRLF as one character.
    static func terminalView(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(13) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, line) in bytes.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out.append(10) }
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == 13 { end -= 1 }
            let start = line[..<end].lastIndex(of: 13).map { $0 + 1 } ?? line.startIndex
            out.append(contentsOf: line[start..<end])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
