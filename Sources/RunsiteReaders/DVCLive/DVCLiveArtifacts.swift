import Foundation
import RunsiteModel

/// The files a DVCLive run saved: `<dir>/artifacts/…` (`log_artifact(copy=True)`) and the `artifacts:`
/// section of `dvc.yaml` (`log_artifact(path, type=…, name=…)`).
///
/// `dvc.yaml` does not record which `Live` logged an artifact, and DVCLive merges every `Live` of a working
/// folder into one file. So an artifact inside a DVCLive folder belongs to that run; one outside every
/// DVCLive folder belongs to each run the `dvc.yaml` lists. An artifact tracked by DVC whose file is not
/// in the workspace (only its `.dvc` pointer, or a stage's `outs:` entry that `dvc.lock` tracks) cannot be
/// shown and gives a note.
enum DVCLiveArtifacts {
    static func collect(run directory: URL, project: DVCProjectFile?, context: ReaderContext) -> [Artifact] {
        let runPath = directory.standardizedFileURL.path
        var artifacts = ArtifactScanner.scan(directory.child("artifacts"), runRoot: directory, context: context)
            .filter { !$0.path.hasSuffix(".dvc") }
            .map { artifact -> Artifact in
                var artifact = artifact
                artifact.path = "artifacts/" + artifact.path
                return artifact
            }
        guard let project, !project.artifacts.isEmpty else { return artifacts }
        let listsThisRun = project.liveDirectories.contains(runPath) || project.directory.path == runPath
        let dvcYAML = project.directory.child("dvc.yaml")
        var seen = Set(artifacts.map(\.sourceFile))
        for (name, url) in project.artifacts {
            let path = url.path
            let insideThisRun = path.hasPrefix(runPath + "/")
            let insideOtherRun = project.liveDirectories.contains { $0 != runPath && path.hasPrefix($0 + "/") }
            guard insideThisRun || (listsThisRun && !insideOtherRun) else { continue }
            guard FilePaths.isInside(url, root: context.inputRoot) else {
                context.warn(.dvcliveArtifactOutsideInput(name), dvcYAML, yamlKey: ["artifacts", name])
                continue
            }
            let relative = FilePaths.relative(path, to: project.directory.path)
            if FilePaths.isDirectory(url) {
                for artifact in ArtifactScanner.scan(url, runRoot: context.inputRoot, context: context)
                where !artifact.path.hasSuffix(".dvc") && seen.insert(artifact.sourceFile).inserted {
                    var artifact = artifact
                    artifact.path = relative + "/" + artifact.path
                    artifacts.append(artifact)
                }
            } else if FilePaths.exists(url) {
                guard FilePaths.isRegularFile(url) else {
                    context.warn(.dvcliveSpecialArtifact(name), url)
                    continue
                }
                guard seen.insert(url.path).inserted else { continue }
                let hash = context.options.hashArtifacts ? ArtifactScanner.sha256(of: url) : nil
                if context.options.hashArtifacts && hash == nil {
                    context.warn(.unreadableArtifact, url)
                    continue
                }
                artifacts.append(Artifact(path: relative, size: FilePaths.targetSize(url), sha256: hash, sourceFile: url.path))
            } else if FilePaths.exists(URL(fileURLWithPath: path + ".dvc")) || project.isStageOutput(path) {
                let how = project.isStageOutput(path) ? "is an output of a stage in dvc.yaml" : "is tracked by DVC"
                context.log.append(.note(.dvcliveArtifactNotInWorkspace(name, how, path: relative),
                                         at: context.location(dvcYAML, line: JSONKeyLocator.position(of: ["artifacts", name], in: dvcYAML, quoted: false)?.line ?? 1)))
            } else {
                context.warn(.dvcliveArtifactMissing(name, path: relative), dvcYAML, yamlKey: ["artifacts", name])
            }
        }
        return artifacts
    }
}
