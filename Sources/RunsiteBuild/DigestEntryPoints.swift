import Foundation

/// Parse these bytes as a run digest, for fuzzing and tests: the decoder `DigestStore.read` uses,
/// then the run's params listed, as every page lists them.
public enum DigestEntryPoints {
    public static func digest(_ bytes: [UInt8]) {
        guard let digest = try? RunDigest.decoder().decode(RunDigest.self, from: Data(bytes)) else { return }
        _ = digest.run.params.sorted
    }
}
