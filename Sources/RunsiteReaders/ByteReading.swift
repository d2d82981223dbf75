import Foundation

/// Reads files as bytes. Small files are read whole; `forEachLine` streams large ones in 1 MiB blocks
/// so memory stays bounded by the longest line, not the file.
public enum ByteReading {
    /// The whole file, or nil when it is not a regular file or cannot be read.
    public static func contents(of url: URL) -> [UInt8]? {
        guard let (fd, size) = FilePaths.openRegular(url) else { return nil }
        defer { close(fd) }
        // One read fills it when the size holds (+1 to see the end); a file that grew is read on in blocks.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = readFully(fd, into: buffer, failed: &failed)
        }
        var full = bytes.count == size + 1
        while !failed, full {
            let block = [UInt8](unsafeUninitializedCapacity: 1 << 16) { buffer, count in
                count = readFully(fd, into: buffer, failed: &failed)
            }
            full = block.count == 1 << 16
            bytes += block
        }
        if !failed, var tap = SourceHashes.Tap(url) {
            bytes.withUnsafeBytes { tap.add($0) }
            tap.finish()
        }
        return failed ? nil : bytes
    }

    /// Reads until `buffer` is full or the file ends; the number of bytes read.
    private static func readFully(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, failed: inout Bool) -> Int {
        var count = 0
        while count < buffer.count {
            let got = read(fd, buffer.baseAddress! + count, buffer.count - count)
            if got < 0, errno == EINTR { continue }
            if got < 0 { failed = true }
            guard got > 0 else { break }
            count += got
        }
        return count
    }

    /// The longest line `forEachLine` passes on, in bytes; longer lines are skipped, so that memory
    /// stays bounded on a file that is one huge line (a header-only CSV of hundreds of MB).
    public static let lineLimit = 1 << 20

    /// `forEachLine`, with one warning (at the first such line) when lines past `lineLimit` were skipped.
    @discardableResult
    public static func forEachLine(in url: URL, context: ReaderContext, lineLimit: Int = ByteReading.lineLimit,
                                   _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Bool {
        var skipped = 0, first = 0
        let opened = forEachLine(in: url, lineLimit: lineLimit, overlong: { line in
            if skipped == 0 { first = line }
            skipped += 1
        }, body)
        if skipped > 0 {
            context.warn(.linesTooLong(skipped, limit: lineLimit), url, line: first, column: 1)
        }
        return opened
    }

    /// Calls `body` with each line and its 1-based number. Lines end at LF, CRLF, CR CR LF (Keras'
    /// `CSVLogger` on Windows) or a lone CR, and a UTF-8 byte-order mark before the first is dropped.
    /// Returns false when the file cannot be opened. Reads with `read(2)` into one buffer of at most
    /// 1 MiB (a whole small file in one call); a line that crosses a block is carried over. A line
    /// longer than `lineLimit` bytes is not passed to `body`: `overlong` gets its number instead.
    @discardableResult
    public static func forEachLine(in url: URL, lineLimit: Int = .max, overlong: (Int) -> Void = { _ in },
                                   _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Bool {
        guard let (fd, size) = FilePaths.openRegular(url) else { return false }
        defer { close(fd) }
        let blockSize = min(max(size + 1, 4096), 1 << 20)
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
        defer { block.deallocate() }
        var pending: [UInt8] = []
        var lineNumber = 0
        /// Set while the rest of an over-long line is read past.
        var skipping = false
        var tap = SourceHashes.Tap(url)
        func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
            lineNumber += 1
            if skipping || bytes.count > lineLimit {
                skipping = false
                return overlong(lineNumber)
            }
            var lo = 0, hi = bytes.count
            if lineNumber == 1, hi >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lo = 3 }
            while hi > lo, bytes[hi - 1] == 13 { hi -= 1 }
            // A CR left inside the line ends a line too (classic Mac files; pandas reads them so).
            while let cr = memchr(bytes.baseAddress! + lo, 13, hi - lo) {
                let i = bytes.baseAddress!.distance(to: cr.assumingMemoryBound(to: UInt8.self))
                body(UnsafeBufferPointer(rebasing: bytes[lo..<i]), lineNumber)
                lineNumber += 1
                lo = i + 1
            }
            body(UnsafeBufferPointer(rebasing: bytes[lo..<hi]), lineNumber)
        }
        while true {
            let got = read(fd, block, blockSize)
            if got < 0, errno == EINTR { continue }
            if got == 0 { tap?.finish() }
            guard got > 0 else { break }
            let bytes = UnsafeBufferPointer(start: block, count: got)
            tap?.add(UnsafeRawBufferPointer(bytes))
            var start = 0
            while start < got, let newline = memchr(block + start, 10, got - start) {
                let i = block.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                if pending.isEmpty {
                    emit(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                } else {
                    pending.append(contentsOf: bytes[start..<i])
                    pending.withUnsafeBufferPointer { emit($0) }
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            if start < got, !skipping {
                pending.append(contentsOf: bytes[start..<got])
                if pending.count > lineLimit {
                    skipping = true
                    pending = []
                }
            }
        }
        if !pending.isEmpty || skipping { pending.withUnsafeBufferPointer { emit($0) } }
        return true
    }
}

/// Number parsing straight from bytes, without making a `String` per value.
public enum ByteNumber {
    /// Parses a decimal or exponent number, or the tokens NaN / nan / Infinity / inf (any sign).
    /// Uses C's `strtod`, which rounds correctly, so values equal what Python's `float()` returns.
    public static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 32 || bytes[lo] == 9 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 32 || bytes[hi - 1] == 9 { hi -= 1 }
        let n = hi - lo
        guard n > 0, n < 128 else { return nil }
        // Clinger's fast path first (bit-exact, tested against strtod); strtod for everything else.
        if let fast = FastDecimal.parse(UnsafeBufferPointer(rebasing: bytes[lo..<hi])) { return fast }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer in
            for i in 0..<n { buffer[i] = CChar(bitPattern: bytes[lo + i]) }
            buffer[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == n else { return nil }
            return value
        }
    }

    public static func parseDouble(_ bytes: ArraySlice<UInt8>) -> Double? {
        bytes.withUnsafeBufferPointer { parseDouble($0) }
    }

    /// Parses a base-10 integer (optionally signed); a value like `10.0` is accepted when integral.
    public static func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var value: Int64 = 0, i = 0, negative = false
        guard !bytes.isEmpty else { return nil }
        if bytes[0] == 45 || bytes[0] == 43 { negative = bytes[0] == 45; i = 1 }
        guard i < bytes.count else { return nil }
        while i < bytes.count {
            let d = bytes[i]
            guard d >= 48 && d <= 57 else {
                guard let double = parseDouble(bytes), double == double.rounded(), abs(double) < 9e18 else { return nil }
                return Int64(double)
            }
            // Negative values accumulate downwards, so that Int64.min (one past Int64.max) parses.
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d - 48)) : m.addingReportingOverflow(Int64(d - 48))
            if o1 || o2 { return nil }
            value = s
            i += 1
        }
        return value
    }
}
