import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A listening TCP socket on 127.0.0.1 that hands each connection to `answer` on its own thread.
/// Written by hand because a server of static files needs only `socket`, `accept` and one request
/// line, while HTTP server packages link FoundationNetworking, and with it libcurl and some thirty
/// libraries, into every runsite process.
final class LoopbackServer: Sendable {
    enum Failure: Error, CustomStringConvertible {
        case socket(String)
        var description: String {
            switch self { case .socket(let text): return "cannot listen on 127.0.0.1: \(text)" }
        }
    }

    private let descriptor: Int32
    /// The port listened on (the one asked for, or the free one the system picked for 0).
    let port: UInt16

    init(port: UInt16) throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.socket(String(cString: strerror(errno))) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 64) == 0 }
        }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) == 0 }
        }
        guard bound, named else {
            let text = String(cString: strerror(errno))
            close(fd)
            throw Failure.socket(text)
        }
        descriptor = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Accepts connections until `stop()`, each answered on a thread of its own and then closed.
    func serve(_ answer: @escaping @Sendable (Int32) -> Void) {
        while true {
            let client = accept(descriptor, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                break
            }
            // A client that stops sending or reading cannot hold its thread for more than 10 s.
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            _ = setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            _ = setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            DispatchQueue.global().async {
                answer(client)
                close(client)
            }
        }
        close(descriptor)
    }

    /// Makes `serve` return: a listening socket shut down fails its `accept`.
    func stop() {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }
}

/// One HTTP/1.1 exchange on a connection: the request's method and target, and the answer,
/// closing the connection after it (`Connection: close`), as a local server of files can.
struct HTTPExchange {
    let connection: Int32
    /// Requests whose head is longer than this are refused: the longest a site's path can make is far shorter.
    static let headLimit = 16 * 1024

    /// The method and target of the request line, or nil when no well-formed head arrived.
    func readRequest() -> (method: String, target: String)? {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            head.append(contentsOf: buffer[0..<n])
            if head.count > Self.headLimit { return nil }
            if let end = head.firstRange(of: [13, 10, 13, 10]) ?? head.firstRange(of: [10, 10]) {
                let lineEnd = head[..<end.lowerBound].firstIndex(of: 10) ?? end.lowerBound
                let line = String(decoding: head[..<lineEnd], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                let parts = line.split(separator: " ", omittingEmptySubsequences: false)
                guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") else { return nil }
                return (String(parts[0]), String(parts[1]))
            }
        }
    }

    /// Writes the status line and headers, then `body` if any.
    func respond(_ status: Int, _ reason: String, headers: [(String, String)], body: Data? = nil) {
        var text = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers + [("Connection", "close")] { text += name + ": " + value + "\r\n" }
        if let body, !headers.contains(where: { $0.0 == "Content-Length" }) { text += "Content-Length: \(body.count)\r\n" }
        send(Data((text + "\r\n").utf8))
        if let body { send(body) }
    }

    /// Copies the file at `path` to the connection in blocks, so a large artifact is never held whole.
    func sendFile(_ path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        while let block = try? handle.read(upToCount: 256 * 1024), !block.isEmpty {
            guard send(block) else { return }
        }
    }

    @discardableResult
    private func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Self.write(connection, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// `send` that reports a closed connection as an error rather than with SIGPIPE.
    private static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.send(fd, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        return Darwin.send(fd, bytes, count, 0)
        #endif
    }
}
