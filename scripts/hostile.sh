#!/usr/bin/env bash
# The hostile-input campaign (docs/security.md): builds runsite in release mode and attacks it with
# hostile run folders. Usage: scripts/hostile.sh [--only CASE]... [--keep] [--debug]
set -euo pipefail
cd "$(dirname "$0")/.."
config=release
args=()
for a in "$@"; do
  if [ "$a" = "--debug" ]; then config=debug; else args+=("$a"); fi
done
swift build -c "$config" --product runsite >/dev/null
exec python3 scripts/hostile/campaign.py --runsite ".build/$config/runsite" "${args[@]+"${args[@]}"}"
