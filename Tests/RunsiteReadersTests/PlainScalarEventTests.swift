import Testing
@testable import RunsiteReaders

/// The fast path takes only events of the plain scalar shape; everything else goes to the general decoder.
@Suite struct PlainScalarEventTests {
    func plain(_ bytes: [UInt8]) -> (step: Int64, values: [(String, Float)])? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let event = PlainScalarEvent(buffer) else { return nil }
            var values: [(String, Float)] = []
            event.forEachValue { tag, value in values.append((String(decoding: tag, as: UTF8.self), value)) }
            return (event.step, values)
        }
    }

    @Test func plainScalarsAreTakenInOrder() throws {
        let event = TBWrite.event(wallTime: 1.5, step: 7, values: [TBWrite.simple("loss", 0.25), TBWrite.simple("acc", 0.75)])
        let taken = try #require(plain(event))
        #expect(taken.step == 7)
        #expect(taken.values.map(\.0) == ["loss", "acc"] && taken.values.map(\.1) == [0.25, 0.75])
    }

    @Test func anythingElseIsLeftToTheGeneralDecoder() {
        var withMetadata = ProtoOut()
        withMetadata.string(1, "loss")
        withMetadata.float(2, 1)
        withMetadata.message(9) { m in m.message(1) { $0.string(1, "scalars") } }
        var twoTags = ProtoOut()
        twoTags.string(1, "a")
        twoTags.string(1, "b")
        twoTags.float(2, 1)
        for event in [
            TBWrite.event(wallTime: 1, values: [withMetadata.bytes]),
            TBWrite.event(wallTime: 1, values: [twoTags.bytes]),
            TBWrite.event(wallTime: 1, values: [TBWrite.simple("", 1)]),
            TBWrite.event(wallTime: 1, fileVersion: "brain.Event:2"),
            TBWrite.event(wallTime: 1, sessionStart: true, values: [TBWrite.simple("loss", 1)]),
            TBWrite.event(wallTime: 1, values: [TBWrite.tensor("loss", dtype: 1) { $0.float(5, 1) }]),
            TBWrite.event(wallTime: 1),
        ] {
            #expect(plain(event) == nil)
        }
    }
}
