import Foundation
import RunsiteCore

/// Warnings about a file store's layout, given once per store (not once per run):
///
/// - `meta.yaml` files below a folder of the store that is not an experiment: usually a second
///   store (`mlruns/mlruns/0/meta.yaml`) made by running mlflow from inside `mlruns/`. Its
///   experiments are not read as this store's.
/// - A deleted experiment in `.trash/` whose id is also an active experiment's id: MLflow cannot
///   restore it, and with `--include-deleted` both are shown.
enum MLflowStoreChecks {
    static func check(_ root: URL, isExperiment: (URL, String) -> Bool, context: ReaderContext) {
        var active = Set<String>()
        for name in FilePaths.entries(of: root) where !name.hasPrefix(".") && name != "models" {
            let folder = root.child(name)
            guard FilePaths.isDirectory(folder) else { continue }
            if isExperiment(folder, name) { active.insert(name); continue }
            let stray = FilePaths.entries(of: folder).filter { FilePaths.exists(folder.child($0).child("meta.yaml")) }
            guard let first = stray.first else { continue }
            context.warn(.mlflowStrayMeta(name, more: stray.count - 1), folder.child(first).child("meta.yaml"))
        }
        let trash = root.child(".trash")
        for name in FilePaths.entries(of: trash) where active.contains(name) && FilePaths.isDirectory(trash.child(name)) {
            context.warn(.mlflowTrashIDCollision(name, active: context.location(root.child(name)), bothShown: context.options.includeDeleted), trash.child(name))
        }
    }
}
