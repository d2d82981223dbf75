import Foundation
import RunsiteCore

/// A small recursive-descent JSON parser over bytes (see `JSONValue` for why it is hand-written).
/// Accepts Python's extensions `NaN`, `Infinity`, `-Infinity`.
public struct JSONParser {
    public struct Failure: Error, Sendable {
        /// Byte offset of the problem within the parsed bytes.
        public var offset: Int
        public var message: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0

    /// Parses one complete JSON document; trailing whitespace is allowed, anything else fails.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, Failure> {
        var parser = JSONParser(bytes: bytes)
        // A UTF-8 byte order mark (Windows editors, PowerShell's Out-File) is not part of the
        // value; Python reads such files with encoding="utf-8-sig".
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.i = 3 }
        do {
            let value = try parser.value()
            parser.skipSpace()
            if parser.i != bytes.count { throw Failure(offset: parser.i, message: "unexpected text after the value") }
            return .success(value)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(offset: 0, message: "invalid JSON"))
        }
    }

    public static func parse(_ bytes: [UInt8]) -> Result<JSONValue, Failure> {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
    }

    private func fail(_ message: String) -> Failure { Failure(offset: i, message: message) }

    private mutating func value() throws -> JSONValue {
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "N"): try literal("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try literal("Infinity"); return .double(.infinity)
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("unexpected end of input") }
        let w = word.utf8Start
        for k in 0..<n where bytes[i + k] != w[k] { throw fail("invalid literal") }
        i += n
    }

    private mutating func object() throws -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= InputLimits.depth else { throw fail("nested deeper than \(InputLimits.depth) levels") }
        i += 1
        var pairs: [(String, JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            i += 1
            pairs.append((key, try value()))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of input") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func array() throws -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= InputLimits.depth else { throw fail("nested deeper than \(InputLimits.depth) levels") }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of input") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func string() throws -> String {
        i += 1
        let start = i
        var simple = true
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if simple {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                break
            }
            if b == UInt8(ascii: "\\") { simple = false; i += 2; continue }
            i += 1
        }
        guard i < bytes.count else { throw fail("unterminated string") }
        return try unescape(start..<i)
    }

    private mutating func unescape(_ range: Range<Int>) throws -> String {
        var out: [UInt8] = []
        var k = range.lowerBound
        var pendingHigh: UInt32?
        while k < range.upperBound {
            let b = bytes[k]
            guard b == UInt8(ascii: "\\") else { out.append(b); k += 1; continue }
            k += 1
            guard k < range.upperBound else { break }
            let e = bytes[k]
            k += 1
            switch e {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "u"):
                guard k + 4 <= range.upperBound,
                      let code = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<k + 4]), as: UTF8.self), radix: 16)
                else { throw Failure(offset: k, message: "invalid \\u escape") }
                k += 4
                if (0xD800..<0xDC00).contains(code) { pendingHigh = code; continue }
                var scalarValue = code
                if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                }
                pendingHigh = nil
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: out.append(e)
            }
        }
        i = range.upperBound + 1
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func number() throws -> JSONValue {
        let start = i
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "I") { try literal("Infinity"); return .double(-.infinity) }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b >= 48 && b <= 57 { i += 1; continue }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                isInteger = false; i += 1; continue
            }
            break
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
        guard !slice.isEmpty else { throw fail("unexpected character") }
        if isInteger, let v = ByteNumber.parseInt(slice) { return .int(v) }
        guard let d = ByteNumber.parseDouble(slice) else { throw Failure(offset: start, message: "invalid number") }
        return .double(d)
    }
}

extension JSONParser {
    /// A whole JSON file, or nil with a warning naming the file (and the line of a syntax error).
    /// - Parameter invalid: the warning for invalid JSON, given the parser's complaint, e.g.
    ///   `{ .malformedJSON(format: "dvclive", $0, consequence: "; summary not read") }`.
    static func readFile(_ url: URL, context: ReaderContext, invalid: (String) -> DiagnosticMessage) -> JSONValue? {
        guard let bytes = ByteReading.contents(of: url) else {
            context.warn(.unreadableFile, url)
            return nil
        }
        switch parse(bytes) {
        case .success(let value): return value
        case .failure(let failure):
            let at = LineCounter.position(at: failure.offset, in: bytes)
            context.warn(invalid(failure.message), url, line: at.line, column: at.column)
            return nil
        }
    }
}
