import RunsiteMarkup
import RunsiteTemplates

/// One fenced directive (```` ```{name} ````): its name, the options it takes, and the data it
/// needs. Everything else derives from these declarations: option checking, which pages an
/// incremental build may reuse, and how much of each run a page loads. A new directive is one such
/// type, added to `DirectiveRegistry.all`.
protocol PageDirective: Sendable {
    static var name: String { get }
    static var options: [OptionSpec] { get }
    /// What the directive shows beyond the page's own runs.
    static var reach: DirectiveReach { get }
    /// How much of each run it reads.
    static var columns: ColumnNeed { get }
    static func expand(_ directive: Directive, _ context: PageContext) -> Node
}

extension PageDirective {
    static var options: [OptionSpec] { [] }
    static var reach: DirectiveReach { .page }
    static var columns: ColumnNeed { .all }
}

/// What a directive shows: the runs of the page's own scope (its run, or its project's runs, or
/// every run on the overview), or other pages' content whatever the page (the project list,
/// reports). A directive given a run selector option (`:runs:`, `:run:`) always reaches the site.
enum DirectiveReach { case page, site }

/// How much of each run a directive reads: only what every held run keeps (names, status,
/// summaries), columns one metric at a time (chart by chart), or every column of its runs.
enum ColumnNeed: Comparable { case none, perChart, all }

/// One option of a directive: its name, the values it takes, and its value when absent (for docs).
struct OptionSpec {
    enum Kind: Equatable {
        /// Any text.
        case text
        /// A comma-separated list.
        case list
        /// A run selector: naming other runs.
        case selector
        /// true/false, yes/no, on/off, 1/0; empty means true.
        case flag
        /// A number.
        case number
        /// One of these words (compared without case).
        case choice([String])
    }

    var name: String
    var kind: Kind
    var absent: String? = nil

    static func text(_ name: String, absent: String? = nil) -> OptionSpec { OptionSpec(name: name, kind: .text, absent: absent) }
    static func list(_ name: String, absent: String? = nil) -> OptionSpec { OptionSpec(name: name, kind: .list, absent: absent) }
    static func selector(_ name: String) -> OptionSpec { OptionSpec(name: name, kind: .selector, absent: "the page's runs") }
    static func flag(_ name: String) -> OptionSpec { OptionSpec(name: name, kind: .flag, absent: "false") }
    static func number(_ name: String, absent: String? = nil) -> OptionSpec { OptionSpec(name: name, kind: .number, absent: absent) }
    static func choice(_ name: String, _ values: [String], absent: String? = nil) -> OptionSpec {
        OptionSpec(name: name, kind: .choice(values), absent: absent ?? values.first)
    }
}
