import RunsiteCore
import RunsiteModel
@testable import RunsiteSite
import Testing

@Suite struct SelectorTests {
    let options = SiteOptions()

    func select(_ text: String) throws -> [String] {
        SampleRuns.names(try RunSelector.parse(text).select(SampleRuns.all, options: options))
    }

    func failure(_ text: String) -> SpecError? {
        do throws(SpecError) {
            _ = try RunSelector.parse(text).select(SampleRuns.all, options: options)
            return nil
        } catch { return error }
    }

    @Test func termsFilterRunsInInputOrder() throws {
        #expect(try select("all") == ["adam-1", "adam-2", "sgd-1", "sgd-2"])
        #expect(try select("") == ["adam-1", "adam-2", "sgd-1", "sgd-2"])
        #expect(try select("tag:baseline") == ["adam-1"])
        #expect(try select("name:sgd-*") == ["sgd-1", "sgd-2"])
        #expect(try select("status:finished and source:runsite and project:demo") == ["adam-1", "adam-2", "sgd-2"])
    }

    @Test func paramComparisonsAreNumericWhenBothSidesAre() throws {
        #expect(try select("param:optimizer.lr<0.01") == ["adam-1", "adam-2"])
        #expect(try select("param:optimizer.lr>=0.05") == ["sgd-1", "sgd-2"])
        #expect(try select("param:optimizer.lr = 0.1") == ["sgd-1"])
        #expect(try select("param:optimizer.name!=adam") == ["sgd-1", "sgd-2"])
        #expect(try select("param:seed==2") == ["adam-2", "sgd-2"])
        #expect(try select("param:\"optimizer.name\">b") == ["sgd-1", "sgd-2"], "string comparison")
    }

    @Test func rankingIsDirectionAware() throws {
        #expect(try select("best by val/loss:min") == ["adam-2"])
        #expect(try select("top 2 by test/acc:max") == ["adam-2", "adam-1"])
        #expect(try select("tag:sweep and top 2 by val/loss") == ["adam-2", "adam-1"], "default aggregate is min for a loss")
        #expect(try select("status:finished best by test/acc:last") == ["adam-2"])
        #expect(try select("best by \"val/loss\":last") == ["adam-2"])
    }

    @Test func errorsPointAtTheOffendingText() {
        #expect(failure("best by val/los:min") == SpecError(DiagnosticMessage(id: "report.unknown-metric", "unknown metric 'val/los'; did you mean 'val/loss'?"), at: 8))
        #expect(failure("tag:sweep and param:optimizer.l<1")?.id == "report.unknown-param")
        #expect(failure("tag:sweep and param:optimizer.l<1")?.offset == 20)
        #expect(failure("tag:sweep and param:optimizer.l<1")?.message.contains("did you mean 'optimizer.lr'?") == true)
        #expect(failure("tag:sweep or tag:x") == SpecError(DiagnosticMessage(id: "report.malformed-selector", "expected 'and' between terms, found 'or tag:x'"), at: 10))
        #expect(failure("name:nothing-like-this")?.id == "report.no-match")
        #expect(failure("name:adam-3")?.message == "selector matches no run; did you mean 'adam-1'?")
        #expect(failure("top x by val/loss")?.offset == 4)
        #expect(failure("best by val/loss:mni")?.id == "report.unknown-aggregate")
        #expect(failure("status:done")?.id == "report.malformed-selector")
        #expect(failure("tags:sweep")?.message == "unknown selector term 'tags:'; did you mean 'tag'?")
        #expect(failure("best by \"val/loss")?.message == "unterminated quoted name")
    }

    @Test func quotedNamesMayHoldSpacesAndColons() throws {
        var run = SampleRuns.all[0]
        run.metrics.append(MetricSeries(key: "val loss:ema", steps: [0, 1], values: [2, 1]))
        run.params["my key"] = .int(3)
        let selector = try RunSelector.parse("param:\"my key\">2 and best by \"val loss:ema\":min")
        #expect(try selector.select([run], options: options) == [0])
        #expect(MetricRef(name: "val loss:ema", aggregate: .min).spec == "\"val loss:ema\":min")
    }
}
