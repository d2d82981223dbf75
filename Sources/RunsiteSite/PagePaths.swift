import RunsiteModel

/// Page folders as a function of identity alone: a project's folder depends only on its folder
/// path and name, a run's only on its id and its project's folder. So adding, removing or renaming
/// one run never moves another run's page, and a copied link opens the same run after a rebuild.
/// Each name of a path is kept when it is its own slug (lowercase letters, digits, `-`, `_`, `.`,
/// and not a name the site uses), and otherwise becomes its slug with a hash of the name.
enum PagePaths {
    /// The project's folder below the INPUT, name by name, followed by the project's name when that
    /// is not the folder's own (`demo/cifar-sweep`, `waste-cnn/lightning_logs`,
    /// `mlruns/0/default-3f2a9c1e`). A project that is the INPUT itself is its name.
    static func projectSlug(_ project: Project) -> String {
        var names = project.path.split(separator: "/").map(String.init).filter { $0 != "." }
        if names.last != project.name { names.append(project.name) }
        return names.map(segment).joined(separator: "/")
    }

    static func segment(_ name: String) -> String { Slug.isSafe(name) ? name : hashed(name, identity: name) }

    /// The run's id below its project folder, name by name: each name that is its own slug as it is
    /// (`version_0`, an MLflow run id), any other as its slug with a hash of the name
    /// (`runs/a`, `2026-11-29/10-00-00`, `mnist-5c1e0a9b`). Sub-runs get folders inside their
    /// parent's; the names the site uses beside a run (`media`, `files`, …) are never its own slug.
    static func runSlug(_ run: Run, projectPath: String) -> String {
        var relative = run.id.path
        if !projectPath.isEmpty, projectPath != ".", relative.hasPrefix(projectPath + "/") {
            relative.removeFirst(projectPath.count + 1)
        }
        let names = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !names.isEmpty else { return hashed(relative, identity: run.id.path) }
        return names.map(segment).joined(separator: "/")
    }

    private static func hashed(_ name: String, identity: String) -> String {
        let readable = Slug.readable(name)
        return (readable.isEmpty ? "x" : readable) + "-" + Slug.hash(identity)
    }
}

/// Titles for projects whose names repeat: `waste-cnn/lightning_logs` and `opal-v2/lightning_logs`
/// rather than `lightning_logs` twice.
enum ProjectTitles {
    static func titles(of projects: [Project]) -> [String] {
        titles(names: projects.map(\.name), paths: projects.map(\.path))
    }

    /// The titles of projects given by name and folder (as a summary records them).
    static func titles(names: [String], paths: [String]) -> [String] {
        var byName: [String: [Int]] = [:]
        for (p, name) in names.enumerated() { byName[name, default: []].append(p) }
        var titles = names
        for indices in byName.values where indices.count > 1 {
            let suffixes = DistinguishingSuffix.of(indices.map { paths[$0] })
            for (i, p) in indices.enumerated() {
                let suffix = suffixes[i], name = names[p]
                if suffix.isEmpty { continue }
                titles[p] = suffix == name || suffix.hasSuffix("/" + name) ? suffix : "\(name) (\(suffix))"
            }
        }
        return titles
    }
}

/// The shortest ends of '/'-separated paths that tell them apart: `a/x/logs`, `b/x/logs` → `a/x/logs`,
/// `b/x/logs`; `a/logs`, `b/logs` → `a/logs`, `b/logs`. Paths that are equal get their whole path.
enum DistinguishingSuffix {
    static func of(_ paths: [String]) -> [String] {
        let parts = paths.map { $0.split(separator: "/").map(String.init) }
        var result = [String?](repeating: nil, count: parts.count)
        let longest = parts.map(\.count).max() ?? 0
        // Length by length, counting each end once per distinct path: linear in the paths.
        for length in 1...max(1, longest) {
            var owners: [ArraySlice<String>: Set<String>] = [:]
            for (i, mine) in parts.enumerated() where result[i] == nil { owners[mine.suffix(length), default: []].insert(paths[i]) }
            for (i, mine) in parts.enumerated() where result[i] == nil {
                if owners[mine.suffix(length)]!.count == 1 || length >= mine.count { result[i] = mine.suffix(length).joined(separator: "/") }
            }
        }
        return result.enumerated().map { $1 ?? paths[$0] }
    }
}
