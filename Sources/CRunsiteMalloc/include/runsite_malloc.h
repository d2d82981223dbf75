#ifndef RUNSITE_MALLOC_H
#define RUNSITE_MALLOC_H

/// 1 when the process allocates with jemalloc (its `mallctl` is found), else 0.
int runsite_uses_jemalloc(void);

/// Sets jemalloc's decay times for every arena, existing and future; returns how many settings
/// were refused, or -1 when the process does not use jemalloc.
int runsite_tune_jemalloc(long dirty_decay_ms, long muzzy_decay_ms);

/// Reads one of jemalloc's `ssize_t` settings (`opt.dirty_decay_ms`, `arena.0.dirty_decay_ms`, ...);
/// -2 without jemalloc, -3 for a name it refuses.
long runsite_jemalloc_setting(const char *name);

/// Sets glibc's malloc thresholds (see AllocatorTuning.swift); returns how many of the three settings were taken (0 where there is no mallopt).
int runsite_tune_malloc(int mmap_threshold, int trim_threshold, int top_pad);

#endif
