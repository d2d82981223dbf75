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
        let server = try LoopbackServer(port: port)
        ready(server.port)
        await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    server.serve { Self.answer(HTTPExchange(connection: $0), files: files) }
                    done.resume()
                }
            }
        } onCancel: {
            server.stop()
        }
    }

    /// Answers GET and HEAD with the site's files; nothing else.
    static func answer(_ exchange: HTTPExchange, files: SiteFiles) {
        guard let request = exchange.readRequest() else {
            exchange.respond(400, "Bad Request", headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data("bad request\n".utf8))
            return
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            exchange.respond(405, "Method Not Allowed", headers: [("Allow", "GET, HEAD")], body: Data())
            return
        }
        // The path as sent, without its query: a trailing `/` tells a folder's page apart.
        let path = String(request.target.prefix { $0 != "?" && $0 != "#" })
        switch files.answer(for: path) {
        case .notFound:
            exchange.respond(404, "Not Found", headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data("not found\n".utf8))
        case .redirect(let location):
            exchange.respond(301, "Moved Permanently", headers: [("Location", location)], body: Data())
        case .file(let url):
            // No caching, so that a rebuilt site is what the next reload shows; no sniffing, so a
            // file is only ever what its name says.
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            exchange.respond(200, "OK", headers: [("Content-Type", SiteFiles.contentType(of: url.lastPathComponent)),
                                                  ("Content-Length", String(size)), ("Cache-Control", "no-cache"),
                                                  ("X-Content-Type-Options", "nosniff")])
            if request.method == "GET" { exchange.sendFile(url.path) }
        }
    }
}
