import Foundation
import Testing

/// A run's notes show only images that are files of the run; nothing else makes the page fetch.
@Suite struct NoteImagesTests {
    @Test func onlyImagesInsideTheRunLoad() throws {
        let input = TestSite.temporaryDirectory()
        let run = input.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("plots"), withIntermediateDirectories: true)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        try png.write(to: run.appendingPathComponent("plots/loss 1.png"))
        try png.write(to: input.appendingPathComponent("outside.png"))
        try Data("secret".utf8).write(to: run.appendingPathComponent("plots/secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: run.appendingPathComponent("plots/link.png").path,
                                                   withDestinationPath: input.appendingPathComponent("outside.png").path)
        let notes = "![ok](plots/loss%201.png) ![up](../outside.png) ![link](plots/link.png) ![txt](plots/secret.txt) "
            + "![abs](\(input.path)/outside.png) ![pixel](http://evil.invalid/beacon.png) ![proto](//evil.invalid/b.png) [site](https://example.org)"
        let meta = try JSONSerialization.data(withJSONObject: ["notes": notes])
        try meta.write(to: run.appendingPathComponent("runsite.json"))
        let (site, log) = try TestSite.build([input])
        let files = TestSite.contents(of: site)
        let path = try #require(files.keys.first { $0.hasSuffix("/r/index.html") })
        let page = TestSite.text(site, path)
        let folder = String(path.dropLast("index.html".count))
        #expect(files[folder + "notes/plots/loss 1.png"] == png)
        #expect(page.contains("/r/notes/plots/loss%201.png\" alt=\"ok\""))
        #expect(page.components(separatedBy: "<img").count == 2, "one image only")
        #expect(!files.keys.contains { $0.hasSuffix("outside.png") || $0.hasSuffix("secret.txt") || $0.hasSuffix("link.png") })
        for (alt, reason) in [("up", "outside the run"), ("link", "outside the run"), ("txt", "not an image file"),
                              ("abs", "not a file of the run"), ("pixel", "remote"), ("proto", "remote")] {
            #expect(page.contains(alt + "</a> (image not shown: " + reason + ")") || page.contains(alt + " (image not shown: " + reason + ")"), "\(alt)")
        }
        #expect(page.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer nofollow\">site</a>"))
        let warnings = log.sorted.filter { $0.id == "site.notes-image-not-shown" }
        #expect(warnings.count == 6, "one warning per image not shown: \(log.sorted.map(\.formatted))")
        #expect(warnings.allSatisfy { $0.location?.line == 1 && $0.location?.column != nil })
        #expect(warnings.contains { $0.message.contains("http://evil.invalid/beacon.png") && $0.message.hasSuffix("remote") })
    }
}
