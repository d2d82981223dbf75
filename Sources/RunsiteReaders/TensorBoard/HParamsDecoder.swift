import RunsiteModel

/// Decodes the hparams plugin's `HParamsPluginData` (formats.md §2.6): `session_start_info.hparams`
/// become the run's params, `session_end_info.status` its status. The `experiment` message (hparam
/// domains and metric names) adds no values and is ignored.
enum HParamsDecoder {
    /// A `Value` nested deeper than `InputLimits.depth`.
    struct TooDeep: Error {}

    struct Result {
        var params: [(String, ParamValue)] = []
        var status: RunStatus?
        var startTime: Double?
        var endTime: Double?
    }

    static func decode(_ content: [UInt8]) throws -> Result {
        var result = Result()
        try content.withUnsafeBufferPointer { bytes in
            try ProtoWire.forEachField(in: bytes) { f in
                guard f.wireType == .lengthDelimited else { return }
                if f.number == 3 { try sessionStart(f.bytes, into: &result) }
                if f.number == 4 { try sessionEnd(f.bytes, into: &result) }
            }
        }
        return result
    }

    /// SessionStartInfo: hparams 1 (map<string, google.protobuf.Value>), start_time_secs 5.
    static func sessionStart(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout Result) throws {
        try ProtoWire.forEachField(in: bytes) { f in
            if f.number == 5, f.wireType == .fixed64 { result.startTime = f.double }
            guard f.number == 1, f.wireType == .lengthDelimited else { return }
            var key = ""
            var value = ParamValue.null
            try ProtoWire.forEachField(in: f.bytes) { e in
                guard e.wireType == .lengthDelimited else { return }
                if e.number == 1 { key = e.string }
                if e.number == 2 { value = try protobufValue(e.bytes) }
            }
            result.params.append((key, value))
        }
    }

    /// SessionEndInfo: status 1 (0 UNKNOWN, 1 SUCCESS, 2 FAILURE, 3 RUNNING), end_time_secs 2.
    static func sessionEnd(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout Result) throws {
        try ProtoWire.forEachField(in: bytes) { f in
            if f.number == 1, f.wireType == .varint {
                switch f.int64 {
                case 1: result.status = .finished
                case 2: result.status = .failed
                case 3: result.status = .running
                default: result.status = .unknown
                }
            }
            if f.number == 2, f.wireType == .fixed64 { result.endTime = f.double }
        }
    }

    /// `google.protobuf.Value`: null 1, number 2 (double), string 3, bool 4, struct 5, list 6.
    /// Numbers stay doubles, as TensorBoard returns them; structs and lists are kept as compact text.
    static func protobufValue(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int = 0) throws -> ParamValue {
        guard depth <= InputLimits.depth else { throw TooDeep() }
        var value = ParamValue.null
        try ProtoWire.forEachField(in: bytes) { f in
            switch (f.number, f.wireType) {
            case (1, _): value = .null
            case (2, .fixed64): value = .double(f.double)
            case (3, .lengthDelimited): value = .string(f.string)
            case (4, .varint): value = .bool(f.scalar != 0)
            case (5, .lengthDelimited), (6, .lengthDelimited): value = .string(try compact(f.bytes, isList: f.number == 6, depth: depth + 1))
            default: break
            }
        }
        return value
    }

    /// Struct {fields 1: map<string, Value>} or ListValue {values 1: repeated Value} as short text.
    static func compact(_ bytes: UnsafeBufferPointer<UInt8>, isList: Bool, depth: Int) throws -> String {
        var parts: [String] = []
        try ProtoWire.forEachField(in: bytes) { f in
            guard f.number == 1, f.wireType == .lengthDelimited else { return }
            if isList { parts.append(try protobufValue(f.bytes, depth: depth).text); return }
            var key = "", text = "null"
            try ProtoWire.forEachField(in: f.bytes) { e in
                guard e.wireType == .lengthDelimited else { return }
                if e.number == 1 { key = e.string } else if e.number == 2 { text = try protobufValue(e.bytes, depth: depth).text }
            }
            parts.append("\(key): \(text)")
        }
        return isList ? "[" + parts.joined(separator: ", ") + "]" : "{" + parts.joined(separator: ", ") + "}"
    }
}
