import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

extension PageContext {
    /// The runs a directive works on: those its `:runs:` (or `:run:`) selector picks among the
    /// runs in scope, or all of them without the option. On a bad selector the diagnostic is
    /// logged and the error box to show is returned instead.
    func selectRuns(_ directive: Directive, option key: String = "runs") -> Result<[PageContext.ScopedRun], ErrorBox> {
        let scoped = runsInScope
        guard let option = directive.options.last(where: { $0.key == key }) else { return .success(scoped) }
        do throws(SpecError) {
            let selector = try RunSelector.parse(option.value)
            let picked = try selector.select(scoped.map(\.run), options: options)
            return .success(picked.map { scoped[$0] })
        } catch {
            return .failure(ErrorBox(node: report(error, in: option, of: directive)))
        }
    }

    /// Logs a spec error at its exact column inside the option's value and returns the visible box.
    func report(_ error: SpecError, in option: DirectiveOption, of directive: Directive) -> Node {
        let location = self.location(in: option, offset: error.offset)
        warn(error.problem, at: location)
        return DirectiveError.box(error.message, directive)
    }

    /// The source location of byte `offset` of an option's (trimmed) value.
    func location(in option: DirectiveOption, offset: Int) -> SourceLocation {
        var location = option.location
        guard let line = location.line, let column = location.column, line >= 1, line <= sourceLines.count else { return location }
        let bytes = Array(sourceLines[line - 1].utf8)
        let prefix = Array(":\(option.key):".utf8)
        var start = column - 1 + prefix.count
        guard start <= bytes.count, bytes.count >= prefix.count, column - 1 + prefix.count <= bytes.count,
              Array(bytes[(column - 1)..<(column - 1 + prefix.count)]) == prefix else { return location }
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        location.column = start + offset + 1
        return location
    }

    /// The source location of byte `offset` of a role's content: after `{name}`, the code span's
    /// backticks and the one space CommonMark strips when the content is padded on both sides.
    func location(in role: Role, offset: Int) -> SourceLocation {
        var location = role.location
        guard let column = location.column else { return location }
        var start = column - 1 + role.name.utf8.count + 2
        if let line = location.line, line >= 1, line <= sourceLines.count {
            let bytes = Array(sourceLines[line - 1].utf8)
            var ticks = 0
            while start + ticks < bytes.count, bytes[start + ticks] == UInt8(ascii: "`") { ticks += 1 }
            start += max(ticks, 1)
            if start < bytes.count, bytes[start] == 0x20, !role.content.hasPrefix(" ") { start += 1 }
        } else {
            start += 1
        }
        location.column = start + offset + 1
        return location
    }
}

extension PageContext {
    /// This context with its runs narrowed to the directive's `:runs:` selection (for directives
    /// written before selectors, such as the charts), or the error box.
    func narrowed(by directive: Directive, option key: String = "runs") -> Result<PageContext, ErrorBox> {
        switch selectRuns(directive, option: key) {
        case .failure(let box): return .failure(box)
        case .success(let runs):
            var context = self
            context.selection = runs.map(\.place)
            return .success(context)
        }
    }

    /// Checks `:size:` and `:group-by:` of a chart directive; logs and returns a box when unusable.
    func checkChartOptions(_ directive: Directive) -> ErrorBox? {
        if let option = directive.options.last(where: { $0.key == "size" }), ChartSize.dimensions(option.value) == nil {
            let error = SpecError(.malformedSize(option.value))
            return ErrorBox(node: report(error, in: option, of: directive))
        }
        // `param.KEY` and `seed-agnostic` are the chart's own spellings (ChartGroups); `param:KEY` and a
        // bare key are checked here, with the position of the bad name.
        if let option = directive.options.last(where: { $0.key == "group-by" }),
           !option.value.hasPrefix("param."), option.value != "seed-agnostic",
           case .param(let key) = GroupKey(parsing: option.value) {
            do throws(SpecError) {
                try RunSelector.known(key, in: Set(runsInScope.flatMap(\.run.params.keys)), kind: .param, at: 0)
            } catch {
                return ErrorBox(node: report(error, in: option, of: directive))
            }
        }
        return nil
    }
}
