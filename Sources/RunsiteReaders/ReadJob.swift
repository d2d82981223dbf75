import RunsiteCore
import RunsiteModel

/// One unit of reading work: a reader, a unit it claimed, and the context of the INPUT the unit
/// lies in. `Discovery.units(in:)` makes them; `Discovery.read` schedules them on all cores.
public struct ReadJob: Sendable {
    public var reader: any RunReader
    public var unit: ReadUnit
    public var context: ReaderContext

    /// The unit's projects: read under its input's scope (`InputScope`), run ids qualified as the
    /// context says. Every command reads a unit here; `log` collects its warnings when given (the
    /// build keeps each unit's with it), the context's log otherwise.
    public func read(log: DiagnosticLog? = nil) -> [Project] {
        var context = self.context
        if let log { context.log = log }
        return context.qualified(context.confined { reader.read(unit, context: context) })
    }
}
