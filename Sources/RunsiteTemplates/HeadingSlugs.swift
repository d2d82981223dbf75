/// Stable `id`s for headings, in document order: lowercase letters and digits joined by hyphens,
/// repeats numbered `-2`, `-3`, …
///
///     ["Loss curves", "Loss curves", "Über α/β"]  →  ["loss-curves", "loss-curves-2", "über-α-β"]
struct HeadingSlugs {
    private var used: Set<String> = []

    /// The slug for the next heading; never one already handed out.
    mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Letters and digits lowercased; every other run of characters becomes one hyphen; "section" when empty.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }
}
