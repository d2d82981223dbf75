/// Reads the start tags of an HTML page (name, attributes, and the text of `<script>` and `<style>`),
/// enough to check what a page would run or apply: comments and end tags are skipped.
struct HTMLTag {
    var name: String
    var attributes: [(name: String, value: String)]
    /// The raw text of a `<script>` or `<style>` element.
    var text: String

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    static func scan(_ html: String) -> [HTMLTag] {
        var tags: [HTMLTag] = []
        let s = Array(html.unicodeScalars)
        var i = 0
        func at(_ text: String, _ k: Int) -> Bool {
            let t = Array(text.unicodeScalars)
            return k + t.count <= s.count && zip(s[k..<k + t.count], t).allSatisfy { String($0).lowercased() == String($1) }
        }
        func skip(past text: String) { while i < s.count && !at(text, i) { i += 1 }; i = min(s.count, i + text.unicodeScalars.count) }
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if at("<!--", i) { skip(past: "-->"); continue }
            if at("<!", i) || at("</", i) || at("<?", i) { skip(past: ">"); continue }
            i += 1
            var name = ""
            while i < s.count, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "-" || s[i] == ":" { name.unicodeScalars.append(s[i]); i += 1 }
            guard !name.isEmpty else { continue }
            var attributes: [(String, String)] = []
            while i < s.count && s[i] != ">" {
                if s[i] == " " || s[i] == "\n" || s[i] == "\t" || s[i] == "/" { i += 1; continue }
                var key = ""
                while i < s.count, !" \n\t=>/".unicodeScalars.contains(s[i]) { key.unicodeScalars.append(s[i]); i += 1 }
                var value = ""
                if i < s.count && s[i] == "=" {
                    i += 1
                    if i < s.count && (s[i] == "\"" || s[i] == "'") {
                        let quote = s[i]
                        i += 1
                        while i < s.count && s[i] != quote { value.unicodeScalars.append(s[i]); i += 1 }
                        i += 1
                    } else {
                        while i < s.count, !" \n\t>".unicodeScalars.contains(s[i]) { value.unicodeScalars.append(s[i]); i += 1 }
                    }
                }
                if !key.isEmpty { attributes.append((key.lowercased(), value.replacingOccurrences(of: "&amp;", with: "&"))) }
            }
            i += 1
            var text = ""
            let lower = name.lowercased()
            if lower == "script" || lower == "style" {
                while i < s.count && !at("</" + lower, i) { text.unicodeScalars.append(s[i]); i += 1 }
            }
            tags.append(HTMLTag(name: lower, attributes: attributes, text: text))
        }
        return tags
    }
}
