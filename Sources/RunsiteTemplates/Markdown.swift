import RunsiteMarkup

/// Markdown to HTML for texts that are not templates.
public enum Markdown {
    /// Renders untrusted Markdown (run notes, READMEs from run data) to HTML in cmark's safe mode.
    ///
    ///     Hi <script>x()</script> [a](javascript:x())  →  <p>Hi <!-- raw HTML omitted -->x()<!-- raw HTML omitted --> <a href="">a</a></p>
    ///
    /// Raw HTML is replaced by a comment and `javascript:`, `vbscript:`, `file:` and non-image
    /// `data:` URLs become empty. Headings get no `id`, so that notes cannot clobber the page's anchors.
    /// Links get `rel="noopener noreferrer nofollow"`. An image loads only where `images` says (a
    /// copy of a file of the run); any other becomes its alt text, linked when it is remote, and
    /// `(image not shown: reason)`, so that the page fetches nothing.
    /// `refused` hears of each image not shown, with its line and column in `text`. `policy`, if
    /// any, then rewrites the links and the images shown (see `OutputPolicy`).
    public static func renderUntrusted(_ text: String, images: (String) -> ImageDecision = ImageDecision.refuseAll, policy: OutputPolicy? = nil,
                                       refused: ((_ url: String, _ reason: String, _ line: Int, _ column: Int) -> Void)? = nil) -> String {
        CmarkRenderer.renderUntrusted(text, images: images, policy: policy, refused: refused)
    }

    /// Renders trusted inline Markdown for short texts: a single paragraph comes back without its `<p>` wrapper.
    ///
    ///     Best **val/loss**  →  Best <strong>val/loss</strong>
    ///
    /// Text that is more than one paragraph (or a list, a heading…) comes back as blocks.
    public static func renderInline(_ text: String) -> String {
        CmarkRenderer.renderInline(text)
    }
}
