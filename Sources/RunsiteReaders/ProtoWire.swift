/// A minimal protocol-buffers wire-format cursor over borrowed bytes, shared by the TensorBoard and
/// W&B readers.
///
/// Hand-written instead of generated with `protoc` + swift-protobuf because (1) both readers need only
/// a few dozen fields of large schemas, (2) event files hold millions of records, so decoding in place
/// from the file's bytes without allocating message objects matters, and (3) it keeps the build free
/// of the protoc plugin and a runtime dependency. Unknown fields are skipped as the wire format requires.
public struct ProtoWire {
    /// The wire types of protocol buffers (groups, 3 and 4, are obsolete and treated as malformed).
    public enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    /// One decoded field: its number, wire type and where its value is.
    public struct Field {
        public var number: Int
        public var wireType: WireType
        /// The varint value, or the raw bits of a fixed32/fixed64 field.
        public var scalar: UInt64
        /// The payload of a length-delimited field (empty otherwise).
        public var bytes: UnsafeBufferPointer<UInt8>

        public var int64: Int64 { Int64(bitPattern: scalar) }
        public var double: Double { Double(bitPattern: scalar) }
        public var float: Float { Float(bitPattern: UInt32(truncatingIfNeeded: scalar)) }
        /// zig-zag decoded `sint64`.
        public var sint64: Int64 { Int64(bitPattern: (scalar >> 1) ^ (0 &- (scalar & 1))) }
        /// The payload as UTF-8 text (invalid sequences repaired).
        public var string: String { String(decoding: bytes, as: UTF8.self) }
        public var byteArray: [UInt8] { Array(bytes) }
    }

    /// Raised on a field that runs past the end of its message or has an unknown wire type.
    public struct Malformed: Error {
        /// Offset of the bad field within the buffer being decoded.
        public var offset: Int
    }

    private let buffer: UnsafeBufferPointer<UInt8>
    public private(set) var offset = 0

    public init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    public var isAtEnd: Bool { offset >= buffer.count }

    /// The next field, or nil at the end of the message.
    public mutating func next() throws -> Field? {
        guard offset < buffer.count else { return nil }
        let start = offset
        let key = try varint()
        guard let wireType = WireType(rawValue: UInt8(key & 7)), key >> 3 > 0 else { throw Malformed(offset: start) }
        var field = Field(number: Int(key >> 3), wireType: wireType, scalar: 0, bytes: UnsafeBufferPointer(start: nil, count: 0))
        switch wireType {
        case .varint:
            field.scalar = try varint()
        case .fixed64:
            field.scalar = try fixed(8)
        case .fixed32:
            field.scalar = try fixed(4)
        case .lengthDelimited:
            let length = try varint()
            guard length <= UInt64(buffer.count - offset) else { throw Malformed(offset: start) }
            field.bytes = UnsafeBufferPointer(rebasing: buffer[offset..<offset + Int(length)])
            offset += Int(length)
        }
        return field
    }

    /// Calls `body` for every field of the message in `bytes`.
    public static func forEachField(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Field) throws -> Void) throws {
        var wire = ProtoWire(bytes)
        while let field = try wire.next() { try body(field) }
    }

    /// The elements of a repeated numeric field, packed (one length-delimited field) or not.
    /// `width` is 4 or 8 for fixed-size elements and 0 for varints.
    public static func forEachPacked(_ field: Field, width: Int, _ body: (UInt64) -> Void) throws {
        guard field.wireType == .lengthDelimited else { body(field.scalar); return }
        var wire = ProtoWire(field.bytes)
        while !wire.isAtEnd { body(width == 0 ? try wire.varint() : try wire.fixed(width)) }
    }

    mutating func varint() throws -> UInt64 {
        guard let value = Self.varint(buffer, &offset) else { throw Malformed(offset: offset) }
        return value
    }

    /// A varint of at most 10 bytes at `index`, moving `index` past the bytes read; nil when it runs
    /// off the end. Without `throws`, for the one-pass matchers of hot records (`PlainScalarEvent`).
    @inline(__always)
    static func varint(_ buffer: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < buffer.count, shift < 64 {
            let byte = buffer[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    mutating func fixed(_ width: Int) throws -> UInt64 {
        guard buffer.count - offset >= width else { throw Malformed(offset: offset) }
        let result = BufferedFile.littleEndian(buffer, at: offset, width: width)
        offset += width
        return result
    }
}
