#!/usr/bin/env bash
# The benchmarks (bench/README.md), each side by side with CPython in the same run:
#   1. the core: aio_bench against the same workloads on CPython's asyncio;
#   2. the interpreter: bench/programs/*.py on the native CLI and on CPython.
# A few minutes once built.
#   bench/run.sh [--repetitions N] [--full] [--wasm]
#     --repetitions N  best of N for CPython (aio_bench always takes the best of 5)
#     --full           CPython queue workload with all 1M items (adds ~40 s)
#     --wasm           also build aio_bench with em++ and report its memory per task
set -euo pipefail
cd "$(dirname "$0")/.."

python_args=()
wasm=false
while (($#)); do
  case $1 in
    --repetitions) python_args+=(--repetitions "${2:?--repetitions needs a number}"); shift 2 ;;
    --full) python_args+=(--full); shift ;;
    --wasm) wasm=true; shift ;;
    *) echo "usage: bench/run.sh [--repetitions N] [--full] [--wasm]" >&2; exit 2 ;;
  esac
done

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "bench: $python is not CPython 3.11; the comparison is against 3.11's asyncio" >&2
  exit 1
fi

. scripts/env.sh  # NODE_PATH for emcc
# The native build (and the wasm one, for --wasm) hold the aio_bench target.
cmake --build build/native --target aio_bench awaitpad >/dev/null
bench=build/native/aio_bench
if $wasm; then
  [[ -f build/wasm/build.ninja ]] || bash scripts/build.sh wasm >/dev/null
  cmake --build build/wasm --target aio_bench >/dev/null
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "bench: running $bench, then CPython asyncio ($("$python" -V 2>&1))" >&2
"$bench" >"$scratch/ours.tsv"
if $wasm; then
  node build/wasm/aio_bench.js --workload memory >"$scratch/wasm.tsv"
  python_args+=(--compare-wasm "$scratch/wasm.tsv")
fi
"$python" bench/asyncio_bench.py --compare "$scratch/ours.tsv" "${python_args[@]}"
echo >&2
"$python" bench/programs_bench.py --awaitpad build/native/awaitpad
