import RunsiteMarkup

/// A directive's replacement when its options cannot be used; the diagnostic is already logged.
struct ErrorBox: Error {
    var node: Node
}
