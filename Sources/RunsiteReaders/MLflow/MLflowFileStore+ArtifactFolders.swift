import Foundation

extension MLflowFileStore {
    /// Every run's `artifacts/` folder in the store's experiments: the folders of a file store that
    /// discovery still searches for runs of other formats. Only listed, never read.
    static func artifactFolders(of root: URL) -> [URL] {
        var folders: [URL] = []
        for experiment in FilePaths.entries(of: root) where !WalkSkips.skips(experiment) && experiment != "models" {
            let url = root.child(experiment)
            guard experiment.allSatisfy(\.isASCIIDigitCharacter) || FilePaths.exists(url.child("meta.yaml")) else { continue }
            for run in FilePaths.entries(of: url) where !WalkSkips.skips(run) && !nonRunFolders.contains(run) {
                let artifacts = url.child(run).child("artifacts")
                if FilePaths.isDirectory(artifacts) { folders.append(artifacts) }
            }
        }
        return folders
    }
}
