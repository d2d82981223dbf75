/// One decoded `Event` (`tensorboard/compat/proto/event.proto`), holding only what runsite shows.
public struct TBEvent {
    public var wallTime: Double = 0
    /// proto3: an absent step means 0.
    public var step: Int64 = 0
    public var fileVersion: String?
    /// `session_log.status` when the event is a SessionLog (1 = START).
    public var logStatus: Int?
    public var hasSummary = false
    public var values: [TBValue] = []
}

/// One `Summary.Value`.
public struct TBValue {
    public enum Payload {
        case none
        case simpleValue(Float)
        case image([UInt8])
        case histogram
        case audio
        case tensor(TBTensor)
    }
    public var tag = ""
    public var nodeName = ""
    public var payload: Payload = .none
    /// Set when the value carries `metadata` (TensorBoard keeps only the first per tag).
    public var metadata: TBMetadata?
}

/// `SummaryMetadata`: the plugin that owns a tag.
public struct TBMetadata {
    public var pluginName = ""
    public var content: [UInt8] = []
    public var dataClass = 0
}

/// The parts of a `TensorProto` runsite reads: the first element as a number (scalars) and the
/// string elements (text, TF2 images).
public struct TBTensor {
    public var dtype = 0
    /// Dimension sizes; empty for a scalar.
    public var shape: [Int64] = []
    /// The first element as TensorBoard would convert it (float32 and half widened to double), if numeric.
    public var firstNumber: Double?
    public var strings: [[UInt8]] = []
}

