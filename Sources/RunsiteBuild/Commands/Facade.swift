import RunsiteCore
import RunsiteReaders
import RunsiteSite

// The names the command line uses, so that it imports this module alone.
public typealias DiagnosticLog = RunsiteCore.DiagnosticLog
public typealias Diagnostic = RunsiteCore.Diagnostic
public typealias SiteOptions = RunsiteSite.SiteOptions
public typealias UserPage = RunsiteSite.UserPage
public typealias ChartData = RunsiteSite.ChartData
public typealias SeriesFiles = RunsiteSite.SeriesFiles
public typealias TableExportFormat = RunsiteSite.TableExportFormat
public typealias TableExportRequest = RunsiteSite.TableExportRequest
public typealias DiffFormat = RunsiteSite.DiffFormat
public typealias DiffGate = RunsiteSite.DiffGate

/// The formats runsite reads, by the names `--format` takes.
public enum InputFormats {
    public static var names: [String] { Readers.formatNames }

    /// Whether `name` names a reader (nil names all of them).
    public static func isKnown(_ name: String?) -> Bool { name.map(names.contains) ?? true }
}
