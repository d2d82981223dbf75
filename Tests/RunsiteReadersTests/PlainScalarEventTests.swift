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
            TBWrite.event(wallTime: 1, startRecord: true, values: [TBWrite.simple("loss", 1)]),
            TBWrite.event(wallTime: 1, values: [TBWrite.tensor("loss", dtype: 1) { $0.float(5, 1) }]),
            TBWrite.event(wallTime: 1),
        ] {
            #expect(plain(event) == nil)
        }
    }
}

/// The one-pass matcher of the canonical layout decides and decodes exactly as the general walk does.
@Suite struct CanonicalScalarEventTests {
    func decoded(_ bytes: [UInt8], general: Bool) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let event = general ? PlainScalarEvent(general: buffer) : PlainScalarEvent(buffer) else { return nil }
            var out = "\(event.wallTime.bitPattern) \(event.step)"
            event.forEachValue { tag, value in out += " \(String(decoding: tag, as: UTF8.self))=\(value.bitPattern)" }
            return out
        }
    }

    @Test func canonicalEventsMatchTheGeneralWalk() {
        let events: [[UInt8]] = [
            TBWrite.event(wallTime: 1.5, step: 7, values: [TBWrite.simple("loss", 0.25)]),
            TBWrite.event(wallTime: 1.7e9, step: -3, values: [TBWrite.simple("a", .nan), TBWrite.simple("b/c", -.infinity)]),
            TBWrite.event(wallTime: 0, step: 1 << 40, values: [TBWrite.simple(String(repeating: "x", count: 300), 1e-30)]),
        ]
        for event in events {
            #expect(event.withUnsafeBufferPointer { PlainScalarEvent.Canonical.event($0) } != nil, "takes the one-pass path")
            #expect(decoded(event, general: false) != nil)
            #expect(decoded(event, general: false) == decoded(event, general: true))
        }
    }

    /// Every prefix and every single-byte change of a canonical event: both paths agree on whether it
    /// is plain and on what it holds (the matcher never accepts what the walk would read differently).
    @Test func damagedEventsAreDecidedAlike() {
        let event = TBWrite.event(wallTime: 2.5, step: 300, values: [TBWrite.simple("loss", 0.5), TBWrite.simple("acc", 0.75)])
        var variants: [[UInt8]] = (0..<event.count).map { Array(event[0..<$0]) }
        for i in event.indices {
            for delta: UInt8 in [1, 0x80, 0xff] {
                var changed = event
                changed[i] &+= delta
                variants.append(changed)
            }
        }
        for variant in variants {
            let fast = decoded(variant, general: false), general = decoded(variant, general: true)
            #expect(fast == general, "\(variant)")
        }
    }
}
