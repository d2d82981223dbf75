/// Limits on what run data may ask of a reader; each is listed in docs/security.md with what
/// happens past it. Run folders are untrusted, so none of these may depend on the input.
public enum InputLimits {
    /// How deeply any value may nest: JSON arrays and objects, YAML collections, W&B `nested_key`
    /// paths, protobuf `Value`s in TensorBoard hparams. Recursive decoders stop here rather than
    /// overflow the stack; the value (or file) is skipped with a warning.
    public static let depth = 100

    /// How many nodes YAML aliases may add to a document beyond its own text (one node per byte at
    /// most). An alias repeats its anchor's whole subtree, so a few lines of nested aliases
    /// ("billion laughs") would otherwise expand to billions of nodes.
    public static let yamlAliasNodes = 100_000

    /// SQLite virtual-machine steps a reader may spend on one `mlflow.db` query before it is
    /// interrupted (a view over an endless recursive query would otherwise never finish).
    public static let sqliteSteps: Int64 = 300_000_000

    /// Bytes of memory one SQLite connection may use (its sorter and temporary tables stay in
    /// memory, never in `/var/tmp`); a query past it fails with a warning.
    public static let sqliteHeapBytes: Int64 = 1 << 30
}
