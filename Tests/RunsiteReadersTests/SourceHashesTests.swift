import Crypto
import Foundation
import RunsiteReaders
import Testing

/// Files read whole by the byte readers are hashed on the way; partly read files are not.
@Suite struct SourceHashesTests {
    /// A temporary file of `size` pseudo-random bytes with line breaks, bigger than one read block when asked.
    func file(size: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-hash-\(UUID().uuidString).txt")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<size).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let b = UInt8(truncatingIfNeeded: state >> 56)
            return b % 17 == 0 ? 10 : b
        }
        try Data(bytes).write(to: url)
        return url
    }

    func expected(_ url: URL) throws -> String {
        SHA256.hash(data: try Data(contentsOf: url)).map { String(format: "%02x", $0) }.joined()
    }

    @Test(arguments: [0, 1, 5000, 3 << 20])
    func everyWholeReadIsHashedLikeTheFile(size: Int) throws {
        let url = try file(size: size)
        defer { try? FileManager.default.removeItem(at: url) }
        let want = try expected(url)
        #expect(ArtifactScanner.sha256(of: url) == want)

        let whole = SourceHashes()
        SourceHashes.$current.withValue(whole) { _ = ByteReading.contents(of: url) }
        #expect(whole.sha256(ofPath: url.path) == want)

        let lines = SourceHashes()
        SourceHashes.$current.withValue(lines) { ByteReading.forEachLine(in: url) { _, _ in } }
        #expect(lines.sha256(ofPath: url.path) == want)

        let buffered = SourceHashes()
        try SourceHashes.$current.withValue(buffered) {
            let reader = try #require(BufferedFile(url: url, chunkSize: 4096))
            while reader.skip(1000) {}
        }
        #expect(buffered.sha256(ofPath: url.path) == want)
    }

    @Test func aFileReadInPartOrWithoutARecorderIsNotHashed() throws {
        let url = try file(size: 100_000)
        defer { try? FileManager.default.removeItem(at: url) }
        let partial = SourceHashes()
        try SourceHashes.$current.withValue(partial) {
            let reader = try #require(BufferedFile(url: url, chunkSize: 4096))
            _ = reader.skip(10)
        }
        #expect(partial.sha256(ofPath: url.path) == nil)
        #expect(SourceHashes.current == nil)
        _ = ByteReading.contents(of: url)   // no recorder bound: nothing to record, nothing breaks
    }
}
