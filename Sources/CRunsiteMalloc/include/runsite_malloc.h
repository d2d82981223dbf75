#ifndef RUNSITE_MALLOC_H
#define RUNSITE_MALLOC_H

/// Sets glibc's malloc thresholds (see AllocatorTuning.swift); returns how many of the three settings were taken (0 where there is no mallopt).
int runsite_tune_malloc(int mmap_threshold, int trim_threshold, int top_pad);

#endif
