import Foundation
import RunsiteCore
import RunsiteModel

/// What changed between two summaries (`runsite diff`, `{changes}`): runs that are new, removed
/// or finished, other status changes, and each objective whose best value in a project changed.
/// Runs are matched by id, projects by folder and name; everything is sorted, so the same two
/// summaries always give the same text.
public struct SummaryDiff: Sendable {
    /// A run on one side only, or on both with its status on each.
    public struct RunChange: Sendable, Hashable {
        public var id: RunID
        public var project: String
        public var name: String
        public var old: RunStatus?
        public var new: RunStatus?
    }

    /// An objective's best value in a project, before and after. `delta` is `new − old` in
    /// decimal (`ExactDifference`); nil when the metric is on one side only.
    public struct BestChange: Sendable, Hashable {
        public var project: String
        public var metric: String
        public var direction: MetricDirection
        public var old: Double?
        public var new: Double?
        public var oldRun: String?
        public var newRun: String?
        public var delta: Decimal?
        /// The change as text (`+0.01`), also when it is not exact.
        public var deltaText: String?
    }

    public private(set) var added: [RunChange] = []
    public private(set) var removed: [RunChange] = []
    /// Runs whose status became `finished`.
    public private(set) var finished: [RunChange] = []
    /// Every other status change.
    public private(set) var statusChanges: [RunChange] = []
    public private(set) var best: [BestChange] = []

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && finished.isEmpty && statusChanges.isEmpty && best.isEmpty }

    public init(old: [RunRecord], new: [RunRecord], options: SiteOptions = SiteOptions()) {
        let titles = RecordProject.titlesByKey(old + new)
        func title(_ run: RunRecord) -> String { titles[run.projectID] ?? run.project }
        let oldByID = Self.byID(old), newByID = Self.byID(new)
        for run in newByID.values.sorted(by: Self.order(title)) {
            guard let before = oldByID[run.id] else {
                added.append(RunChange(id: run.id, project: title(run), name: run.name, old: nil, new: run.status))
                continue
            }
            guard before.status != run.status else { continue }
            let change = RunChange(id: run.id, project: title(run), name: run.name, old: before.status, new: run.status)
            if run.status == .finished { finished.append(change) } else { statusChanges.append(change) }
        }
        for run in oldByID.values.sorted(by: Self.order(title)) where newByID[run.id] == nil {
            removed.append(RunChange(id: run.id, project: title(run), name: run.name, old: run.status, new: nil))
        }
        let oldProjects = Dictionary(uniqueKeysWithValues: RecordProject.group(old, titlingAlso: new).map { ($0.key, $0) })
        let newProjects = Dictionary(uniqueKeysWithValues: RecordProject.group(new, titlingAlso: old).map { ($0.key, $0) })
        for key in Set(oldProjects.keys).union(newProjects.keys).sorted() {
            let before = oldProjects[key]?.runs ?? [], after = newProjects[key]?.runs ?? []
            let metrics = Set(before.flatMap(\.metrics.keys)).union(after.flatMap(\.metrics.keys)).sorted()
            for metric in metrics {
                guard let direction = Objectives.direction(of: metric, options: options) else { continue }
                let a = Objectives.ranked(before, metric: metric, direction: direction).first
                let b = Objectives.ranked(after, metric: metric, direction: direction).first
                guard a != nil || b != nil, a?.value != b?.value else { continue }
                var change = BestChange(project: titles[key] ?? key.name, metric: metric, direction: direction,
                                        old: a?.value, new: b?.value, oldRun: a?.run.name, newRun: b?.run.name)
                if let x = a?.value, let y = b?.value {
                    change.delta = ExactDifference.of(y, x)
                    change.deltaText = ExactDifference.text(y, x)
                }
                best.append(change)
            }
        }
    }

    /// Records by id; of an id listed twice (a damaged summary), the first.
    private static func byID(_ runs: [RunRecord]) -> [RunID: RunRecord] {
        Dictionary(runs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func order(_ title: @escaping (RunRecord) -> String) -> (RunRecord, RunRecord) -> Bool {
        { a, b in (title(a), a.id) < (title(b), b.id) }
    }
}
