import Foundation
import RunsiteReaders
#if canImport(Glibc)
import Glibc
#endif

/// Reusing a whole folder of the previous site (a run page with its figures and media) without
/// creating a folder and hard-linking each file: the build adopts the folder, and the commit moves
/// it from the old site (already set aside) into the staging tree with one rename, just before the
/// staging tree takes the old site's place. Creating folders is what reuse costs most on ext4.
extension SiteWriter.StagingArea {
    /// Takes over `folder` of the previous site at commit, when it holds exactly `files` (site
    /// paths) and nothing else; returns false (nothing done) otherwise, and the caller links the files.
    public func adopt(_ folder: String, of previousSite: URL, files: [String]) -> Bool {
        guard !folder.isEmpty, !SiteWriter.escapes(folder),
              let listed = SiteWriter.regularFiles(under: previousSite.child(folder).path, limit: files.count),
              Set(listed.map { folder + "/" + $0 }) == Set(files), listed.count == files.count else { return false }
        lock.lock()
        adopted.append((folder, files))
        paths.append(contentsOf: files)
        lock.unlock()
        return true
    }

    /// Moves the adopted folders from the old site (set aside at `previous`) into the staging tree;
    /// a folder that the build also wrote into is linked file by file instead. Returns the folders moved.
    func takeAdoptedFolders(from previous: URL?) throws -> [String] {
        lock.lock(); let folders = adopted; lock.unlock()
        guard !folders.isEmpty else { return [] }
        guard let previous else { throw SiteWriter.Failure.io("the previous site disappeared during the build") }
        var moved: [String] = []
        for (folder, files) in folders {
            let source = previous.child(folder).path, target = url(folder).path
            try makeDirectory(url(folder).deletingLastPathComponent().path)
            if access(target, F_OK) != 0, rename(source, target) == 0 {
                moved.append(folder)
                continue
            }
            for file in files { try place(previous.child(file).path, at: file) }
        }
        return moved
    }
}

extension SiteWriter {
    /// The regular files under a folder (relative, '/'-separated), or nil when it cannot be read,
    /// is a link or holds anything else (a link, a device, an empty folder) or more than `limit` files.
    static func regularFiles(under path: String, limit: Int) -> [String]? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var files: [String] = []
        while let entry = readdir(dir) {
            let name = FilePaths.entryName(entry)
            if name == "." || name == ".." { continue }
            switch Int32(FilePaths.entryKind(entry)) {
            case Int32(DT_REG): files.append(name)
            case Int32(DT_DIR):
                guard let inner = regularFiles(under: path + "/" + name, limit: limit - files.count), !inner.isEmpty else { return nil }
                files += inner.map { name + "/" + $0 }
            default: return nil
            }
            if files.count > limit { return nil }
        }
        return files
    }
}
