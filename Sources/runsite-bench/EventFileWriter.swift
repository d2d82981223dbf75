import Foundation
import RunsiteReaders

/// TensorBoard event files as PyTorch's and tensorboardX's `SummaryWriter.add_scalar` write them:
/// one TFRecord per scalar (`Event{wall_time, step, summary{value{tag, simple_value}}}`),
/// after a first `file_version` event. The protobuf bytes are encoded by hand (a handful of fields).
enum EventFileWriter {
    static func write(name: String, columns: [[Double]], spec: CorpusSpec, into root: URL) throws {
        let dir = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let start = CorpusWriter.startTime(run: Int(name.suffix(4)) ?? 0)
        var out: [UInt8] = []
        out.reserveCapacity(spec.steps * spec.metrics * 64)
        var first: [UInt8] = []
        field(1, double: start, into: &first)
        first.append(0x1a)
        varint(UInt64("brain.Event:2".utf8.count), into: &first)
        first += Array("brain.Event:2".utf8)
        record(first, into: &out)
        var event: [UInt8] = []
        for s in 0..<spec.steps {
            for m in 0..<spec.metrics {
                event.removeAll(keepingCapacity: true)
                field(1, double: start + Double(s), into: &event)
                event.append(0x10)
                varint(UInt64(s), into: &event)
                var value: [UInt8] = [0x0a]
                let tag = Array(CorpusSpec.metricNames[m].utf8)
                varint(UInt64(tag.count), into: &value)
                value += tag
                value.append(0x15)
                withUnsafeBytes(of: Float(columns[m][s]).bitPattern.littleEndian) { value += $0 }
                var summary: [UInt8] = [0x0a]
                varint(UInt64(value.count), into: &summary)
                summary += value
                event.append(0x2a)
                varint(UInt64(summary.count), into: &event)
                event += summary
                record(event, into: &out)
            }
        }
        try Data(out).write(to: dir.appendingPathComponent("events.out.tfevents.\(Int(start)).bench"))
    }

    static func record(_ data: [UInt8], into out: inout [UInt8]) {
        var length: [UInt8] = []
        withUnsafeBytes(of: UInt64(data.count).littleEndian) { length += $0 }
        out += length
        append32(CRC32.mask(CRC32.castagnoli.checksum(length)), into: &out)
        out += data
        append32(CRC32.mask(CRC32.castagnoli.checksum(data)), into: &out)
    }

    static func append32(_ v: UInt32, into out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out += $0 }
    }

    static func field(_ number: UInt8, double: Double, into out: inout [UInt8]) {
        out.append(number << 3 | 1)
        withUnsafeBytes(of: double.bitPattern.littleEndian) { out += $0 }
    }

    static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 { out.append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }
}
