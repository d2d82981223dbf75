// The allocator's settings (see AllocatorTuning.swift). jemalloc's `mallctl` is looked up at run
// time, so this file links with or without jemalloc; glibc's mallopt is declared in <malloc.h>,
// which Swift's Glibc module does not include.
#define _GNU_SOURCE
#include "runsite_malloc.h"
#include <stdio.h>
#include <stdlib.h>   // defines __GLIBC__ on glibc
#include <sys/types.h>
#if defined(__GLIBC__)
#include <dlfcn.h>
#include <malloc.h>
#endif

// jemalloc's options at start-up, read before any allocation (MALLOC_CONF overrides them): one
// arena per CPU, used by the threads running on it. By default jemalloc makes four per CPU and
// hands them to threads in turn, and each keeps its own freed pages for the decay time, so peak
// memory varied by 10 MB from build to build (docs/performance.md, "Memory and the allocator").
const char *malloc_conf = "percpu_arena:percpu";

typedef int (*mallctl_fn)(const char *, void *, size_t *, void *, size_t);

static mallctl_fn jemalloc_mallctl(void) {
#if defined(__GLIBC__)
    return (mallctl_fn)dlsym(RTLD_DEFAULT, "mallctl");
#else
    return NULL;
#endif
}

int runsite_uses_jemalloc(void) { return jemalloc_mallctl() != NULL; }

int runsite_tune_jemalloc(long dirty_decay_ms, long muzzy_decay_ms) {
    mallctl_fn ctl = jemalloc_mallctl();
    if (ctl == NULL) return -1;
    ssize_t dirty = dirty_decay_ms, muzzy = muzzy_decay_ms;
    // The defaults for arenas made later (one per thread that allocates, up to 4 per core) ...
    int failed = ctl("arenas.dirty_decay_ms", NULL, NULL, &dirty, sizeof dirty) != 0;
    failed += ctl("arenas.muzzy_decay_ms", NULL, NULL, &muzzy, sizeof muzzy) != 0;
    // ... and the arenas that exist already (arena 0 at least); ones not yet made refuse, harmlessly.
    unsigned count = 0;
    size_t size = sizeof count;
    if (ctl("arenas.narenas", &count, &size, NULL, 0) != 0) return failed + 1;
    for (unsigned i = 0; i < count; i++) {
        char name[64];
        snprintf(name, sizeof name, "arena.%u.dirty_decay_ms", i);
        int made = ctl(name, NULL, NULL, &dirty, sizeof dirty) == 0;
        snprintf(name, sizeof name, "arena.%u.muzzy_decay_ms", i);
        if (made && ctl(name, NULL, NULL, &muzzy, sizeof muzzy) != 0) failed++;
    }
    return failed;
}

long runsite_jemalloc_setting(const char *name) {
    mallctl_fn ctl = jemalloc_mallctl();
    if (ctl == NULL) return -2;
    ssize_t value = 0;
    size_t size = sizeof value;
    return ctl(name, &value, &size, NULL, 0) == 0 ? (long)value : -3;
}

int runsite_tune_malloc(int mmap_threshold, int trim_threshold, int top_pad) {
#if defined(__GLIBC__)
    // Each setting on its own: mallopt returns 1 when it took the value.
    int taken = mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    taken += mallopt(M_TRIM_THRESHOLD, trim_threshold);
    taken += mallopt(M_TOP_PAD, top_pad);
    return taken;
#else
    (void)mmap_threshold; (void)trim_threshold; (void)top_pad;
    return 0;
#endif
}
