import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// What `{confusion-matrix}` draws; with the selector options of `{images}`, `{artifacts}` and
/// `{params}` (see `Directives/RunDirectiveTypes.swift`), the run directives of reports:
///
///     {confusion-matrix}  :run: SELECTOR  :name: NAME  :normalize: rows  :step: N
///     {images}            :runs: SELECTOR  :pattern: GLOB
///     {artifacts}         :run: SELECTOR  :pattern: GLOB
///     {params}            :run: SELECTOR
///
/// Without options, `{images}`, `{artifacts}` and `{params}` behave as on a run page (`RunDirectives`).
enum ReportDirectives {
    static func confusionMatrix(_ directive: Directive, _ context: PageContext) -> Node {
        let run: Run
        switch context.selectOneRun(directive) {
        case .success(let item): run = item.run
        case .failure(let box): return box.node
        }
        var matrices = run.confusionMatrices
        guard !matrices.isEmpty else { return .el("p", [cls("rs-muted")], text: "\(run.name) logged no confusion matrix.") }
        if let option = directive.options.last(where: { $0.key == "name" }) {
            matrices = matrices.filter { $0.name == option.value }
            if matrices.isEmpty {
                let names = Set(run.confusionMatrices.map(\.name))
                let error = SpecError(.unknownMatrix(option.value, of: run.name, hint: RunSelector.hint(option.value, names)))
                return context.report(error, in: option, of: directive)
            }
        }
        if let option = directive.options.last(where: { $0.key == "step" }) {
            let atStep = matrices.filter { $0.step.map(String.init) == option.value }
            guard !atStep.isEmpty else {
                let steps = matrices.compactMap(\.step).map(String.init).joined(separator: ", ")
                let error = SpecError(.unknownMatrixStep(option.value, logged: steps))
                return context.report(error, in: option, of: directive)
            }
            matrices = atStep
        }
        // Without :step:, the latest matrix of that name.
        let matrix = matrices.max { ($0.step ?? -1) < ($1.step ?? -1) }!
        let mode = directive.option("normalize") ?? "rows"
        let title = "\(run.name) · \(matrix.name)" + (matrix.step.map { " (step \($0))" } ?? "")
        let heatmap = ChartsBridge.heatmap(matrix, normalize: mode, title: title)
        return .el("figure", [cls("rs-figure"), attr("id", "cm-" + Slug.make(run.name + "-" + matrix.name))], [
            heatmap.svg,
            .el("figcaption", [], [.el("strong", [], text: title), .text(" — " + heatmap.caption)]),
        ])
    }
}

extension PageContext {
    /// The one run a directive's `:run:` selector picks; without it, the page's run (or the only
    /// run in scope). More than one run is an error that suggests a ranking.
    func selectOneRun(_ directive: Directive) -> Result<PageContext.ScopedRun, ErrorBox> {
        guard let option = directive.options.last(where: { $0.key == "run" }) else {
            if case .run(let place) = scope { return .success((place, map.run(place))) }
            let scoped = runsInScope
            if scoped.count == 1 { return .success(scoped[0]) }
            warn(.missingRun(directive.name), at: directive.location)
            return .failure(ErrorBox(node: DirectiveError.box("':run:' is missing", directive)))
        }
        switch selectRuns(directive, option: "run") {
        case .failure(let box): return .failure(box)
        case .success(let runs) where runs.count == 1: return .success(runs[0])
        case .success(let runs):
            let error = SpecError(.ambiguousRun(runs.count, needing: "':run:'"))
            return .failure(ErrorBox(node: report(error, in: option, of: directive)))
        }
    }
}
