import ArgumentParser

/// `--minimize` and `--maximize`: which metrics are objectives, and which way is better, where the
/// names alone do not say (loss-like names are minimised, score-like names maximised, the rest unmarked).
struct ObjectiveFlags: ParsableArguments {
    @Option(name: .customLong("minimize"), help: "Glob of metrics whose best value is the minimum (repeatable); by default loss-like names are minimised, score-like names (acc, f1, bleu, …) maximised, and other metrics are not marked.")
    var minimize: [String] = []

    @Option(name: .customLong("maximize"), help: "Glob of metrics whose best value is the maximum (repeatable).")
    var maximize: [String] = []
}
