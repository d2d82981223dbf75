import RunsiteTemplates

/// What a template needs, derived from the declarations of the directives it uses: whether its
/// pages show only their own runs (so an incremental build may reuse them when those are
/// unchanged), and how much of each run it reads. Parsed once per template.
struct TemplateNeeds {
    /// The most any directive of the template reads of each run.
    var columns: ColumnNeed
    /// No directive reaches beyond the page's runs, no role names a run, and no front matter selects runs.
    var selfContained: Bool

    init(_ markdown: String, registry: DirectiveRegistry = .standard) {
        let document = MarkdownDocument.parse(markdown, file: "")
        let directives = document.directives
        columns = directives.map(registry.columnNeed).max() ?? .none
        // `{metric}` and `{param}` roles may name other runs by selector.
        selfContained = !directives.contains(where: registry.reachesSite)
            && !document.roles.contains { $0.name == "metric" || $0.name == "param" }
            && document.frontMatterValue("runs") == nil
    }
}
