import Foundation
import Testing
import RunsiteBuild
import RunsiteCore

/// Page addresses depend only on identity: a copied link opens the same run after a rebuild, and
/// same-named projects and runs are told apart.
@Suite struct StablePageAddressTests {
    static func run(_ root: URL, _ path: String, name: String) throws {
        let folder = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{\"name\": \"\(name)\", \"status\": \"finished\"}".utf8).write(to: folder.appendingPathComponent("runsite.json"))
        try Data("step,loss\n0,1\n".utf8).write(to: folder.appendingPathComponent("metrics.csv"))
    }

    /// Each run page's path → the run name its title shows.
    static func runPages(_ site: URL) -> [String: String] {
        var pages: [String: String] = [:]
        for (path, data) in TestSite.pages(of: site) where path.hasSuffix("/index.html") && path.split(separator: "/").count >= 3 {
            let html = String(decoding: data, as: UTF8.self)
            if let start = html.range(of: "<h1 class=\"rs-title\">"), let end = html.range(of: "</h1>", range: start.upperBound..<html.endIndex) {
                pages[path] = String(html[start.upperBound..<end.lowerBound])
            }
        }
        return pages
    }

    @Test func addingARunWhoseSlugCollidesAndSortsFirstMovesNoEarlierPage() throws {
        let input = TestSite.temporaryDirectory()
        try Self.run(input, "p/alpha", name: "lower")
        try Self.run(input, "p/beta", name: "second")
        let (before, _) = try TestSite.build([input])
        let earlier = Self.runPages(before)
        #expect(earlier == ["p/alpha/index.html": "lower", "p/beta/index.html": "second"])
        // `Alpha` sorts before `alpha` and slugs alike; a counter would have given it `alpha`.
        try Self.run(input, "p/Alpha", name: "upper")
        let (after, _) = try TestSite.build([input])
        let later = Self.runPages(after)
        for (path, name) in earlier { #expect(later[path] == name, "\(path) moved") }
        #expect(later.count == 3 && later.values.contains("upper"))
        #expect(later.keys.contains { $0.hasPrefix("p/alpha-") })
    }

    @Test func sameNamedProjectsGetTheirOwnPagesAndDistinguishingTitles() throws {
        let input = TestSite.temporaryDirectory()
        for repo in ["waste-cnn", "opal-v2"] {
            let run = input.appendingPathComponent(repo + "/lightning_logs/version_0")
            try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
            try Data("epoch,step,loss\n0,1,0.5\n".utf8).write(to: run.appendingPathComponent("metrics.csv"))
            try Data("lr: 0.1\n".utf8).write(to: run.appendingPathComponent("hparams.yaml"))
        }
        let (site, _) = try TestSite.build([input])
        let overview = TestSite.text(site, "index.html")
        #expect(overview.contains(">waste-cnn/lightning_logs</a>") && overview.contains(">opal-v2/lightning_logs</a>"))
        #expect(TestSite.text(site, "waste-cnn/lightning_logs/version_0/index.html").contains("<title>version_0"))
        #expect(TestSite.text(site, "opal-v2/lightning_logs/index.html").contains("opal-v2/lightning_logs"))
    }

    @Test func childrenSitUnderTheirParentAndRepeatedNamesAreQualified() throws {
        let input = TestSite.temporaryDirectory()
        try Self.run(input, "p/outer", name: "outer")
        try Self.run(input, "p/outer/inner", name: "inner")
        try Self.run(input, "p/r1", name: "same")
        try Self.run(input, "p/r2", name: "same")
        let (site, _) = try TestSite.build([input])
        let project = TestSite.text(site, "p/index.html")
        let outer = try #require(project.range(of: ">outer</a>")), inner = try #require(project.range(of: ">inner</a>"))
        #expect(outer.lowerBound < inner.lowerBound)
        #expect(project.contains("data-parent=\"p/outer\"") && project.contains("(1 sub-run)"))
        #expect(project.contains(">same</a><span class=\"rs-qualifier\"> r1</span>") && project.contains(">same</a><span class=\"rs-qualifier\"> r2</span>"))
        let child = TestSite.text(site, "p/outer/inner/index.html")
        #expect(child.contains("<th scope=\"row\">Parent run</th><td><a href=\"../../../p/outer/index.html\">outer</a>"), "\(child)")
        #expect(TestSite.text(site, "runs.json").contains("\"parent\": \"p/outer\""))
    }
}
