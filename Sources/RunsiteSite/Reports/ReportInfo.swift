import RunsiteTemplates

/// What the overview and the navigation show of a report: its front matter `title` (else its
/// file name), `author` and `date`, and where its page is.
struct ReportInfo {
    var title: String
    var author: String?
    var date: String?
    /// Site-root-relative path: `reports/<slug>.html`.
    var path: String

    init(_ page: UserPage) {
        let document = MarkdownDocument.parse(page.text, file: page.file)
        title = document.frontMatterValue("title").flatMap { $0.isEmpty ? nil : $0 } ?? page.slug
        author = document.frontMatterValue("author")
        date = document.frontMatterValue("date")
        path = "reports/" + page.slug + ".html"
    }
}
