/// A malformed selector or column spec: what is wrong and where, as a UTF-8 byte offset into the
/// spec text (so that a directive can turn it into `file:line:col`).
struct SpecError: Error, Equatable {
    /// A stable diagnostic id such as `report.malformed-selector`.
    var id: String
    /// A lowercase sentence without a final period.
    var message: String
    /// 0-based UTF-8 offset of the offending text in the spec.
    var offset: Int

    init(_ id: String, _ message: String, at offset: Int) {
        self.id = id
        self.message = message
        self.offset = offset
    }
}
