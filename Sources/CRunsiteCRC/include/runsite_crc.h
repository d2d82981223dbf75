#ifndef RUNSITE_CRC_H
#define RUNSITE_CRC_H
#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SSE4.2 CRC32 instruction (CRC-32C in hardware), else 0.
int runsite_crc32c_hardware_available(void);

/// CRC-32C of `length` bytes continuing from `crc` (pre- and post-inverted like zlib's crc32);
/// only call when runsite_crc32c_hardware_available() returned 1.
uint32_t runsite_crc32c_hardware(uint32_t crc, const uint8_t *bytes, size_t length);

#endif
