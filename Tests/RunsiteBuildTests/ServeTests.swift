import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing
@testable import RunsiteBuild

/// `runsite serve`: which file answers a path, and the server on 127.0.0.1.
@Suite struct ServeTests {
    /// A site with a page in a folder, a hidden marker, and links inside and out.
    static func site() throws -> URL {
        let root = TestSite.temporaryDirectory().appendingPathComponent("site")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("proj/run a"), withIntermediateDirectories: true)
        try Data("<p>home</p>".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("<p>run</p>".utf8).write(to: root.appendingPathComponent("proj/run a/index.html"))
        try Data("marker".utf8).write(to: root.appendingPathComponent(".runsite-site"))
        let outside = root.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: outside)
        try fm.createSymbolicLink(at: root.appendingPathComponent("out.txt"), withDestinationURL: outside)
        try fm.createSymbolicLink(at: root.appendingPathComponent("home.html"), withDestinationURL: root.appendingPathComponent("index.html"))
        return root
    }

    @Test func pathsAnswerWithFilesInsideTheSiteOnly() throws {
        let root = try Self.site()
        let files = try #require(SiteFiles(root: root))
        func name(_ path: String) -> String? {
            if case .file(let url) = files.answer(for: path) { return String(url.path.dropFirst(files.root.count)) }
            return nil
        }
        #expect(name("/") == "/index.html")
        #expect(name("/proj/run%20a/") == "/proj/run a/index.html")
        #expect(files.answer(for: "/proj/run%20a") == .redirect("/proj/run%20a/"))
        #expect(name("/home.html") == "/index.html", "a link that stays inside")
        for refused in ["/out.txt", "/../secret.txt", "/%2e%2e/secret.txt", "/proj/..%2f..%2fsecret.txt", "/.runsite-site",
                        "/missing.html", "/index.html%00.txt", "/proj\\..\\..\\secret.txt"] {
            #expect(files.answer(for: refused) == .notFound, "\(refused)")
        }
    }

    @Test func typesFollowTheExtension() {
        #expect(SiteFiles.contentType(of: "index.html") == "text/html; charset=utf-8")
        #expect(SiteFiles.contentType(of: "metrics.csv.gz") == "application/gzip")
        #expect(SiteFiles.contentType(of: "chart.SVG") == "image/svg+xml")
        #expect(SiteFiles.contentType(of: "noextension") == "application/octet-stream")
    }

    @Test func theServerAnswersOnLoopback() async throws {
        let root = try Self.site()
        let port = Mutex<UInt16?>(nil)
        let server = Task { try await ServeRequest(site: root, port: 0).run { bound in port.withLock { $0 = bound } } }
        defer { server.cancel() }
        var bound: UInt16?
        for _ in 0..<100 where bound == nil {
            try await Task.sleep(nanoseconds: 50_000_000)
            bound = port.withLock { $0 }
        }
        let listening = try #require(bound, "the server never listened")
        func get(_ path: String, method: String = "GET") async throws -> (Int, String, String?) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(listening)\(path)")!)
            request.httpMethod = method
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type"))
        }
        let home = try await get("/")
        #expect(home.0 == 200 && home.1 == "<p>home</p>" && home.2 == "text/html; charset=utf-8")
        #expect(try await get("/proj/run%20a/").1 == "<p>run</p>")
        #expect(try await get("/out.txt").0 == 404)
        #expect(try await get("/", method: "POST").0 == 405)
        let head = try await get("/proj/run%20a/?q=1", method: "HEAD")
        #expect(head.0 == 200 && head.1.isEmpty)

        // Requests no browser sends are refused, and a head past the limit is not read on.
        #expect(Self.raw("GARBAGE\r\n\r\n", port: listening).hasPrefix("HTTP/1.1 400 "))
        #expect(Self.raw("GET http://example.com/ HTTP/1.1\r\n\r\n", port: listening).hasPrefix("HTTP/1.1 400 "))
        let long = "GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: HTTPExchange.headLimit + 10) + "\r\n\r\n"
        #expect(Self.raw(long, port: listening).hasPrefix("HTTP/1.1 400 "))
        let sized = Self.raw("HEAD /index.html HTTP/1.1\r\nHost: x\r\n\r\n", port: listening)
        #expect(sized.contains("Content-Length: 11\r\n") && sized.contains("Connection: close\r\n") && sized.hasSuffix("\r\n\r\n"))
    }

    /// Sends `request` as bytes on a new connection and returns all the server answers.
    static func raw(_ request: String, port: UInt16) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return "" }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            answer += buffer[0..<n]
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
