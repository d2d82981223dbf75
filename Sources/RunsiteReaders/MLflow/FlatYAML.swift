/// The one shape MLflow writes `meta.yaml` in (`yaml.safe_dump` of a flat dict): `key: value` lines
/// whose values are integers, `''`-quoted strings, plain words, `[]` or `null`. Parsed by hand because a
/// file store holds one such file per run and Yams took a tenth of `export summary`'s time on them.
/// Anything else — floats, booleans, other quoting, nesting, comments, words YAML 1.1 would resolve
/// to something other than a string — returns nil, and the caller parses the file with Yams, so the
/// result is always what Yams gives.
enum FlatYAML {
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        var entries: [(String, JSONValue)] = []
        var seen = Set<String>()
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            guard let (key, value) = entry(bytes[lineStart..<lineEnd]), seen.insert(key).inserted else { return nil }
            entries.append((key, value))
            lineStart = lineEnd + 1
        }
        return entries.isEmpty ? nil : .object(entries)
    }

    private static func entry(_ line: ArraySlice<UInt8>) -> (String, JSONValue)? {
        guard let colon = line.firstIndex(of: 58), colon > line.startIndex else { return nil }
        let key = line[line.startIndex..<colon]
        guard isLetter(key.first!), key.allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
        var rest = line[(colon + 1)...]
        if rest.isEmpty { return (text(key), .null) }
        guard rest.first == 32 else { return nil }
        rest = rest.dropFirst()
        guard let value = scalar(rest) else { return nil }
        return (text(key), value)
    }

    private static func scalar(_ v: ArraySlice<UInt8>) -> JSONValue? {
        guard let first = v.first else { return nil }
        if first == 39 {  // '…' with no quote inside
            guard v.count >= 2, v.last == 39 else { return nil }
            let inner = v.dropFirst().dropLast()
            guard !inner.contains(39), inner.allSatisfy({ $0 >= 32 && $0 != 127 }) else { return nil }
            return .string(text(inner))
        }
        if v.elementsEqual([91, 93]) { return .array([]) }          // []
        if v.elementsEqual("null".utf8) { return .null }
        let digits = first == 45 ? v.dropFirst() : v[...]
        if let d = digits.first, isDigit(d), digits.allSatisfy(isDigit) {
            // "0" or no leading zero (YAML 1.1 reads 0755 as octal), and within Int64.
            guard (d != 48 || digits.count == 1), digits.count <= 18 else { return nil }
            return Int64(text(v)).map { .int($0) }
        }
        guard isLetter(first) || first == 47,
              v.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 46 || $0 == 47 || $0 == 45 || $0 == 58 || $0 == 64 }),
              v.last != 58, !resolvesToNonString(v) else { return nil }
        return .string(text(v))
    }

    /// Plain words that YAML 1.1 reads as booleans or null.
    private static func resolvesToNonString(_ v: ArraySlice<UInt8>) -> Bool {
        let word = String(decoding: v, as: UTF8.self).lowercased()
        return ["y", "n", "yes", "no", "on", "off", "true", "false", "null"].contains(word)
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
