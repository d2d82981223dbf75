import RunsiteMarkup
import RunsiteTemplates

/// `{run-meta}`: status, project, source, times, parent, tags and labels of the page's run.
enum RunMetaDirective: PageDirective {
    static let name = "run-meta"
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { context.run.map { RunDirectives.meta($0, context) } ?? .empty }
}

/// `{notes}`: the run's Markdown notes, as untrusted Markdown.
enum NotesDirective: PageDirective {
    static let name = "notes"
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { RunDirectives.notes(context) }
}

/// `{metric-summary}`: count, first, last, min and max of each metric of the run.
enum MetricSummaryDirective: PageDirective {
    static let name = "metric-summary"
    static func expand(_ directive: Directive, _ context: PageContext) -> Node {
        context.run.map { RunDirectives.metricSummary($0, context) } ?? .empty
    }
}

/// `{confusion-matrices}`: every confusion matrix of the run as a heatmap.
enum ConfusionMatricesDirective: PageDirective {
    static let name = "confusion-matrices"
    static let options: [OptionSpec] = [
        .choice("normalize", ConfusionFigures.normalizations, absent: "rows"),
        .choice("figure-width", ["column", "page"]),
        .text("compare-with"),
    ]
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { ConfusionFigures.render(directive, context) }
}

/// `{texts}`: the run's console output and other texts.
enum TextsDirective: PageDirective {
    static let name = "texts"
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { context.run.map(RunDirectives.texts) ?? .empty }
}

/// `{params}`: the page's run's params, or with `:run:` another run's.
enum ParamsDirective: PageDirective {
    static let name = "params"
    static let options: [OptionSpec] = [.selector("run")]
    static func expand(_ directive: Directive, _ context: PageContext) -> Node {
        if directive.options.isEmpty, let run = context.run { return RunDirectives.params(run) }
        switch context.selectOneRun(directive) {
        case .success(let item): return RunDirectives.params(item.run)
        case .failure(let box): return box.node
        }
    }
}

/// `{images}`: the page's run's images, or with `:runs:`/`:pattern:` a gallery across runs.
enum ImagesDirective: PageDirective {
    static let name = "images"
    static let options: [OptionSpec] = [.selector("runs"), .text("pattern", absent: "every image")]
    static func expand(_ directive: Directive, _ context: PageContext) -> Node {
        directive.options.isEmpty ? RunDirectives.images(context) : ReportMedia.images(directive, context)
    }
}

/// `{artifacts}`: the page's run's artifacts with checksums, or with `:run:`/`:pattern:` another run's.
enum ArtifactsDirective: PageDirective {
    static let name = "artifacts"
    static let options: [OptionSpec] = [.selector("run"), .text("pattern", absent: "every artifact")]
    static func expand(_ directive: Directive, _ context: PageContext) -> Node {
        directive.options.isEmpty ? ArtifactList.render(context) : ReportMedia.artifacts(directive, context)
    }
}

/// `{confusion-matrix}`: one run's confusion matrix, chosen by `:run:`, `:name:` and `:step:`.
enum ConfusionMatrixDirective: PageDirective {
    static let name = "confusion-matrix"
    static let options: [OptionSpec] = [
        .selector("run"), .text("name", absent: "the first"),
        .choice("normalize", ConfusionFigures.normalizations, absent: "rows"), .number("step", absent: "the last"),
    ]
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { ReportDirectives.confusionMatrix(directive, context) }
}
