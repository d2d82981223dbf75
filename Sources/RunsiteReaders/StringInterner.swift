/// Returns one shared `String` for each distinct byte sequence seen. Binary logs repeat the same few
/// keys (TensorBoard tags, W&B history keys) millions of times; interning turns the per-point string
/// decode and allocation into a hash and a byte compare.
public struct StringInterner {
    private var buckets: [UInt64: [(bytes: [UInt8], string: String)]] = [:]
    private var count = 0
    /// Past this many distinct strings (pathological logs with unique keys) new ones are not kept.
    static let limit = 100_000

    public init() {}

    public mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        if let entries = buckets[hash] {
            for entry in entries where entry.bytes.elementsEqual(bytes) { return entry.string }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        if count < Self.limit {
            buckets[hash, default: []].append((Array(bytes), string))
            count += 1
        }
        return string
    }
}
