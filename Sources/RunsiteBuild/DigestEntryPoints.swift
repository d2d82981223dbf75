import Foundation
import RunsiteCore

/// Parse these bytes as a run digest, for fuzzing and tests: the real reader, on a scratch folder
/// holding one digest file; the params of the runs it yields are listed, as every page does.
public enum DigestEntryPoints {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-fuzz-digests-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    public static func digest(_ bytes: [UInt8]) {
        let fd = open(folder.appendingPathComponent("run.json").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        bytes.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
        close(fd)
        for project in DigestStore.read([folder], log: DiagnosticLog()) {
            for run in project.runs { _ = run.params.sorted }
        }
    }
}
