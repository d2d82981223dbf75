import Foundation
@testable import RunsiteReaders

/// A temporary directory removed when the value is released.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Creates `path` (and its parents) holding `bytes`; returns its URL.
    @discardableResult
    func write(_ path: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }
}

/// A tiny protobuf encoder, enough to synthesise Event and W&B Record messages in tests.
struct ProtoOut {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func key(_ field: Int, _ wire: Int) { varint(UInt64(field << 3 | wire)) }
    mutating func int(_ field: Int, _ v: Int64) { key(field, 0); varint(UInt64(bitPattern: v)) }
    mutating func double(_ field: Int, _ v: Double) { key(field, 1); fixed(v.bitPattern, 8) }
    mutating func float(_ field: Int, _ v: Float) { key(field, 5); fixed(UInt64(v.bitPattern), 4) }
    mutating func fixed(_ v: UInt64, _ width: Int) { for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) } }
    mutating func data(_ field: Int, _ b: [UInt8]) { key(field, 2); varint(UInt64(b.count)); bytes += b }
    mutating func string(_ field: Int, _ s: String) { data(field, Array(s.utf8)) }
    mutating func message(_ field: Int, _ build: (inout ProtoOut) -> Void) {
        var inner = ProtoOut()
        build(&inner)
        data(field, inner.bytes)
    }
}

/// Writes TensorBoard event files for tests, as `TensorBoardReader` reads them.
enum TBWrite {
    /// One TFRecord: length, masked CRC32C of length, data, masked CRC32C of data.
    static func record(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let length = UInt64(data.count)
        let lengthBytes = (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
        out += lengthBytes
        out += le32(CRC32.mask(CRC32.castagnoli.checksum(lengthBytes)))
        out += data
        out += le32(CRC32.mask(CRC32.castagnoli.checksum(data)))
        return out
    }

    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * UInt32($0))) } }

    /// An Event; `values` are serialized Summary.Value messages.
    static func event(wallTime: Double, step: Int64 = 0, fileVersion: String? = nil, startRecord: Bool = false,
                      values: [[UInt8]] = []) -> [UInt8] {
        var e = ProtoOut()
        e.double(1, wallTime)
        if step != 0 { e.int(2, step) }
        if let fileVersion { e.string(3, fileVersion) }
        if !values.isEmpty { e.message(5) { s in for v in values { s.data(1, v) } } }
        if startRecord { e.message(7) { $0.int(1, 1) } }
        return e.bytes
    }

    static func simple(_ tag: String, _ value: Float) -> [UInt8] {
        var v = ProtoOut()
        v.string(1, tag)
        v.float(2, value)
        return v.bytes
    }

    /// A scalar tensor value. `build` fills the TensorProto after its dtype.
    static func tensor(_ tag: String, dtype: Int, plugin: String? = "scalars", _ build: (inout ProtoOut) -> Void) -> [UInt8] {
        var v = ProtoOut()
        v.string(1, tag)
        v.message(8) { t in t.int(1, Int64(dtype)); t.message(2) { _ in }; build(&t) }
        if let plugin { v.message(9) { m in m.message(1) { $0.string(1, plugin) }; m.int(4, 1) } }
        return v.bytes
    }

    /// A file made of the given events, each framed as a record.
    static func file(_ events: [[UInt8]]) -> [UInt8] { events.flatMap(record) }
}
