import Foundation
import RunsiteCore
import RunsiteModel

/// Accumulates one run's events, file after file, the way TensorBoard's Python `EventAccumulator`
/// (`plugin_event_accumulator`, the one its server uses) does with its defaults, all points kept:
///
/// - The first `metadata` of a tag decides its plugin; later ones are ignored.
/// - **Purge of orphaned data** (`purge_orphaned_data`, on by default), for data written before a crash
///   and restart. With `file_version` ≥ 2 (`brain.Event:2`, every modern writer): the *second and later*
///   `SessionLog.START` drop every point, of every tag, whose step is ≥ that event's step. Without a
///   file version (or < 2): a summary event whose step is below the step of the previous summary event
///   drops, for that event's tags only, the points with step ≥ its step. The version, the START flag
///   and the previous step carry over from file to file within the run.
/// - Nothing else is deduplicated: several points at one step are all kept (TensorBoard's Rust data
///   server would keep only the last; the Python accumulator keeps all).
/// - Scalars are `simple_value` (float32) or tensors of a tag whose plugin is `scalars`; both are
///   widened to double exactly as TensorBoard returns them.
struct EventAccumulation {
    let runDirectory: URL
    let context: ReaderContext

    private var tags = StringInterner()
    private var fileVersion: Double?
    private var seenStartRecord = false
    private var mostRecentStep: Int64 = -1
    private var pluginOfTag: [String: String] = [:]
    private var seriesIndex: [String: Int] = [:]
    private var series: [MetricSeries] = []
    private var seriesSlots = TagSlots()
    private var images: [(tag: String, image: RunImage)] = []
    private var texts: [RunText] = []
    private var params = Params()
    private var status: RunStatus?
    private var firstWallTime: Double?
    private var lastWallTime: Double?
    private var hparamsEnd: Double?
    /// The byte offset of the record being processed, for warnings about its contents.
    private var recordOffset = 0
    /// One note per run for each kind of summary runsite does not show (histograms, audio, …).
    private var skippedKinds: [String: (tag: String, file: URL)] = [:]
    private var skippedOrder: [String] = []

    /// TensorBoard shows at most 10 images per tag by default; runsite keeps the 10 newest.
    static let imagesPerTag = 10

    init(runDirectory: URL, context: ReaderContext) {
        self.runDirectory = runDirectory
        self.context = context
    }

    mutating func readFile(_ url: URL) {
        // Once a sixteenth of a large file is read, each series gets room for the points that the
        // rest of the file will bring at the same rate, so its columns grow about once.
        let size = Int(FilePaths.size(url))
        var reserved = size < 1 << 20
        let end = TFRecordReader(url: url).forEachRecord { data, offset in
            if !reserved, offset > size / 16 {
                reserved = true
                let rest = Double(size - offset) / Double(max(offset, 1))
                for i in series.indices {
                    series[i].reserveCapacity(series[i].count + Int(min(Double(series[i].count) * rest, Double(1 << 26))) + 64)
                }
            }
            if appendPlainScalars(data) { return }
            do {
                recordOffset = offset
                process(try EventDecoder.decode(data, tags: &tags), file: url)
            } catch {
                let at = (error as? ProtoWire.Malformed).map { offset + 12 + $0.offset } ?? offset
                context.warn(.tensorBoardMalformedEvent(at: offset), url, byteOffset: at)
            }
        }
        switch end {
        case .complete: break
        case .truncated(let offset):
            context.warn(.truncatedRecord(format: "tensorboard", at: offset), url, byteOffset: offset)
        case .badLengthChecksum(let offset):
            context.warn(.tensorBoardBadLengthChecksum(at: offset), url, byteOffset: offset)
        case .badDataChecksum(let offset):
            context.warn(.tensorBoardBadDataChecksum(at: offset), url, byteOffset: offset)
        case .unreadable:
            context.warn(.unreadableFile, url)
        }
    }

