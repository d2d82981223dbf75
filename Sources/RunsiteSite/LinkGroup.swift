/// Classes of elements that only offer files to download. A page that must work alone
/// (`SingleFile`) leaves such an element out whole when none of its links survive.
enum LinkGroup {
    /// A figure's "download SVG · CSV", a run's series file.
    static let downloads = "rs-downloads"
    /// A table's "Download: CSV · Markdown · LaTeX".
    static let tableExports = "rs-table-exports"

    static let all: Set<String> = [downloads, tableExports]
}
