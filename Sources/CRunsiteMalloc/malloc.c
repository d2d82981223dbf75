// glibc's mallopt is declared in <malloc.h>, which Swift's Glibc module does not include.
#include "runsite_malloc.h"
#include <stdlib.h>   // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

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
