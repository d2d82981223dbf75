import RunsiteModel

/// Decodes the hparams plugin's `HParamsPluginData` (`tensorboard/plugins/hparams/plugin_data.proto`):
/// `session_start_info.hparams`
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
                if f.number == 3 { try startInfo(f.bytes, into: &result) }
                if f.number == 4 { try endInfo(f.bytes, into: &result) }
            }
        }
        return result
    }

    /// SessionStartInfo: hparams 1 (map<string, google.protobuf.Value>), start_time_secs 5.
    static func startInfo(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout Result) throws {
        try ProtoWire.forEachField(in: bytes) { f in
            if f.number == 5, f.wireType == .fixed64 { result.startTime = f.double }
            guard f.number == 1, f.wireType == .lengthDelimited else { return }
            var key = ""
            var value = ParamValue.null
            try ProtoWire.forEachField(in: f.bytes) { e in
                guard e.wireType == .lengthDelimited else { return }
                if e.number == 1 { key = e.string }
                if e.number == 2 { value = try protobufValue(e.bytes).paramValue }
            }
            result.params.append((key, value))
        }
    }

    /// SessionEndInfo: status 1 (0 UNKNOWN, 1 SUCCESS, 2 FAILURE, 3 RUNNING), end_time_secs 2.
    static func endInfo(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout Result) throws {
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
    /// Numbers stay doubles, as TensorBoard returns them; structs and lists become JSON values,
    /// kept as one parameter in compact JSON text.
    static func protobufValue(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int = 0) throws -> JSONValue {
        guard depth <= InputLimits.depth else { throw TooDeep() }
        var value = JSONValue.null
        try ProtoWire.forEachField(in: bytes) { f in
            switch (f.number, f.wireType) {
            case (1, _): value = .null
            case (2, .fixed64): value = .double(f.double)
            case (3, .lengthDelimited): value = .string(f.string)
            case (4, .varint): value = .bool(f.scalar != 0)
            case (5, .lengthDelimited): value = try structValue(f.bytes, depth: depth + 1)
            case (6, .lengthDelimited): value = try listValue(f.bytes, depth: depth + 1)
            default: break
            }
        }
        return value
    }

    /// Struct {fields 1: map<string, Value>}.
    static func structValue(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int) throws -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        try ProtoWire.forEachField(in: bytes) { f in
            guard f.number == 1, f.wireType == .lengthDelimited else { return }
            var key = "", value = JSONValue.null
            try ProtoWire.forEachField(in: f.bytes) { e in
                guard e.wireType == .lengthDelimited else { return }
                if e.number == 1 { key = e.string } else if e.number == 2 { value = try protobufValue(e.bytes, depth: depth) }
            }
            pairs.append((key, value))
        }
        return .object(pairs)
    }

    /// ListValue {values 1: repeated Value}.
    static func listValue(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int) throws -> JSONValue {
        var items: [JSONValue] = []
        try ProtoWire.forEachField(in: bytes) { f in
            guard f.number == 1, f.wireType == .lengthDelimited else { return }
            items.append(try protobufValue(f.bytes, depth: depth))
        }
        return .array(items)
    }
}
