import RunsiteCore

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
        let hash = FNV1a.hash(bytes)
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
