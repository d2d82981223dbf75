import RunsiteCore
import RunsiteModel
@testable import RunsiteSite
import Testing

@Suite struct ColumnSpecTests {
    let options = SiteOptions()

    @Test func parsesEveryColumnForm() throws {
        let spec = try ColumnSpec.parse("run:name, param:optimizer.lr, metric:val/loss:min, metric:test/acc, -metric:test/acc@best(val/loss:min), metric:\"a b\":max", options: options)
        #expect(spec.columns == [.run(.name), .param("optimizer.lr"), .metric("val/loss", .min), .metric("test/acc", .last),
                                 .metricAtBest("test/acc", other: "val/loss", .min), .metric("a b", .max)])
        #expect(spec.items.map(\.descending) == [false, false, false, false, true, false])
    }

    @Test func atBestDefaultsToTheMetricsBestAggregate() throws {
        let spec = try ColumnSpec.parse("metric:test/acc@best(val/loss)", options: options)
        #expect(spec.columns == [.metricAtBest("test/acc", other: "val/loss", .min)])
    }

    @Test func atBestTakesTheValueAtTheBestStep() {
        let column = TableColumn.metricAtBest("test/acc", other: "val/loss", .min)
        let run = SampleRuns.all[0]
        #expect(column.step(for: run) == 10)
        #expect(column.number(for: run) == 0.8)
    }

    @Test func malformedSpecsSayWhere() {
        func error(_ text: String) -> SpecError? {
            do throws(SpecError) { _ = try ColumnSpec.parse(text, options: options); return nil } catch { return error }
        }
        #expect(error("run:name param:x")?.offset == 9)
        #expect(error("run:nmae")?.message.contains("did you mean 'name'?") == true)
        #expect(error("metrc:val/loss")?.message.contains("did you mean 'metric:'?") == true)
        #expect(error("metric:val/loss@best(test/acc:mean)")?.id == "report.malformed-columns")
        #expect(error("metric:val/loss@worst(x)")?.offset == 16)
        #expect(error("")?.message == "no columns are listed")
    }

    @Test func unknownNamesAreCheckedAgainstTheRuns() throws {
        let spec = try ColumnSpec.parse("param:optimizer.lr, metric:test/ac:max", options: options)
        do throws(SpecError) {
            try TableQuery.check(spec, SampleRuns.all)
            Issue.record("expected an error")
        } catch {
            #expect(error == SpecError(DiagnosticMessage(id: "report.unknown-metric", "unknown metric 'test/ac'; did you mean 'test/acc'?"), at: 27))
        }
    }
}
