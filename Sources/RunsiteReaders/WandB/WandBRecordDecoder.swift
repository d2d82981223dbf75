/// The `wandb_internal.Record` kinds runsite uses (wandb's `proto/wandb_internal.proto`; field numbers checked against
/// `wandb/proto/wandb_internal_pb2` of wandb 0.31.0). Everything else decodes to `.other`.
enum WandBRecord {
    case run(WandBRunInfo)
    case history(items: [WandBItem], step: Int64?)
    case summary(update: [WandBItem], remove: [[String]])
    case config(update: [WandBItem], remove: [[String]])
    case exit(code: Int64, runtime: Int64)
    case preempting
    case environment(username: String?, email: String?)
    /// StatsRecord of stats_type SYSTEM (0): one sample of system metrics at `time` (Unix seconds).
    case stats(items: [WandBItem], time: Double?)
    case other
}

/// One key/value item of a history, summary or config record. `path` is `nested_key` when non-empty,
/// else `[key]`; `value` is the parsed `value_json` (nil when it is not valid JSON, see `raw`).
struct WandBItem {
    var path: [String] = []
    var value: JSONValue?
    var raw = ""
}

/// `RunRecord`: the run's identity and initial config and summary.
struct WandBRunInfo {
    var runID = "", entity = "", project = "", displayName = "", notes = "", group = "", jobType = ""
    var host = "", sweepID = ""
    var tags: [String] = []
    var startTime: Double?
    var config: [WandBItem] = []
    var summary: [WandBItem] = []
}

