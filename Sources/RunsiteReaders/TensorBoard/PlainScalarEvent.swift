import Foundation

/// An `Event` that holds only a wall time, a step and a summary whose values each hold only a tag and
/// a `simple_value` — what `add_scalar` writes for every point after the first. Recognised straight
/// from the record's bytes so that the common case allocates nothing (see `EventAccumulation`);
/// anything else (metadata, tensors, images, file version, session log, unknown fields) is not one.
struct PlainScalarEvent {
    var wallTime = 0.0
    var step: Int64 = 0
    private var summary = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var sawSummary = false
        var wire = ProtoWire(bytes)
        do {
            while let f = try wire.next() {
                switch (f.number, f.wireType) {
                case (1, .fixed64): wallTime = f.double
                case (2, .varint): step = f.int64
                case (5, .lengthDelimited):
                    guard !sawSummary else { return nil }
                    sawSummary = true
                    summary = f.bytes
                default: return nil
                }
            }
        } catch { return nil }
        guard sawSummary, Self.scan(summary, { _, _ in }) else { return nil }
    }

    /// Each value's tag bytes and float, in order (valid only during the call).
    func forEachValue(_ body: (UnsafeBufferPointer<UInt8>, Float) -> Void) {
        _ = Self.scan(summary, body)
    }

    /// Walks the summary's values; false (after calling `body` for none or some) when one is not plain.
    private static func scan(_ summary: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Float) -> Void) -> Bool {
        var values = ProtoWire(summary)
        do {
            while let v = try values.next() {
                guard v.number == 1, v.wireType == .lengthDelimited else { return false }
                var tag: UnsafeBufferPointer<UInt8>?
                var value: Float?
                var fields = ProtoWire(v.bytes)
                while let f = try fields.next() {
                    switch (f.number, f.wireType) {
                    case (1, .lengthDelimited) where tag == nil: tag = f.bytes
                    case (2, .fixed32) where value == nil: value = f.float
                    default: return false
                    }
                }
                guard let tag, !tag.isEmpty, let value else { return false }
                body(tag, value)
            }
        } catch { return false }
        return true
    }
}

/// Finds a run's series by the tag's bytes without making a `String`: tags come round-robin, so the
/// slot after the last one found is tried first, then every slot (runs have a handful of tags).
struct TagSlots {
    private var slots: [(bytes: [UInt8], index: Int)] = []
    private var last = -1

    mutating func index(of tag: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !slots.isEmpty else { return nil }
        let guess = last + 1 < slots.count ? last + 1 : 0
        if Self.equal(slots[guess].bytes, tag) { last = guess; return slots[guess].index }
        for k in slots.indices where k != guess && Self.equal(slots[k].bytes, tag) {
            last = k
            return slots[k].index
        }
        return nil
    }

    /// Slots kept at most; a log with more distinct tags takes the interner's hash lookup for the rest.
    static let limit = 64

    mutating func add(_ tag: UnsafeBufferPointer<UInt8>, index: Int) {
        guard slots.count < Self.limit else { return }
        slots.append((Array(tag), index))
        last = slots.count - 1
    }

    private static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
    }
}
