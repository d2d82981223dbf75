import Foundation
import RunsiteCore
import RunsiteMarkup
import Testing
@testable import RunsiteCharts

/// Absolute vertices of SVG path data as `PathData` writes it (M, l, Z with implicit repeats), and
/// the same path written with absolute coordinates only: what the charts wrote before.
enum PathVertices {
    /// Each subpath's vertices, in tenths of a pixel.
    static func subpaths(_ d: String) -> [[(x: Int64, y: Int64)]] {
        var result: [[(x: Int64, y: Int64)]] = []
        var numbers: [Double] = []
        var command: Character = "M"
        var current = (x: Int64(0), y: Int64(0))
        var token = ""
        func flushToken() { if !token.isEmpty { numbers.append(Double(token)!); token = "" } }
        func flushCommand() {
            flushToken()
            var i = 0
            while i + 1 < numbers.count {
                let x = Int64((numbers[i] * 10).rounded()), y = Int64((numbers[i + 1] * 10).rounded())
                if command == "M" {
                    current = (x, y); result.append([current]); command = "L"
                } else if command == "L" {
                    current = (x, y); result[result.count - 1].append(current)
                } else {
                    current = (current.x + x, current.y + y); result[result.count - 1].append(current)
                }
                i += 2
            }
            numbers = []
        }
        for c in d {
            switch c {
            case "M", "l", "L", "Z":
                flushCommand()
                command = c == "Z" ? "M" : c
            case "-":
                flushToken(); token = "-"
            case ".":
                if token.contains(".") { flushToken() }
                token.append(c)
            case ",", " ":
                flushToken()
            default:
                token.append(c)
            }
        }
        flushCommand()
        return result
    }

    /// The vertices as `x,y` texts with one decimal, as absolute path data has them.
    static func points(_ d: String) -> [String] {
        subpaths(d).flatMap { $0.map { text($0.x) + "," + text($0.y) } }
    }

    /// The path with absolute coordinates (`M x,y x,y …`, `Z` kept where it was).
    static func absolute(_ d: String) -> String {
        let closes = d.split(separator: "M", omittingEmptySubsequences: true).map { $0.hasSuffix("Z") }
        return zip(subpaths(d), closes).map { vertices, closed in
            "M" + vertices.map { text($0.x) + "," + text($0.y) }.joined(separator: " ") + (closed ? "Z" : "")
        }.joined()
    }

    static func text(_ tenths: Int64) -> String { NumberText.fixed(Double(tenths) / 10, digits: 1) }
}

@Suite struct PathDataTests {
    /// Random lines with breaks and closed stretches: the relative text decodes to the vertices
    /// rounded to a tenth, exactly, however long the line (no error adds up).
    @Test func relativeDataLandsOnTheRoundedVertices() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            var path = PathData()
            var expected: [[(x: Int64, y: Int64)]] = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                path.breakLine()
                var stretch: [(x: Int64, y: Int64)] = []
                var x = Double.random(in: -50...700, using: &rng), y = Double.random(in: -50...400, using: &rng)
                for _ in 0..<Int.random(in: 1...300, using: &rng) {
                    x += Double.random(in: -3...3, using: &rng); y += Double.random(in: -40...40, using: &rng)
                    path.add(x, y)
                    stretch.append((PathData.tenths(x), PathData.tenths(y)))
                }
                if Bool.random(using: &rng) { path.close() }
                expected.append(stretch)
            }
            let decoded = PathVertices.subpaths(path.text)
            #expect(decoded.map { $0.map(\.x) } == expected.map { $0.map(\.x) } && decoded.map { $0.map(\.y) } == expected.map { $0.map(\.y) },
                    "\(path.text.prefix(200))")
        }
    }

    @Test func numbersAreShortAndSeparatedOnlyWhereNeeded() {
        var path = PathData()
        path.add(120.5, 40); path.add(121.1, 37.7); path.add(121.6, 38.9); path.add(124.6, 38.9); path.add(124.6, 38.4)
        path.breakLine(); path.add(-0.04, 1e9); path.add(0.5, 1e9)
        #expect(path.text == "M120.5,40l.6-2.3 .5,1.2 3,0 0-.5M0,1000000l.5,0")   // far-off points clamped to a million pixels
        #expect(PathData.tenths(0.05) == 1 && PathData.tenths(-0.05) == -1 && PathData.tenths(.nan) == 0)
    }

    /// A real renderer draws the relative paths exactly as it draws the absolute ones: the same
    /// pixels from `rsvg-convert` (skipped where it is not installed; CI installs librsvg2-bin).
    static let rsvgConvert = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })

    @Test(.enabled(if: rsvgConvert != nil, "rsvg-convert is not installed (Debian librsvg2-bin)"))
    func aRendererDrawsTheSamePixelsAsWithAbsolutePaths() throws {
        let tool = try #require(Self.rsvgConvert)
        var rng = SeededGenerator(seed: 3)
        let xs = (0..<5_000).map(Double.init)
        let ys = xs.map { 2 / ($0 + 10) + Double.random(in: 0...0.05, using: &rng) + ($0 == 2_500 ? 1 : 0) }
        var options = LineChartOptions()
        options.smoothing = 0.8
        let svg = Serializer.xml(LineChart(series: [ChartSeries(label: "a", metric: "loss", colorIndex: 0, xs: xs, ys: ys),
                                                   ChartSeries(label: "b", metric: "loss", colorIndex: 1, xs: xs, ys: ys.map { $0 * 1.5 })],
                                          options: options).svg())
        // Every ` d="…"` rewritten with absolute coordinates.
        let pieces = svg.components(separatedBy: " d=\"")
        let absolute = pieces.dropFirst().reduce(pieces[0]) { text, piece in
            let end = piece.firstIndex(of: "\"")!
            return text + " d=\"" + PathVertices.absolute(String(piece[..<end])) + String(piece[end...])
        }
        #expect(absolute != svg)
        func png(_ text: String) throws -> Data {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rs-path-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try Data(text.utf8).write(to: folder.appendingPathComponent("c.svg"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-f", "png", "-o", folder.appendingPathComponent("c.png").path, folder.appendingPathComponent("c.svg").path]
            try process.run()
            process.waitUntilExit()
            return try Data(contentsOf: folder.appendingPathComponent("c.png"))
        }
        #expect(try png(svg) == png(absolute))
    }
}
