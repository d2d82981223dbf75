/// Every reader runsite knows, in detection priority order, and lookup by format name.
public enum Readers {
    /// Readers tried on each directory during discovery; the first that claims it wins.
    public static var all: [any RunReader] {
        [
            RunsiteReader(),
            MLflowReader(),
            HydraReader(),
            SacredReader(),
            DVCLiveReader(),
            WandBReader(),
            TensorBoardReader(),
            LightningCSVReader(),
            KerasCSVReader(),
        ]
    }

    /// The reader for a `--format` name, or nil.
    public static func named(_ format: String) -> (any RunReader)? {
        all.first { $0.format == format }
    }

    public static var formatNames: [String] { all.map(\.format) }
}
