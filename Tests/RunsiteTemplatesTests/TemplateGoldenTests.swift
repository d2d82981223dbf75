import RunsiteTestSupport
import Testing
@testable import RunsiteTemplates

@Suite struct TemplateGoldenTests {
    static let template = """
    ---
    title: Run {run.name}
    ---

    # Overview

    Run finished with {metric}`val/loss:min` after {param}`epochs` epochs.

    ```{chart} val/loss
    :height: 240
    :title: Validation loss
    ```

    ## Parameters

    <div class="note">Raw HTML is kept in templates.</div>

    ```{params-table}
    ```

    ```python
    print("code stays code")
    ```
    """

    @Test func smallTemplateRendersToGolden() {
        let document = MarkdownDocument.parse(Self.template, file: "templates/run.md")
        let html = document.render(
            resolveDirective: { directive in
                let options = directive.options.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
                return "<figure data-directive=\"\(directive.name)\" data-arg=\"\(directive.argument)\" data-options=\"\(options)\" data-at=\"\(directive.location.description)\"></figure>"
            },
            resolveRole: { role in "<span class=\"\(role.name)\" data-at=\"\(role.location.description)\">\(role.content)</span>" })
        #expect(Golden.check(html, named: "page.html") == nil)
    }
}
