import CRunsiteMalloc
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings for the allocator, made once at start-up by the executables.
///
/// On Linux the executables link jemalloc (Package.swift). A build frees page-sized garbage on two
/// or more threads all the time (a file's read block, a run's columns, a page's text) while it
/// holds a small table of every run; glibc keeps much of that garbage in per-thread arenas, so
/// peak memory grows with the number of runs. jemalloc gives pages back after a delay: half a second
/// for dirty pages and none for "muzzy" ones (pages already advised free but still counted in
/// RSS) keeps peak memory close to what one page needs, at no cost in time (figures in
/// docs/performance.md, "Memory and the allocator"). jemalloc also keeps one arena per CPU
/// (`malloc_conf` in CRunsiteMalloc), since each arena holds its own freed pages.
///
/// Without jemalloc (a build that does not link it), glibc is tuned instead: with its defaults
/// the heap's top is given back to the kernel whenever 128 KB are free there and taken again at
/// the next allocation, so the same memory is unmapped, faulted in and zeroed over and over.
/// Keeping 16 MB of padding at the heap's top, trimming only past 128 MB, and serving blocks up
/// to 32 MB from the heap removes that churn.
///
/// Left alone when the user tunes the allocator from outside (`MALLOC_CONF` for jemalloc,
/// `GLIBC_TUNABLES` with `glibc.malloc.` for glibc).
public enum AllocatorTuning {
    public enum Allocator: String, Sendable { case jemalloc, glibc, other }

    /// The allocator this process uses.
    public static var allocator: Allocator {
        #if canImport(Glibc)
        return runsite_uses_jemalloc() != 0 ? .jemalloc : .glibc
        #else
        return .other
        #endif
    }

    /// The allocator and, for jemalloc, the decay times arena 0 has now ("jemalloc, decay 500/0 ms"):
    /// what the benchmark prints, so that its figures say what they were measured with.
    public static var description: String {
        guard allocator == .jemalloc else { return allocator.rawValue }
        let dirty = runsite_jemalloc_setting("arena.0.dirty_decay_ms"), muzzy = runsite_jemalloc_setting("arena.0.muzzy_decay_ms")
        return "jemalloc, decay \(dirty)/\(muzzy) ms"
    }

    /// jemalloc's decay times, in milliseconds.
    public static let dirtyDecayMilliseconds = 500, muzzyDecayMilliseconds = 0

    public static func apply() {
        switch allocator {
        case .jemalloc:
            if getenv("MALLOC_CONF") == nil {
                _ = runsite_tune_jemalloc(dirtyDecayMilliseconds, muzzyDecayMilliseconds)
            }
        case .glibc:
            if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("glibc.malloc.") { break }
            _ = runsite_tune_malloc(32 << 20, 128 << 20, 16 << 20)
        case .other:
            break
        }
    }
}
