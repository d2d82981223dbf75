/// The page templates and static assets of a site, as loaded by the build from `templates/`
/// (or `--templates DIR`, file by file) and `assets/`.
public struct TemplateSet: Sendable {
    /// `index.md`, `project.md`, `run.md`, `report.md`, `layout.html` → (file path for messages, text).
    public var files: [String: (path: String, text: String)]
    /// Asset files copied into `assets/`, by relative path.
    public var assets: [String: [UInt8]]

    public static let requiredFiles = ["index.md", "project.md", "run.md", "layout.html"]

    public init(files: [String: (path: String, text: String)], assets: [String: [UInt8]]) {
        self.files = files
        self.assets = assets
    }

    func text(_ name: String) -> (path: String, text: String) {
        files[name] ?? (name, "")
    }
}
