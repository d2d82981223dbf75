/// A JSON object that W&B records edit key path by key path (config, summary, one history row).
/// Each object level keeps a key index, so setting or removing N keys costs O(N) in all, where
/// editing a `JSONValue.object` pair list costs O(N) per key. Key order is the order of first
/// setting; a removed key that is set again moves to the end.
final class JSONObjectTree {
    /// A value that is not (yet) split into levels: a scalar, an array, or an object set whole.
    /// nil when this level is an object held in `keys` and `children`.
    private var leaf: JSONValue?
    private var keys: [String?] = []          // nil where a key was removed
    private var children: [JSONObjectTree] = []
    private var index: [String: Int] = [:]
    /// Whether `keys` holds a key twice (an object value with duplicate keys was split).
    private var hasDuplicates = false

    init() {}

    init(_ value: JSONValue) { leaf = value }

    /// Sets the value at a key path, creating objects on the way; a non-object on the way is
    /// replaced by an object. An empty path replaces the whole tree.
    func set<Path: Collection<String>>(_ path: Path, to value: JSONValue) {
        var node = self
        for key in path {
            node.split()
            if let i = node.index[key] {
                node = node.children[i]
            } else {
                let child = JSONObjectTree()
                node.append(key, child)
                node = child
            }
        }
        node.replace(with: value)
    }

    /// Removes the value at a key path, if present; a non-object on the way leaves the tree as it is.
    func remove<Path: BidirectionalCollection<String>>(_ path: Path) {
        guard let last = path.last else { return }
        var node = self
        for key in path.dropLast() {
            guard node.isObject else { return }
            node.split()
            guard let i = node.index[key] else { return }
            node = node.children[i]
        }
        guard node.isObject else { return }
        node.split()
        guard let i = node.index.removeValue(forKey: last) else { return }
        node.keys[i] = nil
        if node.hasDuplicates, let next = node.keys[(i + 1)...].firstIndex(of: last) { node.index[last] = next }
    }

    /// The value of a top-level key.
    subscript(key: String) -> JSONValue? {
        if let leaf { return leaf[key] }
        return index[key].map { children[$0].value }
    }

    /// The whole tree as a `JSONValue`.
    var value: JSONValue {
        if let leaf { return leaf }
        var pairs: [(String, JSONValue)] = []
        pairs.reserveCapacity(index.count)
        for (key, child) in zip(keys, children) {
            if let key { pairs.append((key, child.value)) }
        }
        return .object(pairs)
    }

    private var isObject: Bool {
        if case .object? = leaf { return true }
        return leaf == nil
    }

    /// Turns a leaf into one object level (its own children stay leaves); a non-object leaf becomes
    /// an empty object.
    private func split() {
        guard let value = leaf else { return }
        leaf = nil
        for (key, child) in value.object ?? [] { append(key, JSONObjectTree(child)) }
    }

    private func append(_ key: String, _ child: JSONObjectTree) {
        if index[key] == nil { index[key] = keys.count } else { hasDuplicates = true }
        keys.append(key)
        children.append(child)
    }

    private func replace(with value: JSONValue) {
        leaf = value
        keys = []
        children = []
        index = [:]
        hasDuplicates = false
    }
}
