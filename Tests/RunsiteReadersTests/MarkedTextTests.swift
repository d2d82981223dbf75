import RunsiteTestSupport
import Testing

/// `MarkedText` strips its markers and says where each stood, in lines and UTF-8 byte columns.
@Suite struct MarkedTextTests {
    @Test func markersAreStrippedAndPlaced() {
        let text = MarkedText("a,b\r\n1️⃣0,é2️⃣x\n\n3️⃣")
        #expect(text.text == "a,b\r\n0,éx\n\n")
        #expect(text["1️⃣"] == MarkedText.Position(line: 2, column: 1))
        #expect(text["2️⃣"] == MarkedText.Position(line: 2, column: 5), "é is two bytes")
        #expect(text["3️⃣"] == MarkedText.Position(line: 4, column: 1))
        #expect(text.positions.count == 3)
    }

    @Test func aDigitBeforeAMarkerStaysText() {
        let text = MarkedText("[1,1️⃣,]")
        #expect(text.text == "[1,,]" && text["1️⃣"].column == 4)
    }
}
