import RunsiteModel

/// Four small runs for selector and table tests: two optimizers, two seeds each.
enum SampleRuns {
    static func run(_ name: String, optimizer: String, lr: Double, seed: Int, tags: [String], status: RunStatus = .finished,
                    valLoss: [Double], testAcc: [Double]) -> Run {
        var run = Run(id: RunID("runs/" + name), source: "runsite", project: "demo", name: name, directory: "/tmp/" + name)
        run.status = status
        run.tags = tags
        run.params["optimizer.name"] = .string(optimizer)
        run.params["optimizer.lr"] = .double(lr)
        run.params["seed"] = .int(Int64(seed))
        var loss = MetricSeries(key: "val/loss")
        var acc = MetricSeries(key: "test/acc")
        for (i, v) in valLoss.enumerated() { loss.append(step: Int64(i * 10), value: v) }
        for (i, v) in testAcc.enumerated() { acc.append(step: Int64(i * 10), value: v) }
        run.metrics = [loss, acc]
        return run
    }

    static let all: [Run] = [
        run("adam-1", optimizer: "adam", lr: 0.001, seed: 1, tags: ["sweep", "baseline"], valLoss: [1.0, 0.5, 0.6], testAcc: [0.5, 0.8, 0.7]),
        run("adam-2", optimizer: "adam", lr: 0.001, seed: 2, tags: ["sweep"], valLoss: [1.0, 0.4, 0.45], testAcc: [0.5, 0.85, 0.9]),
        run("sgd-1", optimizer: "sgd", lr: 0.1, seed: 1, tags: ["sweep"], status: .failed, valLoss: [1.2, 0.9], testAcc: [0.4, 0.6]),
        run("sgd-2", optimizer: "sgd", lr: 0.05, seed: 2, tags: ["sweep"], valLoss: [1.1, 0.7, 0.65], testAcc: [0.45, 0.7, 0.72]),
    ]

    static func names(_ indices: [Int]) -> [String] { indices.map { all[$0].name } }
}
