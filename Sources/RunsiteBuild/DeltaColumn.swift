/// A column of 64-bit words that change little from one point to the next (steps, wall times,
/// epochs) as the zig-zag LEB128 varints of their wrapping differences, prefixed by its byte length.
///
/// Steps that grow by one to a few thousand take one or two bytes instead of eight, and wall times
/// (whose bit patterns grow by a few million per second) three or four, so a cache digest is about
/// half the size. Lossless for every word: the differences wrap, so any `Int64` and any `Double`
/// bit pattern (NaN payloads too) comes back as it was. Written by hand because it is a dozen
/// lines on the hot path of every cache write and read.
enum DeltaColumn {
    static func append(_ words: UnsafeBufferPointer<UInt64>, to out: inout [UInt8]) {
        let lengthAt = out.count
        DigestColumns.append(UInt32(0), to: &out)
        var previous: UInt64 = 0
        for word in words {
            let delta = Int64(bitPattern: word &- previous)
            previous = word
            var zigzag = UInt64(bitPattern: (delta << 1) ^ (delta >> 63))
            while zigzag >= 0x80 {
                out.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
                zigzag >>= 7
            }
            out.append(UInt8(zigzag))
        }
        let length = UInt32(out.count - lengthAt - 4).littleEndian
        withUnsafeBytes(of: length) { for (i, byte) in $0.enumerated() { out[lengthAt + i] = byte } }
    }

    static func append(_ column: [Int64], to out: inout [UInt8]) {
        column.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt64.self) { append($0, to: &out) } }
    }

    static func append(_ column: [Double], to out: inout [UInt8]) {
        column.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt64.self) { append($0, to: &out) } }
    }
}

extension DigestColumns.Reader {
    /// `n` words of a `DeltaColumn`; nil when the bytes end early, hold more or fewer than `n`
    /// varints, or a varint runs past ten bytes.
    mutating func deltaColumn<T>(_ n: Int, _ type: T.Type) -> [T]? {
        guard MemoryLayout<T>.size == 8, let length = uint32(), n >= 0, at + length <= bytes.count else { return nil }
        let end = at + length
        var position = at
        var failed = false
        let words = bytes.withUnsafeBufferPointer { raw in
            [T](unsafeUninitializedCapacity: n) { buffer, count in
                let out = UnsafeMutableRawBufferPointer(buffer)
                var previous: UInt64 = 0
                for i in 0..<n {
                    var zigzag: UInt64 = 0, shift: UInt64 = 0
                    while true {
                        guard position < end, shift < 64 else { failed = true; return }
                        let byte = raw[position]
                        position += 1
                        zigzag |= UInt64(byte & 0x7F) << shift
                        if byte < 0x80 { break }
                        shift += 7
                    }
                    let delta = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
                    previous = previous &+ UInt64(bitPattern: delta)
                    out.storeBytes(of: previous, toByteOffset: 8 * i, as: UInt64.self)
                    count = i + 1
                }
            }
        }
        guard !failed, words.count == n, position == end else { return nil }
        at = end
        return words
    }

    /// Steps over a `DeltaColumn` without decoding it.
    mutating func skipDeltaColumn() -> Bool {
        guard let length = uint32() else { return false }
        return skip(length)
    }
}
