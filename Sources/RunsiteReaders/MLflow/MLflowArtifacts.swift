import Foundation
import RunsiteCore
import RunsiteModel

/// Lists a run's artifacts and picks out images and JSON confusion matrices among them.
enum MLflowArtifacts {
    /// The local artifact folder of a run: `artifact_uri` when it is a local path that exists
    /// (`file:///…` or a bare absolute path, as SQLite stores it), else `fallback` — the run's own
    /// `artifacts/` folder. `artifact_uri` is an absolute path of the machine that logged the run, so
    /// after a copy or move it usually points nowhere; `s3://`, `mlflow-artifacts:/` and the like are
    /// never local.
    ///
    /// The URI comes from the input, so it is only followed inside the input: a run whose URI names an
    /// existing folder elsewhere (say `/home/me/.ssh`) gets a warning and its artifacts are not read from
    /// there, because they would be copied into the site.
    static func directory(uri: String?, fallback: URL, metadata: URL, context: ReaderContext) -> URL? {
        if let uri, let url = localURL(uri), FilePaths.isDirectory(url) {
            if FilePaths.isInside(url, root: context.inputRoot) { return url }
            if url.resolvingSymlinksInPath().path != fallback.resolvingSymlinksInPath().path {
                let message = DiagnosticMessage.mlflowArtifactsOutsideInput(url.path)
                if metadata.pathExtension == "yaml" {
                    context.warn(message, metadata, yamlKey: ["artifact_uri"])
                } else {
                    context.warn(message, metadata)
                }
            }
        }
        guard FilePaths.isDirectory(fallback), FilePaths.isInside(fallback, root: context.inputRoot) else { return nil }
        return fallback
    }

    static func localURL(_ uri: String) -> URL? {
        if uri.hasPrefix("file://") {
            return URL(string: uri).map { URL(fileURLWithPath: $0.path) }
        }
        if uri.hasPrefix("/") { return URL(fileURLWithPath: uri) }
        return nil
    }

    static func read(_ directory: URL, into run: inout Run, context: ReaderContext) {
        run.artifacts = ArtifactScanner.scan(directory, runRoot: directory, context: context)
        for artifact in run.artifacts {
            if ArtifactScanner.isImage(artifact.path) {
                if let image = image(artifact) { run.images.append(image) }
            } else if ConfusionMatrixJSON.isCandidate(artifact.path) {
                let name = String(artifact.path.dropLast(5))
                if let matrix = ConfusionMatrixJSON.read(URL(fileURLWithPath: artifact.sourceFile), name: name,
                                                         reader: "mlflow", context: context) {
                    run.confusionMatrices.append(matrix)
                }
            }
        }
    }

    /// `log_image(key=k, step=s)` writes `images/<k, "/"→"~">+step+<s>+timestamp+<ms>+<uuid>.png` plus a
    /// `…+compressed.webp` thumbnail; older versions used `%` instead of `+` and `#` instead of `~`.
    /// Such files are shown under their key and step, thumbnails are skipped; other images keep their path.
    static func image(_ artifact: Artifact) -> RunImage? {
        let path = artifact.path
        guard path.hasPrefix("images/") else { return RunImage(name: path, content: .file(artifact.sourceFile)) }
        let file = String(path.dropFirst("images/".count))
        let stem = (file as NSString).deletingPathExtension
        for separator in ["+", "%"] {
            let parts = stem.components(separatedBy: separator)
            guard parts.count >= 6, parts[1] == "step", parts[3] == "timestamp", let step = Int64(parts[2]) else { continue }
            if parts.last == "compressed" { return nil }
            let key = parts[0].replacingOccurrences(of: "~", with: "/").replacingOccurrences(of: "#", with: "/")
            return RunImage(name: key, step: Step(step), content: .file(artifact.sourceFile))
        }
        return RunImage(name: path, content: .file(artifact.sourceFile))
    }
}
