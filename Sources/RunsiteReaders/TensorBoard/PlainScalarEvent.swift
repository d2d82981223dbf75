import Foundation

/// An `Event` that holds only a wall time, a step and a summary whose values each hold only a tag and
/// a `simple_value` — what `add_scalar` writes for every point after the first. Recognised straight
/// from the record's bytes so that the common case allocates nothing (see `EventAccumulation`);
/// anything else (metadata, tensors, images, file version, `SessionLog` records, unknown fields) is not one.
struct PlainScalarEvent {
    var wallTime = 0.0
    var step: Int64 = 0
    private var summary = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The summary is in the canonical layout `Canonical` checked: its values can be walked unchecked.
    private var canonical = false

    private init() {}

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let event = Canonical.event(bytes) { self = event; return }
        self.init(general: bytes)
    }

    /// The same decision and values as `init?(_:)`, by the general field-by-field walk (any order).
    init?(general bytes: UnsafeBufferPointer<UInt8>) {
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
        if canonical { Canonical.forEachValue(summary, body) } else { _ = Self.scan(summary, body) }
    }

    /// The byte layout TensorFlow, tensorboardX and PyTorch write for `add_scalar` (fields in number
    /// order, each once): `09` wall time, `10` step, `2a` summary, whose values are each `0a` with a
    /// tag `0a` and a `simple_value` `15`. Matched in one pass over the bytes with no `throw` and no
    /// `Field` values, much cheaper than the general walk; anything else (another
    /// order, a missing or extra field) returns nil and takes the general walk.
    enum Canonical {
        static func event(_ b: UnsafeBufferPointer<UInt8>) -> PlainScalarEvent? {
            let n = b.count
            guard n > 11, b[0] == 0x09, b[9] == 0x10 else { return nil }
            var i = 10
            guard let step = ProtoWire.varint(b, &i), i < n, b[i] == 0x2a else { return nil }
            i += 1
            guard let length = ProtoWire.varint(b, &i), length == UInt64(n - i) else { return nil }
            let summary = UnsafeBufferPointer(rebasing: b[i..<n])
            guard isCanonicalSummary(summary) else { return nil }
            var event = PlainScalarEvent()
            event.wallTime = Double(bitPattern: BufferedFile.littleEndian(b, at: 1, width: 8))
            event.step = Int64(bitPattern: step)
            event.summary = summary
            event.canonical = true
            return event
        }

        /// One or more values, each exactly `0a len (0a taglen tag 15 float32)` with a non-empty tag.
        static func isCanonicalSummary(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            guard !s.isEmpty else { return false }
            while i < s.count {
                guard s[i] == 0x0a else { return false }
                i += 1
                guard let valueLength = ProtoWire.varint(s, &i), valueLength <= UInt64(s.count - i) else { return false }
                let end = i + Int(valueLength)
                guard i < end, s[i] == 0x0a else { return false }
                i += 1
                guard let tagLength = ProtoWire.varint(s, &i), tagLength > 0, UInt64(end - i) == tagLength + 5 else { return false }
                i += Int(tagLength)
                guard s[i] == 0x15 else { return false }
                i = end
            }
            return true
        }

        /// Walks a summary `isCanonicalSummary` accepted.
        static func forEachValue(_ s: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Float) -> Void) {
            var i = 0
            while i < s.count {
                i += 1
                guard let valueLength = ProtoWire.varint(s, &i) else { return }
                let end = i + Int(valueLength)
                i += 1
                guard let tagLength = ProtoWire.varint(s, &i) else { return }
                let tag = UnsafeBufferPointer(rebasing: s[i..<i + Int(tagLength)])
                let bits = UInt32(truncatingIfNeeded: BufferedFile.littleEndian(s, at: end - 4, width: 4))
                body(tag, Float(bitPattern: bits))
                i = end
            }
        }
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
