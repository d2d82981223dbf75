import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// Directives are types that declare their options and needs; checking and page reuse derive from them.
@Suite struct DirectiveDeclarationTests {
    @Test func everyDirectiveHasOneTypeAndIsDocumented() throws {
        let names = DirectiveRegistry.all.map { $0.name }
        #expect(names.count == Set(names).count, "a name registered twice: \(names)")
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/templates.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for type in DirectiveRegistry.all {
            #expect(text.contains("{\(type.name)}"), "{\(type.name)} is not in docs/templates.md")
            for option in type.options { #expect(text.contains(":\(option.name):"), ":\(option.name): of {\(type.name)} is not in docs/templates.md") }
        }
    }

    @Test func optionValuesAreCheckedAtTheirOwnLineWithTheClosestWord() {
        let template = "# Run\n\n```{chart}\n:metrics: loss\n:figure-width: pgae\n:log-y: maybe\n:smoothing: much\n:colour: red\n```\n"
        let log = ChartDirectiveTests.site(run: template, runs: [ChartDirectiveTests.run("r")]).log
        let found = log.sorted.map { ($0.id, $0.location?.line, $0.message) }
        #expect(found.contains { $0.0 == "template.bad-option-value" && $0.1 == 5 && $0.2.contains("did you mean 'page'?") }, "\(found)")
        #expect(found.contains { $0.0 == "template.bad-option-value" && $0.1 == 6 && $0.2.contains("true or false") }, "\(found)")
        #expect(found.contains { $0.0 == "template.bad-option-value" && $0.1 == 7 && $0.2.contains("a number") }, "\(found)")
        #expect(found.contains { $0.0 == "template.unknown-option" && $0.1 == 8 }, "\(found)")
    }

    @Test func aBareFlagIsOn() throws {
        let on = try #require(ChartDirectiveTests.site(run: "```{chart}\n:metrics: loss\n:log-y:\n```\n", runs: [ChartDirectiveTests.run("r")]).files["p/r/index.html"])
        let named = try #require(ChartDirectiveTests.site(run: "```{chart}\n:metrics: loss\n:log-y: true\n```\n", runs: [ChartDirectiveTests.run("r")]).files["p/r/index.html"])
        #expect(on == named)
    }

    @Test func pageReuseFollowsWhatDirectivesDeclare() {
        #expect(TemplateNeeds("```{run-meta}\n```\n```{charts}\n```\n```{runs-table}\n```\n").selfContained)
        #expect(!TemplateNeeds("```{project-list}\n```\n").selfContained, "shows other projects")
        #expect(!TemplateNeeds("```{params}\n:run: name:other\n```\n").selfContained, "selects another run")
        #expect(!TemplateNeeds("Best: {metric}`name:x:loss:min`\n").selfContained, "a role may name another run")
        #expect(!TemplateNeeds("---\nruns: tag:a\n---\n```{charts}\n```\n").selfContained, "front matter selects runs")
    }
}
