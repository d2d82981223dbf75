import Foundation
import Testing
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders

/// The walk goes on below a claim into the folders its reader leaves open, and a run found in
/// another run's folder is that run's child.
@Suite struct RunsInsideRunsTests {
    static func events(_ tag: String, _ values: [Float]) -> [UInt8] {
        TBWrite.file([TBWrite.event(wallTime: 1_700_000_000, fileVersion: "brain.Event:2")]
                     + values.enumerated().map { TBWrite.event(wallTime: 1_700_000_001 + Double($0), step: Int64($0), values: [TBWrite.simple(tag, $1)]) })
    }

    static func dvclive(_ tree: TempTree, _ folder: String, loss: String) {
        tree.write(folder + "/metrics.json", "{\"loss\": \(loss), \"step\": 1}")
        tree.write(folder + "/params.yaml", "fold: \(folder.split(separator: "/").last!)\n")
        tree.write(folder + "/plots/metrics/loss.tsv", "step\tloss\n0\t1.0\n1\t\(loss)\n")
    }

    @Test func dvcliveFoldsInsideADVCLiveFolderAreRunsOfTheirOwn() throws {
        let tree = TempTree()
        Self.dvclive(tree, "repo/dvclive", loss: "0.5")
        Self.dvclive(tree, "repo/dvclive/fold_0", loss: "0.4")
        Self.dvclive(tree, "repo/dvclive/fold_1", loss: "0.6")
        tree.write("repo/dvc.yaml", "metrics:\n- dvclive/metrics.json\n")
        let (runs, log) = tree.read()
        #expect(runs.map(\.id) == ["repo/dvclive", "repo/dvclive/fold_0", "repo/dvclive/fold_1"], "\(log.summaryText)")
        #expect(runs.map(\.parentID) == [nil, "repo/dvclive", "repo/dvclive"])
        #expect(runs[1].metric("loss")?.summary.last == 0.4 && runs[2].params["fold"] == .string("fold_1"))
        // Each fold's own points only: the parent's series are not the folds'.
        #expect(runs[0].metric("loss")?.summary.count == 2)
    }

    @Test func aTensorBoardLogdirInAnMLflowRunsArtifactsIsFoundAndLinked() throws {
        let tree = TempTree()
        let run = "mlruns/1/0123456789abcdef0123456789abcdef"
        tree.write("mlruns/1/meta.yaml", "experiment_id: '1'\nname: exp\nlifecycle_stage: active\nartifact_location: mlruns/1\n")
        tree.write(run + "/meta.yaml", "run_id: 0123456789abcdef0123456789abcdef\nexperiment_id: '1'\nrun_name: r\nstatus: 3\nlifecycle_stage: active\nstart_time: 1700000000000\n")
        tree.write(run + "/metrics/acc", "1700000000000 0.5 0\n")
        tree.write(run + "/artifacts/tb/train/events.out.tfevents.1.host", bytes: Self.events("loss", [1, 0.5]))
        let (runs, log) = tree.read()
        #expect(runs.map(\.source) == ["mlflow", "tensorboard"], "\(log.summaryText)")
        let board = try #require(runs.last)
        #expect(board.id.path == run + "/artifacts/tb/train" && board.parentID?.path == run)
        #expect(board.metric("loss")?.summary.last == 0.5)
    }

    @Test func tensorBoardSubRunsAreChildrenOfTheirRun() throws {
        let tree = TempTree()
        tree.write("runs/exp/events.out.tfevents.1.host", bytes: Self.events("loss", [1, 0.5]))
        // `add_scalars("loss", {"train": …})` writes `<run>/loss_train`; `add_hparams` a timestamped folder.
        tree.write("runs/exp/loss_train/events.out.tfevents.2.host", bytes: Self.events("loss", [0.9]))
        tree.write("runs/exp/1700000000.5/events.out.tfevents.3.host", bytes: Self.events("hparam/acc", [0.7]))
        let (runs, _) = tree.read()
        #expect(runs.map(\.id) == ["runs/exp", "runs/exp/1700000000.5", "runs/exp/loss_train"])
        #expect(runs.map(\.parentID) == [nil, "runs/exp", "runs/exp"])
    }

    @Test func formatIsHonouredBelowAClaim() throws {
        let tree = TempTree()
        tree.write("keras/training.log", "epoch,loss\n0,1\n1,0.5\n")
        tree.write("keras/logs/train/events.out.tfevents.1.host", bytes: Self.events("loss", [1]))
        let all = Discovery(readers: Readers.all).readProjects(in: [tree.root], log: DiagnosticLog()).flatMap(\.runs)
        #expect(all.map(\.source).sorted() == ["keras-csv", "tensorboard"])
        let keras = Discovery(readers: [KerasCSVReader()]).readProjects(in: [tree.root], log: DiagnosticLog()).flatMap(\.runs)
        #expect(keras.map(\.source) == ["keras-csv"])
        // A Keras log is one file among others: never the parent of the folder's other runs.
        #expect(all.allSatisfy { $0.parentID == nil })
    }

    @Test func skippedFoldersAndTheOutputAreNeverRead() throws {
        let tree = TempTree()
        for folder in ["a", ".git/a", "node_modules/pkg/a", "__pycache__/a", "venv/lib/a", "site/a"] {
            tree.write(folder + "/metrics.csv", "step,loss\n0,1\n")
        }
        let discovery = Discovery(readers: Readers.all, excluding: [tree.root.appendingPathComponent("site")])
        let runs = discovery.readProjects(in: [tree.root], log: DiagnosticLog()).flatMap(\.runs)
        #expect(runs.map(\.id) == ["a"])
    }

    @Test func sameNamedProjectsInDifferentFoldersStayApart() throws {
        let tree = TempTree()
        for repo in ["waste-cnn", "opal-v2"] {
            tree.write(repo + "/lightning_logs/version_0/metrics.csv", "epoch,step,loss\n0,1,0.5\n")
            tree.write(repo + "/lightning_logs/version_0/hparams.yaml", "lr: 0.1\n")
        }
        let projects = Discovery(readers: Readers.all).readProjects(in: [tree.root], log: DiagnosticLog())
        #expect(projects.map(\.name) == ["lightning_logs", "lightning_logs"])
        #expect(projects.map(\.path) == ["opal-v2/lightning_logs", "waste-cnn/lightning_logs"])
        #expect(projects.flatMap(\.runs).map(\.name) == ["version_0", "version_0"])
    }

    @Test func summaryCarriesParentAndProjectFolder() throws {
        var child = Run(id: "runs/exp/loss_train", source: "tensorboard", project: "runs", name: "exp/loss_train", directory: "/in/runs/exp/loss_train")
        child.parentID = "runs/exp"
        child.projectPath = "runs"
        let json = RunSummaryJSON.encode([child])
        #expect(json.contains("\"project_path\": \"runs\"") && json.contains("\"parent\": \"runs/exp\""), "\(json)")
    }
}
