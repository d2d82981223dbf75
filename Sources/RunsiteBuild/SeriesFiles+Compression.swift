import RunsiteModel
import RunsiteSite

extension SeriesFiles {
    /// Each run's `metrics.csv.gz` (`SeriesCSV`, compressed), by digest file name, from the runs as
    /// read, before they are thinned for drawing. Runs without metrics get none.
    static func compressed(_ projects: [Project]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for project in projects {
            for run in project.runs {
                if let bytes = compressed(run) { files[RunDigest.fileName(for: run)] = bytes }
            }
        }
        return files
    }

    /// The run's `metrics.csv.gz`, or nil when it logged no metrics.
    static func compressed(_ run: Run) -> [UInt8]? {
        run.metrics.isEmpty ? nil : Gzip.compress(SeriesCSV.bytes(of: run))
    }
}
