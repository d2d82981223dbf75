import Foundation
import RunsiteModel

/// The text files of an online (synced) run folder, used when the folder has no `.wandb` log
/// (as wandb's `sdk/internal/sender.py` writes them):
///
/// - `files/config.yaml`: every top-level key maps to `{value: …}` (older SDKs add `desc`, and a
///   top-level `wandb_version: 1`); values are unwrapped, `_wandb` and `wandb_version` dropped.
/// - `files/wandb-summary.json`: final values only (may hold bare `NaN`/`Infinity`). `_step` and
///   `_timestamp` give the point's step and time, so each numeric value becomes a one-point series.
enum WandBOnlineFiles {
    static func read(_ files: URL, into builder: inout WandBRunBuilder, context: ReaderContext) {
        let configURL = files.child("config.yaml")
        if FilePaths.exists(configURL) {
            if let bytes = ByteReading.contents(of: configURL) {
                do {
                    let yaml = try JSONValue.parseYAML(String(decoding: bytes, as: UTF8.self))
                    for (key, wrapped) in yaml.object ?? [] where key != "wandb_version" && key != "_wandb" {
                        builder.config.set([key], to: wrapped["value"] ?? wrapped)
                    }
                } catch {
                    let at = YAMLErrorPosition.of(error)
                    context.warn(.wandbMalformedConfig(MLflowYAML.describe(error)), configURL, line: at?.line, column: at?.column)
                }
            } else {
                context.warn(.unreadableFile, configURL)
            }
        }
        let summaryURL = files.child("wandb-summary.json")
        guard FilePaths.exists(summaryURL) else { return }
        guard let value = JSONParser.readFile(summaryURL, context: context, invalid: { .wandbMalformedSummary($0) }) else { return }
        guard case .object = value else {
            return context.warn(.wandbSummaryNotObject, summaryURL, line: 1)
        }
        builder.summary = JSONObjectTree(value)
        builder.lastStep = value["_step"]?.int
        builder.lastTimestamp = value["_timestamp"]?.number
    }
}
