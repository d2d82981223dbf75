import Foundation
import Testing

/// Page addresses depend only on identity: a copied link opens the same run after a rebuild, and
/// same-named projects and runs are told apart.
@Suite struct StablePageAddressTests {
    /// A finished runsite-format run at `path` named `name`, with one metric row.
    static func run(_ path: String, name: String) -> [String: String] {
        [path + "/runsite.json": "{\"name\": \"\(name)\", \"status\": \"finished\"}", path + "/metrics.csv": "step,loss\n0,1\n"]
    }

    /// Each run page's path → the run name its title shows.
    static func runPages(_ site: TreeSite) -> [String: String] {
        var pages: [String: String] = [:]
        for path in site.files.keys where path.hasSuffix("/index.html") && path.split(separator: "/").count >= 3 {
            let html = site[path] ?? ""
            if let start = html.range(of: "<h1 class=\"rs-title\">"), let end = html.range(of: "</h1>", range: start.upperBound..<html.endIndex) {
                pages[path] = String(html[start.upperBound..<end.lowerBound])
            }
        }
        return pages
    }

    @Test func addingARunWhoseSlugCollidesAndSortsFirstMovesNoEarlierPage() throws {
        let tree = Self.run("p/alpha", name: "lower").merging(Self.run("p/beta", name: "second")) { $1 }
        let earlier = Self.runPages(try TreeSite(tree))
        #expect(earlier == ["p/alpha/index.html": "lower", "p/beta/index.html": "second"])
        // `Alpha` sorts before `alpha` and slugs alike; a counter would have given it `alpha`.
        let later = Self.runPages(try TreeSite(tree.merging(Self.run("p/Alpha", name: "upper")) { $1 }))
        for (path, name) in earlier { #expect(later[path] == name, "\(path) moved") }
        #expect(later.count == 3 && later.values.contains("upper"))
        #expect(later.keys.contains { $0.hasPrefix("p/alpha-") })
    }

    @Test func sameNamedProjectsGetTheirOwnPagesAndDistinguishingTitles() throws {
        var tree: [String: String] = [:]
        for repo in ["waste-cnn", "opal-v2"] {
            tree[repo + "/lightning_logs/version_0/metrics.csv"] = "epoch,step,loss\n0,1,0.5\n"
            tree[repo + "/lightning_logs/version_0/hparams.yaml"] = "lr: 0.1\n"
        }
        let site = try TreeSite(tree)
        let overview = try #require(site["index.html"])
        #expect(overview.contains(">waste-cnn/lightning_logs</a>") && overview.contains(">opal-v2/lightning_logs</a>"))
        #expect(site["waste-cnn/lightning_logs/version_0/index.html"]?.contains("<title>version_0") == true)
        #expect(site["opal-v2/lightning_logs/index.html"]?.contains("opal-v2/lightning_logs") == true)
    }

    @Test func childrenSitUnderTheirParentAndRepeatedNamesAreQualified() throws {
        let site = try TreeSite([Self.run("p/outer", name: "outer"), Self.run("p/outer/inner", name: "inner"),
                                 Self.run("p/r1", name: "same"), Self.run("p/r2", name: "same")].reduce(into: [:]) { $0.merge($1) { $1 } })
        let project = try #require(site["p/index.html"])
        let outer = try #require(project.range(of: ">outer</a>")), inner = try #require(project.range(of: ">inner</a>"))
        #expect(outer.lowerBound < inner.lowerBound)
        #expect(project.contains("data-parent=\"p/outer\"") && project.contains("(1 sub-run)"))
        #expect(project.contains(">same</a><span class=\"rs-qualifier\"> r1</span>") && project.contains(">same</a><span class=\"rs-qualifier\"> r2</span>"))
        let child = try #require(site["p/outer/inner/index.html"])
        #expect(child.contains("<th scope=\"row\">Parent run</th><td><a href=\"../../../p/outer/index.html\">outer</a>"), "\(child)")
        #expect(site["runs.json"]?.contains("\"parent\": \"p/outer\"") == true)
    }
}
