import Crypto
import Foundation
import RunsiteCore
import RunsiteReaders
import RunsiteSite
#if canImport(Glibc)
import Glibc
#endif

/// Copying a run's file (artifact, image) into the site. The file is opened once, without
/// following a final link and without blocking, checked on the descriptor (a regular file, no
/// larger than its limit, really inside one of the confining folders), and copied from that
/// descriptor while its bytes are hashed; copied bytes whose hash is not the one the page shows
/// are removed again. Any failure is a warning and the file is left out: one bad file never fails the build.
extension SiteWriter.StagingArea {
    /// Copies `file` (a `.copy`) to `destination`; false when it was skipped with a warning.
    func copyRunFile(_ source: String, to destination: String, file: OutputFile) -> Bool {
        // The file as a whole (binary, so by offset): a copy stops at its start.
        let location = SourceLocation(file: FilePaths.display(URL(fileURLWithPath: source)), byteOffset: 0)
        func skip(_ message: DiagnosticMessage) -> Bool {
            log?.warning(message, at: location)
            return false
        }
        guard let real = FilePaths.realPath(nil, path: source) else { return skip(.copyUnreadable()) }
        guard isConfined(real) else { return skip(.copyOutsideInput) }
        let fd = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return skip(.copyUnreadable(reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return skip(.copyNotAFile) }
        let limit = file.maxBytes ?? Int64.max
        guard Int64(info.st_size) <= limit else { return skip(.copyTooLarge) }
        if let opened = FilePaths.realPath(fd, path: real), !isConfined(opened) {
            return skip(.copyOutsideInput)
        }
        let out = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard out >= 0 else { return skip(.copyNotCreated(String(cString: strerror(errno)))) }
        var hasher = SHA256()
        var total: Int64 = 0
        var failure: String?
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while failure == nil {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; failure = String(cString: strerror(errno)); break }
            if n == 0 { break }
            total += Int64(n)
            if total > limit { failure = "it grew past --max-artifact-size while copied"; break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
            hasher.update(bufferPointer: chunk)
            var offset = 0
            while offset < n {
                let w = Foundation.write(out, chunk.baseAddress! + offset, n - offset)
                if w < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); break }
                offset += w
            }
        }
        close(out)
        if failure == nil, let expected = file.sha256, SourceHashes.hex(hasher.finalize()) != expected {
            failure = "its bytes changed since it was read (SHA-256 differs)"
        }
        if let failure {
            unlink(destination)
            return skip(.copyFailed(failure))
        }
        return true
    }

    /// Whether a resolved path lies inside one of the confining folders (any path when they are not set).
    func isConfined(_ real: String) -> Bool {
        guard let confinement else { return true }
        return confinement.contains { InputScope.path(real, isWithin: $0) }
    }
}
