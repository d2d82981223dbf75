import RunsiteMarkup

/// `{report-list}`: the site's reports (`--report`, `--reports`), linked, with author and date;
/// nothing when there are none, so the default overview can always hold it.
enum ReportList {
    static func render(_ context: PageContext) -> Node {
        let reports = context.options.pages.map(ReportInfo.init)
        guard !reports.isEmpty else { return .empty }
        return .fragment([
            .el("h2", [attr("id", "reports")], text: "Reports"),
            .el("ul", [cls("rs-reports")], reports.map { report in
                let byline = [report.author, report.date].compactMap { $0 }.filter { !$0.isEmpty }
                return .el("li", [], [
                    .el("a", [attr("href", context.link(report.path))], text: report.title),
                    byline.isEmpty ? .empty : .el("span", [cls("rs-muted")], text: " — " + byline.joined(separator: ", ")),
                ])
            }),
        ])
    }
}
