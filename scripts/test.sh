#!/usr/bin/env bash
# Everything CI checks, in order, stopping at the first failure:
#   set-up; native build + tests; ASan/UBSan build + tests (the fuzzing smoke among them:
#   ctest's fuzz/smoke/*); wasm build + tests under node.
# Ends with one line "summary: N passed, N failed" over all ctest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
jobs=$(nproc 2>/dev/null || echo 2)
passed=0 failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

summary() { echo "summary: $passed passed, $failed failed"; }

step() {  # step NAME COMMAND...: run a step, time it, stop everything on failure
  local name=$1 start=$SECONDS
  shift
  echo "=== $name"
  if ! "$@"; then
    echo "=== $name FAILED after $((SECONDS - start)) s"
    summary
    exit 1
  fi
  echo "=== $name ok ($((SECONDS - start)) s)"
}

run_ctest() {  # run_ctest DIR: ctest that fails on zero tests and adds to the totals
  local status=0 line total fails
  ctest --test-dir "$1" --output-on-failure --no-tests=error -j "$jobs" 2>&1 | tee "$log" || status=$?
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
  if [[ $line =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    fails=${BASH_REMATCH[1]} total=${BASH_REMATCH[2]}
    passed=$((passed + total - fails)) failed=$((failed + fails))
  fi
  return "$status"
}

step setup bash scripts/setup.sh
step "build native" bash scripts/build.sh native
step "test native" run_ctest build/native
step "build asan" bash scripts/build.sh asan
step "test asan" run_ctest build/asan
step "build wasm" bash scripts/build.sh wasm
step "test wasm" run_ctest build/wasm
summary
