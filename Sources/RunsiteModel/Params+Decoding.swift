/// Decoding checks that `keys` and `values` name the same params, each once: a digest is untrusted
/// input, and a key without a value would otherwise trap wherever the params are listed.
extension Params {
    private enum Field: String, CodingKey { case keys, values }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Field.self)
        let keys = try container.decode([String].self, forKey: .keys)
        let values = try container.decode([String: ParamValue].self, forKey: .values)
        guard Set(keys).count == keys.count, keys.count == values.count, keys.allSatisfy({ values[$0] != nil }) else {
            throw DecodingError.dataCorruptedError(forKey: .keys, in: container,
                                                   debugDescription: "param keys and values do not name the same params")
        }
        self.init()
        for key in keys { self[key] = values[key] }
    }
}
