import Foundation
import RunsiteCore

/// Inputs that another input's walk already reads: the same folder given twice, or a folder inside
/// another input (`runsite build runs runs/sweep`, or a symlink to another input), compared after
/// resolving symlinks and `..`. Their runs would otherwise be read twice, as two runs with one id.
public enum InputOverlap {
    /// `inputs` in their order without those another input holds; each dropped input gives a
    /// warning naming it, with a note at the input that holds it. Of two equal inputs the first is
    /// kept; of nested ones the outer, whatever the order, so the runs keep the same ids.
    public static func distinct(_ inputs: [URL], log: DiagnosticLog?) -> [URL] {
        let real = inputs.map { $0.resolvingSymlinksInPath().standardizedFileURL.path }
        var kept: [URL] = []
        for (i, input) in inputs.enumerated() {
            // The outermost input that holds this one (the first of equal ones), itself never dropped.
            let holder = real.indices.filter { j in
                j != i && (real[i] == real[j] ? j < i : reaches(real[j], real[i]))
            }.min { (real[$0].count, $0) < (real[$1].count, $1) }
            guard let j = holder else {
                kept.append(input)
                continue
            }
            log?.warning(.inputOverlap(same: real[i] == real[j], holder: SourceLocation(file: shown(inputs[j]))),
                         at: SourceLocation(file: shown(input)))
        }
        return kept
    }

    /// An input as it was typed (`./runs`, `runs/sweep/..`), so that the warning and its note tell two
    /// spellings of one folder apart; an absolute URL as paths print.
    static func shown(_ input: URL) -> String {
        input.baseURL != nil && !input.relativePath.isEmpty ? input.relativePath : FilePaths.display(input)
    }

    /// Whether the walk of `outer` reaches `inner`: it lies below it, and no folder on the way is
    /// one the walk skips (`WalkSkips`), which an input may still name on purpose.
    static func reaches(_ outer: String, _ inner: String) -> Bool {
        let base = outer.hasSuffix("/") ? outer : outer + "/"
        guard inner.hasPrefix(base) else { return false }
        return !inner.dropFirst(base.count).split(separator: "/").contains { WalkSkips.skips(String($0)) }
    }

    /// For inputs that hold runs at the same paths below them (two copies of one sweep, from two
    /// machines), the end of each one's path that tells them apart (`a`, `b`; `x/runs`, `y/runs`),
    /// keyed by the input's standardized path; their run ids begin with it, which a note on each
    /// such input says (nothing is wrong, so `--strict` lets it pass). Empty when no two inputs
    /// share a path.
    public static func qualifiers(_ inputs: [URL], unitPaths: [[String]], log: DiagnosticLog?) -> [String: String] {
        var firstHolder: [String: Int] = [:]
        var clashes: [Int: Int] = [:]   // input → an earlier input it shares a path with
        for (i, paths) in unitPaths.enumerated() {
            for path in Set(paths) {
                if let j = firstHolder[path], j != i { clashes[i] = clashes[i] ?? j; clashes[j] = clashes[j] ?? i } else { firstHolder[path] = i }
            }
        }
        guard !clashes.isEmpty else { return [:] }
        let involved = clashes.keys.sorted()
        let components = inputs.map { $0.standardizedFileURL.pathComponents.filter { $0 != "/" } }
        // The fewest trailing folders that no other involved input ends with too.
        var qualifiers: [String: String] = [:]
        for i in involved {
            var count = 1
            func suffix(_ k: Int, _ n: Int) -> String { components[k].suffix(n).joined(separator: "/") }
            while count < components[i].count, involved.contains(where: { $0 != i && suffix($0, count) == suffix(i, count) }) { count += 1 }
            let qualifier = suffix(i, count).isEmpty ? "input-\(i + 1)" : suffix(i, count)
            qualifiers[inputs[i].standardizedFileURL.path] = qualifier
            log?.append(.note(.inputSameRunPaths(qualifier: qualifier, other: SourceLocation(file: shown(inputs[clashes[i]!]))),
                              at: SourceLocation(file: shown(inputs[i]))))
        }
        return qualifiers
    }
}