    /// The fast path for the event nearly every scalar record is (wall time, step, and a summary of
    /// `simple_value`s with a tag and nothing else): appended straight from the record's bytes, with no
    /// `TBEvent` built and no tag `String` made. It does what `process` would do for such an event, and
    /// returns false (nothing changed) for any other event, or when the event would trigger a purge,
    /// so that the general path handles it.
    private mutating func appendPlainScalars(_ data: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let event = PlainScalarEvent(data) else { return false }
        if !(fileVersion.map { $0 >= 2 } ?? false), event.step < mostRecentStep { return false }
        if firstWallTime == nil { firstWallTime = event.wallTime }
        if event.wallTime.isFinite, event.wallTime > (lastWallTime ?? -.infinity) { lastWallTime = event.wallTime }
        mostRecentStep = event.step
        event.forEachValue { tag, value in
            let i = seriesSlots.index(of: tag) ?? newSlot(for: tag)
            series[i].append(step: event.step, value: Double(value), time: event.wallTime)
        }
        return true
    }

    private mutating func newSlot(for tagBytes: UnsafeBufferPointer<UInt8>) -> Int {
        let tag = tags.string(tagBytes)
        let i: Int
        if let existing = seriesIndex[tag] { i = existing } else {
            i = series.count
            seriesIndex[tag] = i
            series.append(MetricSeries(key: MetricKey(tag)))
        }
        seriesSlots.add(tagBytes, index: i)
        return i
    }

    private mutating func process(_ event: TBEvent, file: URL) {
        if firstWallTime == nil { firstWallTime = event.wallTime }
        if event.wallTime.isFinite, event.wallTime > (lastWallTime ?? -.infinity) { lastWallTime = event.wallTime }
        if let text = event.fileVersion {
            // event_util.ParseFileVersion: the number after "brain.Event:", -1 when unparsable.
            let token = text.components(separatedBy: "brain.Event:").last ?? ""
            fileVersion = Double(token) ?? -1
        }
        maybePurge(event)
        if event.hasSummary { mostRecentStep = event.step }
        for value in event.values { process(value, event: event, file: file) }
    }

    private mutating func maybePurge(_ event: TBEvent) {
        if let version = fileVersion, version >= 2 {
            guard event.logStatus == 1 else { return }
            if !seenStartRecord { seenStartRecord = true; return }
            purge(stepAtLeast: event.step, tags: nil)
        } else if event.step < mostRecentStep && event.hasSummary {
            purge(stepAtLeast: event.step, tags: Set(event.values.map(\.tag)))
        }
    }

    /// Drops points with step ≥ `step`, for `tags` only or for all tags.
    private mutating func purge(stepAtLeast step: Int64, tags: Set<String>?) {
        for i in series.indices where tags?.contains(series[i].key.name) ?? true {
            let keep = series[i].steps.indices.filter { series[i].steps[$0] < step }
            guard keep.count < series[i].count else { continue }
            var kept = MetricSeries(key: series[i].key)
            for k in keep { kept.append(step: series[i].steps[k], value: series[i].values[k], time: series[i].times[k]) }
            series[i] = kept
        }
        images.removeAll { ($0.image.step ?? .min) >= Step(step) && (tags?.contains($0.tag) ?? true) }
        texts.removeAll { ($0.step ?? .min) >= Step(step) && (tags?.contains($0.name) ?? true) }
    }

