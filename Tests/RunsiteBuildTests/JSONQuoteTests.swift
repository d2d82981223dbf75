import Foundation
import RunsiteCore
import Testing

/// JSON string literals read back as the text written, whichever path (whole or escaped) wrote them.
@Suite struct JSONQuoteTests {
    @Test func quotedTextReadsBack() throws {
        var samples = ["", "plain/path/run-0001.json", "é ü ✓ 日本", "a\"b", "back\\slash", "tab\tnew\nline\r",
                       "\u{1}\u{1f}", "line\u{2028}sep\u{2029}x", "emoji 🎉 and \u{7f}", "€ sign (E2 82 AC)"]
        var state: UInt64 = 7
        for _ in 0..<200 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let pick = [0x22, 0x5C, 0x0A, 0x01, 0x41, 0x7A, 0x2028, 0x2029, 0xE9, 0x20AC, 0x1F600, 0x2F][Int(state >> 60) % 12]
                scalars.append(Unicode.Scalar(UInt32(pick))!)
            }
            samples.append(String(scalars))
        }
        for text in samples {
            var out = ""
            JSONWriter.quote(text, into: &out)
            let read = try JSONSerialization.jsonObject(with: Data(("[" + out + "]").utf8)) as? [String]
            #expect(read == [text], "\(out)")
            #expect(!out.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0.value < 0x20 })
        }
        var plain = ""
        JSONWriter.quote("runs/a-b_c.json", into: &plain)
        #expect(plain == "\"runs/a-b_c.json\"")
    }
}
