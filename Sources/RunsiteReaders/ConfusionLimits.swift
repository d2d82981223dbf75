import Foundation

/// Bounds on the confusion matrices a run may bring. A matrix is n² cells however small its file
/// (a label list of n names), and a parsed JSON file takes many times its size in memory, so both
/// the file and the class count are capped; past either the matrix is skipped with a warning.
public enum ConfusionLimits {
    /// The most classes a confusion matrix may have.
    public static let classes = 2048
    /// The largest confusion matrix file read, in bytes.
    public static let fileBytes: Int64 = 16 << 20

    /// Whether the file is small enough to read; warns when it is not.
    /// - Parameter format: the reader's name in the warning's id, e.g. `dvclive`.
    static func admitsFile(_ url: URL, format: String, context: ReaderContext) -> Bool {
        let size = FilePaths.size(url)
        guard size > fileBytes else { return true }
        context.warn(.confusionFileTooLarge(format: format, bytes: size, limit: fileBytes), url, line: 1, column: 1)
        return false
    }

    /// Whether a matrix of `count` classes is small enough to keep; warns when it is not.
    static func admitsClasses(_ count: Int, _ url: URL, format: String, context: ReaderContext) -> Bool {
        guard count > classes else { return true }
        context.warn(.tooManyClasses(format: format, count, limit: classes), url, jsonKey: [])
        return false
    }
}
