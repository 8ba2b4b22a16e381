#!/usr/bin/env bash
# Set up, build the native release, then run the benchmarks (bench/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh native
exec bash bench/run.sh "$@"
