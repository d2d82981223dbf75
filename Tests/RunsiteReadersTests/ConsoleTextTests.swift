import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteReaders

/// Console output is shown as a terminal leaves it, bounded, and W&B's `files/output.log` is one of the run's texts.
@Suite struct ConsoleTextTests {
    @Test func progressBarRedrawsKeepTheirLastDrawing() {
        #expect(ConsoleText.terminalView("start\r\n 10%\r 50%\r100%\ndone\n") == "start\n100%\ndone\n")
        #expect(ConsoleText.terminalView("plain\n") == "plain\n")
    }

    @Test func aLongLogKeepsItsLastMebibyte() throws {
        let tree = TempTree()
        let line = String(repeating: "x", count: 1023) + "\n"
        tree.write("log.txt", String(repeating: line, count: 2048) + "the end\n")
        let text = try #require(ConsoleText.read(tree.root.appendingPathComponent("log.txt"), context: ReaderContext(inputRoot: tree.root, log: DiagnosticLog())))
        #expect(text.hasPrefix("[… 1048584 earlier bytes not shown …]\n") && text.hasSuffix("the end\n"))
        #expect(text.utf8.count < ConsoleText.limit + 100)
    }

    @Test func wandbConsoleOutputIsARunText() throws {
        let tree = TempTree()
        tree.write("wandb/run-20240101_000000-abc/files/output.log", "epoch 1\r\nloading  5%\rloading 100%\n")
        tree.write("wandb/run-20240101_000000-abc/files/wandb-summary.json", #"{"loss": 0.5}"#)
        tree.write("wandb/run-20240101_000000-abc/files/config.yaml", "lr:\n  value: 0.1\n")
        let (runs, log) = tree.read()
        let run = try #require(runs.first, "\(log.summaryText)")
        #expect(run.texts.first { $0.name == "output.log" }?.text == "epoch 1\nloading 100%\n")
    }
}
