#!/usr/bin/env bash
# The benchmarks (bench/README.md), each side by side with its peers in the same run:
#   1. the core: aio_bench against the same workloads on CPython's asyncio;
#   2. the interpreter: bench/programs/*.py on the native CLI and on CPython;
#   3. the wasm build: bench/programs/*.py beside Pyodide and MicroPython in Node, download
#      sizes and cold start in Node (wasm_bench.mjs), then cold start in headless Chromium
#      (wasm_cold_start_browser.mjs). Skipped when build/wasm/awaitpad.wasm is missing.
#   4. the playground page (dist/, built here): the gaps between its frames while a program
#      prints 10,000 lines, and what the page does meanwhile (print_10000_browser.mjs).
# Ten minutes or so once built (Pyodide is most of the wasm part).
#   bench/run.sh [--repetitions N] [--full] [--wasm]
#     --repetitions N  best of N for CPython's asyncio and the wasm runtimes (aio_bench: best of 5)
#     --full           CPython queue workload with all 1M items (adds ~40 s)
#     --wasm           also build the wasm module and aio_bench with em++, and report
#                      aio_bench's memory per task
set -euo pipefail
cd "$(dirname "$0")/.."

python_args=()
repetition_args=()
wasm=false
while (($#)); do
  case $1 in
    --repetitions)
      repetition_args=(--repetitions "${2:?--repetitions needs a number}")
      python_args+=("${repetition_args[@]}")
      shift 2 ;;
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
# The native build (and the wasm one, for --wasm) hold the aio_bench target; the wasm one
# also the module (awaitpad_web).
cmake --build build/native --target aio_bench awaitpad >/dev/null
bench=build/native/aio_bench
if $wasm; then
  [[ -f build/wasm/build.ninja ]] || bash scripts/build.sh wasm >/dev/null
  cmake --build build/wasm --target aio_bench awaitpad_web >/dev/null
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
echo >&2
wasm_module=${AWAITPAD_WASM_DIR:-build/wasm}/awaitpad.wasm
if [[ ! -f $wasm_module ]]; then
  echo "bench: skipping the wasm benchmarks: $wasm_module is missing" \
    "(npm run build:wasm, or bench/run.sh --wasm)" >&2
  exit 0
fi
node bench/wasm_bench.mjs "${repetition_args[@]}"
echo >&2
node bench/wasm_cold_start_browser.mjs
echo >&2
npm run build --silent >/dev/null
node bench/print_10000_browser.mjs --tries 10
