#if canImport(Glibc)
import Glibc

/// Linux's inotify over a set of folders: a change to any file in them, a file or folder created,
/// deleted or moved. Nil when inotify is unavailable or the watch limit is reached, so that the
/// caller polls instead.
final class InotifyWatch {
    private let fd: Int32
    private var pending: [String] = []
    private var paths: [Int32: String] = [:]
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    init?(folders: [String]) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard add(folders) else { close(fd); return nil }
    }

    deinit { close(fd) }

    /// Watches more folders; false when the system's watch limit is reached.
    @discardableResult
    func add(_ folders: [String]) -> Bool {
        for folder in folders {
            let wd = inotify_add_watch(fd, folder, Self.mask)
            if wd < 0 { if errno == ENOSPC { return false }; continue }
            paths[wd] = folder
        }
        return true
    }

    /// Blocks until an event arrives (true) or `timeout` seconds pass (false); reads every event waiting.
    func wait(timeout: Double) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(max(0, timeout) * 1000)) > 0 else { return false }
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            changed = true
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let folder = paths[wd], length > 0 {
                    let bytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                    pending.append(folder + "/" + String(decoding: bytes, as: UTF8.self))
                }
                offset = nameStart + length
            }
        }
        return changed
    }

    /// Folders created since the last call, to be watched too.
    func createdFolders() -> [String] {
        defer { pending = [] }
        return pending
    }
}
#endif
