import Foundation

/// A small sweep written into a temporary folder: four runsite runs (two optimizers, two seeds),
/// for report tests. Each run logs `val/loss` and `test/acc` at steps 0, 10, 20.
enum ReportFixture {
    static func make() throws -> URL {
        let input = TestSite.temporaryDirectory("runsite-report")
        let runs: [(String, String, Double, Int, [String], [Double], [Double])] = [
            ("adam-1", "adam", 0.001, 1, ["sweep", "baseline"], [1.0, 0.5, 0.6], [0.5, 0.8, 0.7]),
            ("adam-2", "adam", 0.001, 2, ["sweep"], [1.0, 0.4, 0.45], [0.5, 0.85, 0.9]),
            ("sgd-1", "sgd", 0.1, 1, ["sweep"], [1.2, 0.9, 0.8], [0.4, 0.6, 0.65]),
            ("sgd-2", "sgd", 0.05, 2, ["sweep"], [1.1, 0.7, 0.65], [0.45, 0.7, 0.72]),
        ]
        for (name, optimizer, lr, seed, tags, loss, acc) in runs {
            let dir = input.appendingPathComponent("sweep/" + name)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("confusion"), withIntermediateDirectories: true)
            let tagList = tags.map { "\"\($0)\"" }.joined(separator: ", ")
            try write("{\"name\": \"\(name)\", \"status\": \"finished\", \"tags\": [\(tagList)]}", to: dir.appendingPathComponent("runsite.json"))
            try write("{\"optimizer\": {\"name\": \"\(optimizer)\", \"lr\": \(lr)}, \"seed\": \(seed)}", to: dir.appendingPathComponent("params.json"))
            let lines = loss.indices.map { "{\"step\": \($0 * 10), \"val/loss\": \(loss[$0]), \"test/acc\": \(acc[$0])}" }
            try write(lines.joined(separator: "\n") + "\n", to: dir.appendingPathComponent("metrics.jsonl"))
            try write("{\"labels\": [\"cat\", \"dog\"], \"matrix\": [[8, 2], [1, 9]], \"step\": 20}", to: dir.appendingPathComponent("confusion/val.json"))
        }
        return input
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    /// Writes a report file and returns its path.
    static func report(_ text: String, named name: String = "report.md") throws -> String {
        let url = TestSite.temporaryDirectory("runsite-report-md").appendingPathComponent(name)
        try write(text, to: url)
        return url.path
    }
}