/// Decodes serialized `Event` messages with `ProtoWire` (see there for why it is hand-written).
/// Only the fields runsite uses are read; graphs, run metadata and histogram buckets are skipped unparsed.
public enum EventDecoder {
    /// - Parameter tags: interns tag strings across the events of a run (see `StringInterner`).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, tags: inout StringInterner) throws -> TBEvent {
        var event = TBEvent()
        try ProtoWire.forEachField(in: bytes) { f in
            switch (f.number, f.wireType) {
            case (1, .fixed64): event.wallTime = f.double
            case (2, .varint): event.step = f.int64
            case (3, .lengthDelimited): event.fileVersion = f.string
            case (5, .lengthDelimited):
                event.hasSummary = true
                try ProtoWire.forEachField(in: f.bytes) { v in
                    if v.number == 1, v.wireType == .lengthDelimited { event.values.append(try value(v.bytes, tags: &tags)) }
                }
            case (7, .lengthDelimited):
                var status = 0
                try ProtoWire.forEachField(in: f.bytes) { s in if s.number == 1, s.wireType == .varint { status = Int(s.int64) } }
                event.logStatus = status
            default: break
            }
        }
        return event
    }

    static func value(_ bytes: UnsafeBufferPointer<UInt8>, tags: inout StringInterner) throws -> TBValue {
        var value = TBValue()
        try ProtoWire.forEachField(in: bytes) { f in
            switch (f.number, f.wireType) {
            case (1, .lengthDelimited): value.tag = tags.string(f.bytes)
            case (7, .lengthDelimited): value.nodeName = tags.string(f.bytes)
            case (2, .fixed32): value.payload = .simpleValue(f.float)
            case (4, .lengthDelimited):
                var png: [UInt8] = []
                try ProtoWire.forEachField(in: f.bytes) { i in if i.number == 4, i.wireType == .lengthDelimited { png = i.byteArray } }
                value.payload = .image(png)
            case (5, .lengthDelimited): value.payload = .histogram
            case (6, .lengthDelimited): value.payload = .audio
            case (8, .lengthDelimited): value.payload = .tensor(try tensor(f.bytes))
            case (9, .lengthDelimited): value.metadata = try metadata(f.bytes)
            default: break
            }
        }
        return value
    }

    static func metadata(_ bytes: UnsafeBufferPointer<UInt8>) throws -> TBMetadata {
        var meta = TBMetadata()
        try ProtoWire.forEachField(in: bytes) { f in
            switch (f.number, f.wireType) {
            case (1, .lengthDelimited):
                try ProtoWire.forEachField(in: f.bytes) { p in
                    guard p.wireType == .lengthDelimited else { return }
                    if p.number == 1 { meta.pluginName = p.string } else if p.number == 2 { meta.content = p.byteArray }
                }
            case (4, .varint): meta.dataClass = Int(f.int64)
            default: break
            }
        }
        return meta
    }

    /// DataType enum values (`tensorboard/compat/proto/types.proto`).
    enum DType {
        static let float = 1, double = 2, int32 = 3, uint8 = 4, int16 = 5, int8 = 6, string = 7, int64 = 9,
                   bool = 10, bfloat16 = 14, uint16 = 17, half = 19, uint32 = 22, uint64 = 23
    }

    static func tensor(_ bytes: UnsafeBufferPointer<UInt8>) throws -> TBTensor {
        var t = TBTensor()
        var content: UnsafeBufferPointer<UInt8>?
        // First element of each typed list, by field number.
        var firstOf = FirstElements()
        try ProtoWire.forEachField(in: bytes) { f in
            switch (f.number, f.wireType) {
            case (1, .varint): t.dtype = Int(f.int64)
            case (2, .lengthDelimited):
                try ProtoWire.forEachField(in: f.bytes) { d in
                    guard d.number == 2, d.wireType == .lengthDelimited else { return }
                    var size: Int64 = 0
                    try ProtoWire.forEachField(in: d.bytes) { s in if s.number == 1, s.wireType == .varint { size = s.int64 } }
                    t.shape.append(size)
                }
            case (4, .lengthDelimited): content = f.bytes
            case (8, .lengthDelimited): t.strings.append(f.byteArray)
            case (5, _), (6, _), (7, _), (10, _), (11, _), (13, _), (16, _), (17, _):
                guard firstOf[f.number] == nil else { return }
                let width = f.number == 5 ? 4 : f.number == 6 ? 8 : 0
                var first: UInt64?
                try ProtoWire.forEachPacked(f, width: width) { if first == nil { first = $0 } }
                if let first { firstOf[f.number] = first }
            default: break
            }
        }
        if let content, !content.isEmpty {
            t.firstNumber = number(fromContent: content, dtype: t.dtype)
        } else {
            t.firstNumber = number(fromLists: firstOf, dtype: t.dtype)
        }
        return t
    }

    /// The first element of `tensor_content` (raw little-endian values) of a numeric dtype.
    static func number(fromContent c: UnsafeBufferPointer<UInt8>, dtype: Int) -> Double? {
        func le(_ width: Int) -> UInt64? { c.count >= width ? BufferedFile.littleEndian(c, at: 0, width: width) : nil }
        switch dtype {
        case DType.float: return le(4).map { Double(Float(bitPattern: UInt32($0))) }
        case DType.double: return le(8).map { Double(bitPattern: $0) }
        case DType.half: return le(2).map { HalfFloat.double(fromHalf: UInt16($0)) }
        case DType.bfloat16: return le(2).map { Double(Float(bitPattern: UInt32($0) << 16)) }
        case DType.int8: return le(1).map { Double(Int8(bitPattern: UInt8($0))) }
        case DType.uint8, DType.bool: return le(1).map { Double($0) }
        case DType.int16: return le(2).map { Double(Int16(bitPattern: UInt16($0))) }
        case DType.uint16: return le(2).map { Double($0) }
        case DType.int32: return le(4).map { Double(Int32(bitPattern: UInt32($0))) }
        case DType.uint32: return le(4).map { Double($0) }
        case DType.int64: return le(8).map { Double(Int64(bitPattern: $0)) }
        case DType.uint64: return le(8).map { Double($0) }
        default: return nil
        }
    }

    /// The first element of the typed list that belongs to `dtype` (`TensorProto` in
    /// `tensorboard/compat/proto/tensor.proto`).
    static func number(fromLists lists: FirstElements, dtype: Int) -> Double? {
        switch dtype {
        case DType.float: return lists[5].map { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) }
        case DType.double: return lists[6].map { Double(bitPattern: $0) }
        case DType.half: return lists[13].map { HalfFloat.double(fromHalf: UInt16(truncatingIfNeeded: $0)) }
        case DType.bfloat16: return lists[13].map { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0) << 16)) }
        case DType.int8, DType.int16, DType.int32:
            return lists[7].map { Double(Int32(truncatingIfNeeded: Int64(bitPattern: $0))) }
        case DType.uint8, DType.uint16: return lists[7].map { Double(UInt32(truncatingIfNeeded: $0)) }
        case DType.int64: return lists[10].map { Double(Int64(bitPattern: $0)) }
        case DType.bool: return lists[11].map { $0 != 0 ? 1 : 0 }
        case DType.uint32: return lists[16].map { Double($0) }
        case DType.uint64: return lists[17].map { Double($0) }
        default: return nil
        }
    }
}

/// The first element of each typed value list of a TensorProto, by field number (5 float_val, 6
/// double_val, 7 int_val, 10 int64_val, 11 bool_val, 13 half_val, 16 uint32_val, 17 uint64_val);
/// stored inline so that decoding a scalar tensor allocates nothing.
struct FirstElements {
    private var values: (UInt64?, UInt64?, UInt64?, UInt64?, UInt64?, UInt64?, UInt64?, UInt64?) =
        (nil, nil, nil, nil, nil, nil, nil, nil)

    subscript(field: Int) -> UInt64? {
        get {
            switch field {
            case 5: return values.0
            case 6: return values.1
            case 7: return values.2
            case 10: return values.3
            case 11: return values.4
            case 13: return values.5
            case 16: return values.6
            case 17: return values.7
            default: return nil
            }
        }
        set {
            switch field {
            case 5: values.0 = newValue
            case 6: values.1 = newValue
            case 7: values.2 = newValue
            case 10: values.3 = newValue
            case 11: values.4 = newValue
            case 13: values.5 = newValue
            case 16: values.6 = newValue
            case 17: values.7 = newValue
            default: break
            }
        }
    }
}
