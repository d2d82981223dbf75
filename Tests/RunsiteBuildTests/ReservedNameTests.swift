import Foundation
@testable import RunsiteBuild
import RunsiteCore
import Testing

/// A project or run named like a file or folder the site writes itself gets a page path of its own.
@Suite struct ReservedNameTests {
    @Test(arguments: ["manifest.json", "runs.json", "index.html", "assets", "figures", "tables", "Manifest.JSON"])
    func aProjectNamedLikeASiteFileStillBuilds(name: String) throws {
        let input = TestSite.temporaryDirectory().appendingPathComponent("input")
        let project = input.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("{\"name\": \"\(name)\"}".utf8).write(to: project.appendingPathComponent("project.json"))
        try TestSite.writeRun(in: project, 0, header: "step,loss", rows: ["0,1"])
        try TestSite.writeRun(in: project, 1, meta: "\"name\": \"figures\"", header: "step,loss", rows: ["0,2"])
        let (site, _) = try TestSite.build([input])
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("manifest.json").path, isDirectory: &isFolder) && !isFolder.boolValue)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("runs.json").path, isDirectory: &isFolder) && !isFolder.boolValue)
        #expect(TestSite.text(site, "index.html").contains(name))
    }
}
