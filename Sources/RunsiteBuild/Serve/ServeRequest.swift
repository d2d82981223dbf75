import FlyingFox
import Foundation

/// `runsite serve`: the site folder over HTTP on 127.0.0.1 only, for browsers that restrict
/// `file://` pages. Files are read at each request, so a site that `runsite watch` swaps in is
/// served at once, and its pages reload themselves as they do from disk.
public struct ServeRequest: Sendable {
    public var site: URL
    /// 0 picks a free port.
    public var port: UInt16

    public init(site: URL, port: UInt16) {
        self.site = site
        self.port = port
    }

    public enum Failure: Error, CustomStringConvertible {
        case notASite(String)
        public var description: String {
            switch self { case .notASite(let path): return "\(path) is not a folder" }
        }
    }

    /// Serves until the task is cancelled; `ready` hears the port once the server listens.
    public func run(ready: @Sendable (UInt16) -> Void) async throws {
        guard let files = SiteFiles(root: site) else { throw Failure.notASite(site.path) }
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled, handler: SiteHandler(files: files))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.start() }
            try await server.waitUntilListening()
            if case .ip4(_, let bound)? = await server.listeningAddress { ready(bound) }
            try await group.next()
        }
    }
}

/// Answers GET and HEAD with the site's files; nothing else.
struct SiteHandler: HTTPHandler {
    let files: SiteFiles

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        // The path as sent: FlyingFox's `path` drops a trailing `/`, which tells a folder's page apart.
        switch files.answer(for: request.target.path()) {
        case .notFound:
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: location])
        case .file(let url):
            // No caching, so that a rebuilt site is what the next reload shows; no sniffing, so a
            // file is only ever what its name says.
            let headers: HTTPHeaders = [.contentType: SiteFiles.contentType(of: url.lastPathComponent), .cacheControl: "no-cache",
                                        HTTPHeader("X-Content-Type-Options"): "nosniff"]
            if request.method == .HEAD {
                var sized = headers
                sized[.contentLength] = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int).map { String($0) }
                return HTTPResponse(statusCode: .ok, headers: sized)
            }
            return HTTPResponse(statusCode: .ok, headers: headers, body: try HTTPBodySequence(file: url))
        }
    }
}
