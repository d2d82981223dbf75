// CRC-32C with the SSE4.2 CRC32 instruction: TensorBoard's TFRecord framing checks two CRCs per
// record, and the instruction runs at several bytes per cycle, far ahead of a table in Swift.
// Written in C because Swift cannot name the instruction portably; the function is compiled for
// SSE4.2 with a target attribute, so the package needs no special flags, and callers check the CPU
// first (the Swift table is the fallback).
#include "runsite_crc.h"
#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int runsite_crc32c_hardware_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2") ? 1 : 0;
}

__attribute__((target("sse4.2")))
uint32_t runsite_crc32c_hardware(uint32_t crc, const uint8_t *bytes, size_t length) {
    uint64_t c = ~crc;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        c = _mm_crc32_u64(c, word);
        bytes += 8;
        length -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (length > 0) {
        c32 = _mm_crc32_u8(c32, *bytes);
        bytes++;
        length--;
    }
    return ~c32;
}
#else
int runsite_crc32c_hardware_available(void) { return 0; }
uint32_t runsite_crc32c_hardware(uint32_t crc, const uint8_t *bytes, size_t length) { (void)bytes; (void)length; return crc; }
#endif
