extension JSONValue {
    /// Sets the value at a key path, creating objects on the way (W&B items address nested config and
    /// summary values by `nested_key` paths). A non-object on the way is replaced by an object.
    mutating func set(_ path: ArraySlice<String>, to value: JSONValue) {
        guard let key = path.first else { self = value; return }
        var pairs = object ?? []
        if let i = pairs.firstIndex(where: { $0.0 == key }) {
            var child = pairs[i].1
            child.set(path.dropFirst(), to: value)
            pairs[i].1 = child
        } else {
            var child = JSONValue.object([])
            child.set(path.dropFirst(), to: value)
            pairs.append((key, child))
        }
        self = .object(pairs)
    }

    /// Removes the value at a key path, if present.
    mutating func remove(_ path: ArraySlice<String>) {
        guard let key = path.first, var pairs = object, let i = pairs.firstIndex(where: { $0.0 == key }) else { return }
        if path.count == 1 {
            pairs.remove(at: i)
        } else {
            var child = pairs[i].1
            child.remove(path.dropFirst())
            pairs[i].1 = child
        }
        self = .object(pairs)
    }

    /// W&B media values (images, tables, histograms, …) are objects with a `_type` key.
    var wandbMediaType: String? { self["_type"]?.string }
}
