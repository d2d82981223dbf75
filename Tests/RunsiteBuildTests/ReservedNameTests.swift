import Foundation
import Testing

/// A project or run named like a file or folder the site writes itself gets a page path of its own.
@Suite struct ReservedNameTests {
    @Test(arguments: ["manifest.json", "runs.json", "index.html", "assets", "figures", "tables", "Manifest.JSON"])
    func aProjectNamedLikeASiteFileStillBuilds(name: String) throws {
        let site = try TreeSite([
            "\(name)/project.json": "{\"name\": \"\(name)\"}",
            "\(name)/run-000/runsite.json": "{\"status\": \"finished\"}",
            "\(name)/run-000/metrics.csv": "step,loss\n0,1\n",
            "\(name)/run-001/runsite.json": "{\"status\": \"finished\", \"name\": \"figures\"}",
            "\(name)/run-001/metrics.csv": "step,loss\n0,2\n",
        ])
        // The site's own files are still files at the root, not folders of pages.
        #expect(site.files["manifest.json"] != nil && site.files["runs.json"] != nil)
        #expect(!site.files.keys.contains { $0.hasPrefix("manifest.json/") || $0.hasPrefix("runs.json/") })
        #expect(site["index.html"]?.contains(name) == true)
        #expect(site.files.keys.filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3 }.count == 2, "both run pages")
    }
}
