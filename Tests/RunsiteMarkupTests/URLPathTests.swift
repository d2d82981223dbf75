import Foundation
import RunsiteMarkup
import Testing

/// Links built from run names name the file they point to, and a name can never turn a relative
/// link into another scheme, a query or a fragment.
@Suite struct URLPathTests {
    @Test func unreservedCharactersStayAsTheyAre() {
        #expect(URLPath.encodeSegment("Run-1_a.b~c") == "Run-1_a.b~c")
    }

    @Test func everyOtherByteIsPercentEncodedInUppercaseHex() {
        #expect(URLPath.encodeSegment("a b#c?d%e") == "a%20b%23c%3Fd%25e")
        #expect(URLPath.encodeSegment("é") == "%C3%A9")
        #expect(URLPath.encodeSegment("\u{0}\n") == "%00%0A")
        #expect(URLPath.encodeSegment(#"<"'&>"#) == "%3C%22%27%26%3E")
    }

    @Test func aSchemeInANameStaysPartOfThePath() {
        #expect(URLPath.encodeSegment("javascript:alert(1)") == "javascript%3Aalert%281%29")
        #expect(URLPath.encode("javascript:alert(1)/x.html") == "javascript%3Aalert%281%29/x.html")
    }

    @Test func aSlashInsideASegmentIsEncodedButPathsKeepTheirSlashes() {
        #expect(URLPath.encodeSegment("a/b") == "a%2Fb")
        #expect(URLPath.encode("p/run 1/index.html") == "p/run%201/index.html")
        #expect(URLPath.encode("/a//b/") == "/a//b/")
        #expect(URLPath.encode("") == "")
    }

    @Test func upClimbsOneFolderPerLevel() {
        #expect(URLPath.up(0) == "")
        #expect(URLPath.up(3) == "../../../")
    }

    @Test func encodedPathsDecodeToTheNamesGiven() {
        for name in ["a b", "50% done?.csv", "x#y", "日本語", "🙂", "%41", "a+b", "a;b=c"] {
            #expect(URLPath.encodeSegment(name).removingPercentEncoding == name)
        }
    }
}