    private mutating func process(_ value: TBValue, event: TBEvent, file: URL) {
        if let meta = value.metadata, pluginOfTag[value.tag] == nil {
            pluginOfTag[value.tag] = meta.pluginName
            if meta.pluginName == "hparams" { readHParams(meta.content, tag: value.tag, file: file) }
        }
        switch value.payload {
        case .none:
            break
        case .simpleValue(let float):
            appendScalar(value.tag, step: event.step, value: Double(float), time: event.wallTime)
        case .image(let bytes):
            appendImage(value.tag, step: event.step, bytes: bytes, index: 0)
        case .histogram:
            skipped("histogram", tag: value.tag, file: file)
        case .audio:
            skipped("audio", tag: value.tag, file: file)
        case .tensor(let tensor):
            // Old-style tensor summaries have no tag and are keyed by node name (as TensorBoard does).
            let tag = value.tag.isEmpty ? value.nodeName : value.tag
            switch pluginOfTag[tag] ?? "" {
            case "scalars":
                if let number = tensor.firstNumber {
                    appendScalar(tag, step: event.step, value: number, time: event.wallTime)
                } else {
                    skipped("non-numeric scalar", tag: tag, file: file)
                }
            case "images":
                // TF2 image tensors: [width, height, png, png, …] as strings.
                for (k, png) in tensor.strings.dropFirst(2).enumerated() {
                    appendImage(tag, step: event.step, bytes: png, index: k)
                }
            case "text":
                let text = tensor.strings.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
                texts.append(RunText(name: tag, step: Step(event.step), text: text))
            case "hparams":
                break
            case "histograms":
                skipped("histogram", tag: tag, file: file)
            case "":
                skipped("tensor (no plugin)", tag: tag, file: file)
            case let plugin:
                skipped(plugin, tag: tag, file: file)
            }
        }
    }

    private mutating func appendScalar(_ tag: String, step: Int64, value: Double, time: Double) {
        let i: Int
        if let existing = seriesIndex[tag] { i = existing } else {
            i = series.count
            seriesIndex[tag] = i
            series.append(MetricSeries(key: MetricKey(tag)))
        }
        series[i].append(step: step, value: value, time: time)
    }

    private mutating func appendImage(_ tag: String, step: Int64, bytes: [UInt8], index: Int) {
        let name = "\(tag)/step-\(step)\(index > 0 ? "-\(index)" : "")\(Self.imageExtension(bytes))"
        images.append((tag, RunImage(name: name, step: Step(step), content: .bytes(bytes))))
        // Keep the newest `imagesPerTag` of this tag.
        var count = 0
        for entry in images where entry.tag == tag { count += 1 }
        if count > Self.imagesPerTag, let oldest = images.firstIndex(where: { $0.tag == tag }) {
            images.remove(at: oldest)
        }
    }

    /// File extension from the image's magic bytes (PNG, JPEG, GIF); ".png" when unknown.
    static func imageExtension(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return ".jpg" }
        if bytes.starts(with: [0x47, 0x49, 0x46]) { return ".gif" }
        return ".png"
    }

    private mutating func readHParams(_ content: [UInt8], tag: String, file: URL) {
        do {
            let result = try HParamsDecoder.decode(content)
            for (key, value) in result.params { params[key] = value }
            if let s = result.status { status = s }
            if let t = result.endTime, t > 0 { hparamsEnd = t }
        } catch is HParamsDecoder.TooDeep {
            context.warn(.tensorBoardHParamsTooDeep(tag: tag, limit: InputLimits.depth), file)
        } catch {
            context.warn(.tensorBoardMalformedHParams(tag: tag), file, byteOffset: recordOffset)
        }
    }

    private mutating func skipped(_ kind: String, tag: String, file: URL) {
        guard skippedKinds[kind] == nil else { return }
        skippedKinds[kind] = (tag, file)
        skippedOrder.append(kind)
    }

    /// Moves what was read into `run`, and reports each kind of summary that was skipped, once.
    func finish(into run: inout Run) {
        run.metrics = series.filter { $0.count > 0 }  // a tag whose points were all purged
        run.images = images.map(\.image)
        run.texts = texts
        run.params = params
        if let status { run.status = status }
        run.start = firstWallTime
        run.end = hparamsEnd
        run.lastActivity = lastWallTime
        for kind in skippedOrder {
            let (tag, file) = skippedKinds[kind]!
            context.log.append(.note(.tensorBoardSummaryNotShown(kind, first: tag), at: context.location(file)))
        }
    }
}
