import Foundation

/// Recognises a Keras CSVLogger header: first field `epoch`, no `step` column (that would be Lightning or
/// runsite), and at least one column Keras always or typically writes (`loss`, `acc`, `accuracy`, `lr`,
/// `learning_rate`, or any `val_*`).
enum KerasHeader {
    static let typical: Set<String> = ["loss", "acc", "accuracy", "lr", "learning_rate"]

    /// The separator of a Keras-style file, or nil when the file does not look like one.
    static func separator(of url: URL) -> UInt8? {
        guard let line = TextFile.firstLine(of: url, limit: 4096) else { return nil }
        for separator in [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")] where line.contains(separator) {
            let names = TextFile.headerNames(line, separator: separator)
            guard names.count >= 2, names[0] == "epoch", !names.contains("step") else { continue }
            if names.dropFirst().contains(where: { typical.contains($0) || $0.hasPrefix("val_") }) { return separator }
        }
        return nil
    }
}
