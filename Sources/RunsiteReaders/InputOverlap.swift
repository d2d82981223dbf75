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
}
