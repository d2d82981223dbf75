import RunsiteCore

/// Keeps `ParamValue.text` consistent with every other number the site writes.
enum NumberTextBridge {
    static func exact(_ value: Double) -> String { NumberText.exact(value) }
}
