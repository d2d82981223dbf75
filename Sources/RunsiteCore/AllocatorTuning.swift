import CRunsiteMalloc
#if canImport(Glibc)
import Glibc
#endif

/// Settings for glibc's `malloc`, made once at start-up by the executables.
///
/// A build allocates and frees buffers of a few hundred kilobytes to a few megabytes all the time
/// (a file's read block, a run's columns, a page's text). With glibc's defaults the heap's top is
/// given back to the kernel whenever 128 KB are free there and taken again at the next allocation,
/// so the same memory is unmapped, faulted in and zeroed over and over: on the benchmark's corpus M
/// that was 1.6 s of 11.5 s of CPU (`clear_page_erms`, `exc_page_fault` in `perf`). Keeping 16 MB of
/// padding at the heap's top, trimming only past 128 MB, and serving blocks up to 32 MB from the
/// heap removes that churn; peak memory stayed the same (M: 93 MB before and after).
///
/// Left alone when the user sets `GLIBC_TUNABLES` for `malloc`, so that it can still be tuned
/// from outside. Does nothing on other C libraries.
public enum AllocatorTuning {
    public static func apply() {
        #if canImport(Glibc)
        if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("glibc.malloc.") { return }
        _ = runsite_tune_malloc(32 << 20, 128 << 20, 16 << 20)
        #endif
    }
}
