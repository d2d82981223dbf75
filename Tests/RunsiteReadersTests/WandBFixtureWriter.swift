import Foundation
@testable import RunsiteReaders

/// Writes W&B `.wandb` logs for tests (wandb's `sdk/internal/datastore.py`): the 7-byte header, then records split into
/// FULL / FIRST / MIDDLE / LAST chunks over 32 KiB blocks, each chunk checked by CRC-32 of type + data.
struct WandBWrite {
    static let block = 32768
    var bytes: [UInt8] = [0x3A, 0x57, 0x26, 0x42, 0xE1, 0xBE, 0x00]
    /// Offset of the first chunk of each record written, in order.
    var recordOffsets: [Int] = []

    mutating func append(_ record: [UInt8]) {
        var left = record[...]
        var first = true
        while true {
            var space = Self.block - bytes.count % Self.block
            if space < 7 {
                bytes += [UInt8](repeating: 0, count: space)
                space = Self.block
            }
            if first { recordOffsets.append(bytes.count) }
            let room = space - 7
            let part = left.prefix(room)
            left = left.dropFirst(part.count)
            let type: UInt8 = left.isEmpty ? (first ? 1 : 4) : (first ? 2 : 3)
            chunk(type, Array(part))
            first = false
            if left.isEmpty { break }
        }
    }

    mutating func chunk(_ type: UInt8, _ data: [UInt8]) {
        let crc = CRC32.ieee.checksum([type] + data)
        bytes += TBWrite.le32(crc)
        bytes += [UInt8(data.count & 0xFF), UInt8(data.count >> 8), type]
        bytes += data
    }

    // MARK: Records

    static func item(_ path: [String], json: String) -> (inout ProtoOut) -> Void {
        { i in
            if path.count == 1 { i.string(1, path[0]) }
            for p in path where path.count > 1 { i.string(2, p) }
            i.string(16, json)
        }
    }

    static func run(id: String, project: String, name: String, tags: [String] = [], config: [(String, String)] = []) -> [UInt8] {
        var r = ProtoOut()
        r.message(17) { run in
            run.string(1, id)
            run.string(3, project)
            run.message(4) { c in for (k, v) in config { c.message(1, item([k], json: v)) } }
            run.string(8, name)
            for t in tags { run.string(10, t) }
            run.message(17) { ts in ts.int(1, 1_795_000_000); ts.int(2, 500_000_000) }
        }
        return r.bytes
    }

    static func history(step: Int64, _ values: [(String, String)]) -> [UInt8] {
        var r = ProtoOut()
        r.message(2) { h in
            h.message(1, item(["_step"], json: "\(step)"))
            for (k, v) in values { h.message(1, item(k.split(separator: "|").map(String.init), json: v)) }
            h.message(2) { if step != 0 { $0.int(1, step) } }
        }
        return r.bytes
    }

    /// A `stats` record (system metrics) at `seconds` + `nanos`; `type` is stats_type (0 = SYSTEM).
    static func stats(seconds: Int64, nanos: Int64, type: Int64 = 0, _ values: [(String, String)]) -> [UInt8] {
        var r = ProtoOut()
        r.message(7) { st in
            if type != 0 { st.int(1, type) }
            st.message(2) { ts in ts.int(1, seconds); ts.int(2, nanos) }
            for (k, v) in values { st.message(3) { i in i.string(1, k); i.string(16, v) } }
        }
        return r.bytes
    }

    static func exit(code: Int64) -> [UInt8] {
        var r = ProtoOut()
        r.message(18) { if code != 0 { $0.int(1, code) } }
        return r.bytes
    }

    /// A record of a kind runsite ignores (telemetry), padded to `size` bytes to span blocks.
    static func filler(size: Int) -> [UInt8] {
        var r = ProtoOut()
        r.data(11, [UInt8](repeating: 0x41, count: size))
        return r.bytes
    }
}