/// Decodes one serialized `Record` with `ProtoWire` (see there for why it is hand-written).
enum WandBRecordDecoder {
    /// - Parameter keys: interns item keys across the records of a run (see `StringInterner`).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, keys: inout StringInterner) throws -> WandBRecord {
        var result = WandBRecord.other
        try ProtoWire.forEachField(in: bytes) { f in
            guard f.wireType == .lengthDelimited else { return }
            switch f.number {
            case 2: result = try history(f.bytes, keys: &keys)
            case 3: let (u, r) = try updates(f.bytes, keys: &keys); result = .summary(update: u, remove: r)
            case 5: let (u, r) = try updates(f.bytes, keys: &keys); result = .config(update: u, remove: r)
            case 17: result = .run(try run(f.bytes, keys: &keys))
            case 18:
                var code: Int64 = 0, runtime: Int64 = 0
                try ProtoWire.forEachField(in: f.bytes) { e in
                    guard e.wireType == .varint else { return }
                    if e.number == 1 { code = Int64(Int32(truncatingIfNeeded: e.int64)) }
                    if e.number == 2 { runtime = Int64(Int32(truncatingIfNeeded: e.int64)) }
                }
                result = .exit(code: code, runtime: runtime)
            case 7: result = try stats(f.bytes, keys: &keys)
            case 23: result = .preempting
            case 26:
                var username: String?, email: String?
                try ProtoWire.forEachField(in: f.bytes) { e in
                    guard e.wireType == .lengthDelimited else { return }
                    if e.number == 13 { username = e.string }
                    if e.number == 10 { email = e.string }
                }
                result = .environment(username: username, email: email)
            default: break
            }
        }
        return result
    }

    /// HistoryRecord: item 1 (repeated), step 2 {num 1}.
    static func history(_ bytes: UnsafeBufferPointer<UInt8>, keys: inout StringInterner) throws -> WandBRecord {
        var items: [WandBItem] = []
        var step: Int64?
        try ProtoWire.forEachField(in: bytes) { f in
            guard f.wireType == .lengthDelimited else { return }
            if f.number == 1 { items.append(try item(f.bytes, keys: &keys)) }
            if f.number == 2 {
                step = 0  // an empty `step {}` means 0
                try ProtoWire.forEachField(in: f.bytes) { s in if s.number == 1, s.wireType == .varint { step = s.int64 } }
            }
        }
        return .history(items: items, step: step)
    }

    /// StatsRecord: stats_type 1 (only 0, SYSTEM, is defined; others are skipped), timestamp 2 (a
    /// google.protobuf.Timestamp), item 3 (repeated {key 1, value_json 16}).
    static func stats(_ bytes: UnsafeBufferPointer<UInt8>, keys: inout StringInterner) throws -> WandBRecord {
        var items: [WandBItem] = []
        var time: Double?
        var type: UInt64 = 0
        try ProtoWire.forEachField(in: bytes) { f in
            switch (f.number, f.wireType) {
            case (1, .varint): type = f.scalar
            case (2, .lengthDelimited): time = try timestamp(f.bytes)
            case (3, .lengthDelimited): items.append(try item(f.bytes, keys: &keys))
            default: break
            }
        }
        return type == 0 ? .stats(items: items, time: time) : .other
    }

    /// A google.protobuf.Timestamp {seconds 1, nanos 2} as Unix seconds.
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Double {
        var seconds: Int64 = 0, nanos: Int64 = 0
        try ProtoWire.forEachField(in: bytes) { t in
            guard t.wireType == .varint else { return }
            if t.number == 1 { seconds = t.int64 } else if t.number == 2 { nanos = Int64(Int32(truncatingIfNeeded: t.int64)) }
        }
        return Double(seconds) + Double(nanos) / 1e9
    }

    /// ConfigRecord / SummaryRecord: update 1, remove 2 (both repeated items).
    static func updates(_ bytes: UnsafeBufferPointer<UInt8>, keys: inout StringInterner) throws -> ([WandBItem], [[String]]) {
        var update: [WandBItem] = [], remove: [[String]] = []
        try ProtoWire.forEachField(in: bytes) { f in
            guard f.wireType == .lengthDelimited else { return }
            if f.number == 1 { update.append(try item(f.bytes, keys: &keys)) }
            if f.number == 2 { remove.append(try item(f.bytes, keys: &keys).path) }
        }
        return (update, remove)
    }

    /// HistoryItem / ConfigItem / SummaryItem: key 1, nested_key 2, value_json 16; history items may
    /// instead carry a typed value (none 3, boolean 4, integer 5 sint64, number 6, text 7, json 8).
    static func item(_ bytes: UnsafeBufferPointer<UInt8>, keys: inout StringInterner) throws -> WandBItem {
        var item = WandBItem()
        var key = ""
        var nested: [String] = []
        var typed: JSONValue?
        var json: UnsafeBufferPointer<UInt8>?
        try ProtoWire.forEachField(in: bytes) { f in
            switch (f.number, f.wireType) {
            case (1, .lengthDelimited): key = keys.string(f.bytes)
            case (2, .lengthDelimited): nested.append(keys.string(f.bytes))
            case (3, .varint): typed = .null
            case (4, .varint): typed = .bool(f.scalar != 0)
            case (5, .varint): typed = .int(f.sint64)
            case (6, .fixed64): typed = .double(f.double)
            case (7, .lengthDelimited): typed = .string(f.string)
            case (8, .lengthDelimited), (16, .lengthDelimited): json = f.bytes
            default: break
            }
        }
        item.path = nested.isEmpty ? [key] : nested
        if let json, !json.isEmpty {
            if case .success(let v) = JSONParser.parse(json) { item.value = v } else { item.raw = String(decoding: json, as: UTF8.self) }
        } else {
            item.value = typed
        }
        return item
    }

    /// RunRecord fields (see `WandBRunInfo`); start_time 17 is a google.protobuf.Timestamp.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, keys: inout StringInterner) throws -> WandBRunInfo {
        var info = WandBRunInfo()
        try ProtoWire.forEachField(in: bytes) { f in
            guard f.wireType == .lengthDelimited else { return }
            switch f.number {
            case 1: info.runID = f.string
            case 2: info.entity = f.string
            case 3: info.project = f.string
            case 4: info.config = try updates(f.bytes, keys: &keys).0
            case 5: info.summary = try updates(f.bytes, keys: &keys).0
            case 6: info.group = f.string
            case 7: info.jobType = f.string
            case 8: info.displayName = f.string
            case 9: info.notes = f.string
            case 10: info.tags.append(f.string)
            case 12: info.sweepID = f.string
            case 13: info.host = f.string
            case 17: info.startTime = try timestamp(f.bytes)
            default: break
            }
        }
        return info
    }
}
