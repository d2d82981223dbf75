import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteTestSupport
import Testing
@testable import RunsiteReaders

/// `dvc.yaml` paths that no run covers, and stage outputs missing from the workspace.
@Suite struct DVCCoverageTests {
    func live(_ tree: TempTree, _ path: String) {
        tree.write("\(path)/metrics.json", #"{"acc": 0.5}"#)
        tree.write("\(path)/plots/metrics/acc.tsv", "step\tacc\n0\t0.5\n")
    }

    @Test func missingPathBesideCoveredOnesIsWarnedOnce() throws {
        let tree = TempTree()
        tree.write("p/dvc.yaml", """
            metrics:
            - live/metrics.json
            - old/metrics.json
            - more/metrics.json
            plots:
            - old/plots/metrics: {x: step}
            """)
        live(tree, "p/live")
        live(tree, "p/more")
        let (runs, log) = tree.read()
        #expect(runs.map(\.id) == ["p/live", "p/more"])
        let warnings = log.sorted.filter { $0.id == "reader.dvc.uncovered-path" }
        #expect(warnings.map { $0.location?.line } == [3, 6], "\(log.summaryText)")
        #expect(warnings.allSatisfy { $0.location?.file.hasSuffix("p/dvc.yaml") == true })
        #expect(warnings.first?.message == "metrics path 'old/metrics.json' does not exist, so no run is read from it")
        #expect(log.count == 2, "\(log.summaryText)")
    }

    @Test func pathHoldingNoDVCLiveRun() throws {
        let tree = TempTree()
        let yaml = MarkedText("metrics:\n- dvclive/metrics.json\n- 1️⃣eval/scores.json\n")
        tree.write("p/dvc.yaml", yaml.text)
        live(tree, "p/dvclive")
        tree.write("p/eval/scores.json", #"{"f1": 0.5}"#)
        let (_, log) = tree.read()
        let warnings = log.warnings("reader.dvc.uncovered-path", file: "p/dvc.yaml", line: yaml["1️⃣"].line)
        #expect(warnings.count == 1, "\(log.summaryText)")
        #expect(warnings.first?.message.contains("'eval/scores.json' holds no DVCLive run") == true)
    }

    /// No declared path is a run, so no run would read the file: the project folder is claimed for it,
    /// and the runs below are still found, with the same ids.
    @Test func noRunCoversAnyPath() throws {
        let tree = TempTree()
        tree.write("p/dvc.yaml", "metrics:\n- dvclive/metrics.json\nplots:\n- dvclive/plots/metrics:\n    x: step\n")
        live(tree, "p/sub/dvclive")
        var wandb = WandBWrite()
        wandb.append(WandBWrite.run(id: "abcd1234", project: "synth", name: "beside"))
        tree.write("p/wandb/offline-run-20261129_101010-abcd1234/run-abcd1234.wandb", bytes: wandb.bytes)
        let (runs, log) = tree.read()
        #expect(runs.map(\.id) == ["p/sub/dvclive", "p/wandb/offline-run-20261129_101010-abcd1234"])
        #expect(log.warnings("reader.dvc.uncovered-path", file: "p/dvc.yaml").map { $0.location?.line } == [2, 4], "\(log.summaryText)")
        #expect(log.count == 2, "\(log.summaryText)")
    }

    /// A Hydra job folder is Hydra's, even with a `dvc.yaml` whose paths no run covers.
    @Test func hydraJobFolderIsNotClaimedForItsDVCYAML() {
        let tree = TempTree()
        tree.write("job/dvc.yaml", "metrics:\n- dvclive/metrics.json\n")
        tree.write("plain/dvc.yaml", "metrics:\n- dvclive/metrics.json\n")
        tree.write("job/.hydra/config.yaml", "a: 1\n")
        func claims(_ path: String) -> Bool {
            let url = tree.root.appendingPathComponent(path)
            return DVCLiveReader().claimsUnclaimed(url, entries: Set(FilePaths.entries(of: url)))
        }
        #expect(claims("plain"))
        #expect(!claims("job"))
    }

    @Test func missingStageOutputIsANote() throws {
        let tree = TempTree()
        tree.write("p/dvc.yaml", """
            stages:
              train:
                cmd: python train.py
                wdir: work
                outs:
                - models
                - {weights.bin: {cache: false}}
            metrics:
            - dvclive/metrics.json
            artifacts:
              model:
                path: work/models/model.pt
              weights:
                path: work/weights.bin
              gone:
                path: none.pt
            """)
        live(tree, "p/dvclive")
        let (runs, log) = tree.read()
        #expect(runs.first?.artifacts.isEmpty == true)
        let notes = log.sorted.filter { $0.id == "reader.dvclive.artifact-not-in-workspace" }
        #expect(notes.count == 2 && notes.allSatisfy { $0.severity == .note && $0.message.contains("output of a stage") }, "\(log.summaryText)")
        #expect(log.warnings("reader.dvclive.artifact-missing", file: "p/dvc.yaml").count == 1, "\(log.summaryText)")
    }
}
