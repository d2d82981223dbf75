/// The media type of a site file, by its extension: what `runsite serve` answers with, and what a
/// single file's embedded images are declared as.
public enum MediaType {
    /// The type of the file named `name` (a name or a path); nil for an extension the site does not write.
    public static func of(_ name: String) -> String? {
        types[name.split(separator: ".").last.map { $0.lowercased() } ?? ""]
    }

    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "tex": "text/x-tex; charset=utf-8", "txt": "text/plain; charset=utf-8", "gz": "application/gzip",
        "zip": "application/zip", "pdf": "application/pdf",
    ]
}
