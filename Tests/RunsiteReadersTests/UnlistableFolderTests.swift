import Foundation
import RunsiteCore
import Testing
@testable import RunsiteReaders

/// A folder that cannot be listed is reported, naming it, instead of being skipped in silence.
@Suite struct UnlistableFolderTests {
    /// Folders nested until their path is longer than `PATH_MAX`, made relative to open folders
    /// (as `mkdirat` allows), so that listing the deepest fails with `ENAMETOOLONG`, as root too.
    @Test func folderWhosePathIsTooLongIsAWarning() throws {
        let tree = TempTree()
        let name = String(repeating: "d", count: 250)
        var folders = [open(tree.root.path, O_RDONLY | O_DIRECTORY)]
        while folders.count * 251 + tree.root.path.count < Int(PATH_MAX) + 300 {
            #expect(mkdirat(folders.last!, name, 0o755) == 0)
            folders.append(openat(folders.last!, name, O_RDONLY | O_DIRECTORY))
        }
        defer {
            // Removed the same way, deepest first: the paths are too long for `rmdir`.
            close(folders.removeLast())
            while let parent = folders.popLast() { unlinkat(parent, name, AT_REMOVEDIR); close(parent) }
        }
        let log = DiagnosticLog()
        _ = Discovery(readers: Readers.all).readProjects(in: [tree.root], log: log)
        let warnings = log.sorted.filter { $0.id == "reader.unlistable-folder" }
        #expect(warnings.count == 1, "\(log.summaryText)")
        #expect(warnings.first?.message.contains("File name too long") == true)
    }

    @Test(.enabled(if: getuid() != 0, "root lists any folder"))
    func folderWithoutPermissionIsAWarning() throws {
        let tree = TempTree()
        tree.write("runs/a/runsite.json", "{\"name\": \"a\"}\n")
        let locked = tree.root.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o755) }
        let (runs, log) = tree.read()
        #expect(runs.count == 1)
        #expect(log.warnings("reader.unlistable-folder", file: "locked").count == 1, "\(log.summaryText)")
    }
}
