#!/usr/bin/env bash
# Set up, build the native release and the wasm module, then run the benchmarks (bench/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh native
bash scripts/build.sh wasm
exec bash bench/run.sh "$@"
