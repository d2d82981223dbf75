import Foundation
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// Which images a run's notes may show. An image loads only when its URL is a relative path to a
/// regular image file inside the run's own folder (after resolving symlinks); that file is copied
/// to `<run>/notes/…` in the site. Remote images, absolute paths, paths that leave the run, and
/// anything that is not an image file are refused, so that a note never makes the page fetch.
struct NoteImages {
    static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg"]

    let context: PageContext
    let place: RunPlace
    private var copied: [String: String] = [:]

    init(context: PageContext, place: RunPlace) {
        self.context = context
        self.place = place
    }

    /// The decision for one image URL as written in the note.
    mutating func decide(_ url: String) -> ImageDecision {
        if UntrustedURL.isRemote(url) { return .refuse(reason: "remote") }
        guard UntrustedURL.scheme(url) == nil, !url.hasPrefix("/"), !url.hasPrefix("\\") else {
            return .refuse(reason: "not a file of the run")
        }
        let path = url.prefix { $0 != "?" && $0 != "#" }
        guard let decoded = String(path).removingPercentEncoding, !decoded.isEmpty, !decoded.contains("\0"),
              let runRoot = Self.realPath(context.map.projects[place.project].runs[place.run].directory),
              let file = Self.realPath(runRoot + "/" + decoded) else { return .refuse(reason: "not a file of the run") }
        guard file.hasPrefix(runRoot + "/") else { return .refuse(reason: "outside the run") }
        guard Self.isRegularFile(file), let dot = file.lastIndex(of: "."),
              Self.extensions.contains(file[file.index(after: dot)...].lowercased()) else {
            return .refuse(reason: "not an image file")
        }
        if let src = copied[file] { return .load(src: src) }
        let relative = String(file.dropFirst(runRoot.count + 1))
        let sitePath = context.extraFiles.add(OutputFile(context.map.runDirectory(place) + "/notes/" + RunMedia.safeSegments(relative), .copy(file)))
        let src = RunMedia.link(sitePath, from: context)
        copied[file] = src
        return .load(src: src)
    }

    /// The path with every symlink resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
