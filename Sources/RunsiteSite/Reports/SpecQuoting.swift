/// When a name must be double-quoted in a spec, and how.
enum SpecQuoting {
    /// `val/loss` stays bare; `val loss` becomes `"val loss"`.
    static func name(_ name: String, extraUnsafe: String = "") -> String {
        let unsafe = Set(" \t\",()@<>=!" + extraUnsafe)
        guard name.isEmpty || name.contains(where: { unsafe.contains($0) }) else { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
