import Foundation
import RunsiteBuild
import Testing

/// The site's `assets/runsite.js` is the modules of `assets/js/` joined in name order; a templates
/// folder replaces single modules, or ships its own whole script.
@Suite struct ScriptModulesTests {
    @Test func theSiteShipsTheModulesJoined() throws {
        let (site, _) = try TestSite.build([TestSite.fixtures.appendingPathComponent("runsite/basic")])
        #expect(TestSite.text(site, "assets/runsite.js") == TestSite.script)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("assets/js").path), "modules are not copied one by one")
        let names = TestSite.scriptModules.map(\.lastPathComponent)
        let order = names.compactMap { TestSite.script.range(of: "// assets/js/" + $0 + "\n")?.lowerBound }
        #expect(order.count == names.count && order == order.sorted(), "every module, in name order")
    }

    @Test func aTemplatesFolderReplacesOneModuleOrTheWholeScript() throws {
        let templates = TestSite.temporaryDirectory().appendingPathComponent("templates")
        let js = templates.appendingPathComponent("assets/js")
        try FileManager.default.createDirectory(at: js, withIntermediateDirectories: true)
        try Data("// my own start\n".utf8).write(to: js.appendingPathComponent("90-start.js"))
        let input = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let (site, _) = try TestSite.build([input]) { $0.templateOverride = templates }
        let script = TestSite.text(site, "assets/runsite.js")
        #expect(script.contains("// my own start\n") && script.contains("RS.enhanceTable = function"))
        #expect(!script.contains("document.querySelectorAll(\".rs-table\").forEach(RS.enhanceTable)"))

        try Data("// whole\n".utf8).write(to: templates.appendingPathComponent("assets/runsite.js"))
        let (own, _) = try TestSite.build([input]) { $0.templateOverride = templates }
        #expect(TestSite.text(own, "assets/runsite.js") == "// whole\n")
    }

    @Test func joiningEndsEveryModuleWithANewline() {
        let joined = String(decoding: ScriptModules.join(["b.js": Array("b()".utf8), "a.js": Array("a()\n".utf8)]), as: UTF8.self)
        #expect(joined.hasSuffix("\n// assets/js/a.js\na()\n\n// assets/js/b.js\nb()\n"))
    }
}
