import RunsiteCore

/// A MyST-style directive: a fenced code block whose info string starts with `{name}`.
///
///     ```{chart} val/loss        →  name "chart", argument "val/loss",
///     :height: 240                  options [height: 240, smooth: 0.6],
///     :smooth: 0.6                  body "Loss over steps."
///
///     Loss over steps.
///     ```
///
/// Backtick and tilde fences of any length work, as in CommonMark.
public struct Directive: Sendable, Hashable {
    /// The name between the braces: `chart` for ```` ```{chart} ````.
    public var name: String
    /// The text after the name on the fence line, trimmed: `val/loss` for ```` ```{chart} val/loss ````.
    public var argument: String
    /// The `:key: value` lines at the top of the block (or its leading `---` block of `key: value`
    /// lines, the other MyST form), in source order; repeated keys are kept.
    public var options: [DirectiveOption]
    /// The lines after the options, without leading and trailing blank lines and without the final line break.
    public var body: String
    /// The fence line in the original file (front matter included); the column is a 1-based UTF-8 byte column.
    public var location: SourceLocation

    public init(name: String, argument: String = "", options: [DirectiveOption] = [], body: String = "", location: SourceLocation) {
        self.name = name
        self.argument = argument
        self.options = options
        self.body = body
        self.location = location
    }

    /// The value of the first option named `key`, if any.
    public func option(_ key: String) -> String? {
        options.first { $0.key == key }?.value
    }
}

/// One `:key: value` line at the top of a directive.
public struct DirectiveOption: Sendable, Hashable {
    /// The text between the colons: `height` for `:height: 240`.
    public var key: String
    /// The rest of the line, trimmed (one pair of quotes removed in the `---` form).
    public var value: String
    /// The option's own line; the column points at its leading `:`.
    public var location: SourceLocation

    public init(key: String, value: String, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}
