import Foundation
import Testing

/// Compiles an exported LaTeX table with pdflatex; skipped when pdflatex is not installed
/// (`apt-get install texlive-latex-recommended` provides it and booktabs).
@Suite struct LaTeXCompileTests {
    static let pdflatex: String? = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex", "/Library/TeX/texbin/pdflatex"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: pdflatex != nil, "pdflatex is not installed"))
    func exportedTableCompilesWithPdflatex() throws {
        let input = try ReportFixture.make()
        // Names with LaTeX's special characters must come out escaped.
        try ReportFixture.write("{\"name\": \"odd_name 50% & #1 {x} ~ ^ $ \\\\\", \"tags\": [\"sweep\"]}",
                                to: input.appendingPathComponent("sweep/sgd-2/runsite.json"))
        var tables: [String] = []
        for arguments in [["--columns", "run:name, param:optimizer.lr, metric:val/loss:min, metric:test/acc@best(val/loss:min)"],
                          ["--group-by", "optimizer.name", "--columns", "metric:val/loss:min, metric:test/acc:max"]] {
            let result = try CommandLineTests.run(["export", "table", input.path, "--format", "latex", "-q"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            tables.append(result.stdout)
        }
        try Self.compile(tables)
    }

    /// Names and params that break a table unless escaped: blank lines, NUL and other control
    /// characters, every special character, and an early `\end{tabular}`.
    @Test(.enabled(if: pdflatex != nil, "pdflatex is not installed"))
    func hostileNamesAndParamsCompile() throws {
        let input = try ReportFixture.make()
        let hostile = #"a\n\nb\u0000c\u0001\u007f\u0085 \\ {} % # & _ ^ ~ $ \\end{tabular}\r\n\\par"#
        try ReportFixture.write("{\"name\": \"\(hostile)\", \"tags\": [\"sweep\"]}",
                                to: input.appendingPathComponent("sweep/sgd-2/runsite.json"))
        try ReportFixture.write("{\"optimizer\": {\"name\": \"\(hostile)\", \"lr\": 0.05}, \"seed\": 2}",
                                to: input.appendingPathComponent("sweep/sgd-2/params.json"))
        var tables: [String] = []
        for arguments in [["--columns", "run:name, param:optimizer.name, metric:val/loss:min"],
                          ["--group-by", "optimizer.name", "--columns", "metric:val/loss:min"]] {
            let result = try CommandLineTests.run(["export", "table", input.path, "--format", "latex", "-q"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("\n\n") && !result.stdout.contains("\u{0}"))
            tables.append(result.stdout)
        }
        try Self.compile(tables)
    }

    private static func compile(_ tables: [String]) throws {
        let document = "\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n" + tables.joined(separator: "\n\n") + "\\end{document}\n"
        let directory = TestSite.temporaryDirectory("runsite-latex")
        try ReportFixture.write(document, to: directory.appendingPathComponent("table.tex"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.pdflatex!)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "table.tex"]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log.suffix(1500))")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("table.pdf").path))
    }
}
