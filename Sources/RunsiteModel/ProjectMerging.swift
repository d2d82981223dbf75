/// Builds the projects of a build from what each read unit returned: projects with the same folder
/// and name become one, and runs found inside another run's folder are linked to it.
public enum ProjectMerging {
    /// Projects sorted by name then folder, runs by id.
    public static func merge(_ projects: [Project]) -> [Project] {
        // Merged in place (by index), so that adding one claim's runs does not copy the runs merged before.
        var merged: [Project] = []
        var index: [ProjectID: Int] = [:]
        for project in projects {
            if let i = index[project.id] {
                merged[i].runs += project.runs
                merged[i].description = merged[i].description ?? project.description
                merged[i].readme = merged[i].readme ?? project.readme
            } else {
                index[project.id] = merged.count
                merged.append(project)
            }
        }
        merged.sort { $0.id < $1.id }
        for i in merged.indices { merged[i].runs.sort { $0.id < $1.id } }
        RunNesting.linkParents(&merged)
        return merged
    }
}

/// Which run holds which: a run without a parent of its own (MLflow's `mlflow.parentRunId`) gets
/// the run whose folder is the nearest one above its folder, such as the TensorBoard run above an
/// `add_scalars` sub-run, the DVCLive run above its folds, or the MLflow run whose `artifacts/`
/// hold a TensorBoard logdir.
public enum RunNesting {
    public static func linkParents(_ projects: inout [Project]) {
        var owners: [String: RunID?] = [:]   // folder → the one run that is that folder (nil: several)
        for project in projects {
            for run in project.runs where ownsDirectory(run) {
                owners[run.directory] = owners[run.directory] == nil ? .some(run.id) : .some(nil)
            }
        }
        guard !owners.isEmpty else { return }
        for p in projects.indices {
            for r in projects[p].runs.indices where projects[p].runs[r].parentID == nil {
                var folder = parent(of: projects[p].runs[r].directory)
                while let current = folder {
                    if let owner = owners[current] {
                        if let owner { projects[p].runs[r].parentID = owner }
                        break
                    }
                    folder = parent(of: current)
                }
            }
        }
    }

    /// Whether a run is its folder (its id ends with the folder's path). A Keras log is one file among
    /// others, and an MLflow SQLite run's folder is the database's: neither holds the runs beside it.
    static func ownsDirectory(_ run: Run) -> Bool {
        run.directory == run.id.path || run.directory.hasSuffix("/" + run.id.path)
    }

    static func parent(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        return String(path[..<slash])
    }
}
