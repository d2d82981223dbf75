#!/usr/bin/env bash
# Runs the test suite under a sanitizer, in its own build folder so the normal build is kept:
#
#   scripts/sanitize.sh address [swift test options…]    AddressSanitizer, .build-asan
#   scripts/sanitize.sh thread  [swift test options…]    ThreadSanitizer, .build-tsan
#
# Each is a full rebuild of the package and its dependencies. See docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
case ${1:-} in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "usage: scripts/sanitize.sh address|thread [swift test options…]" >&2; exit 2 ;;
esac
sanitizer=$1; shift
# Leaks are Swift runtime and Foundation caches that live for the whole process, not bugs.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
swift test --sanitize="$sanitizer" --scratch-path "$scratch" "$@"
