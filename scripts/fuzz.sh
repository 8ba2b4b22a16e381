#!/usr/bin/env bash
# Builds the libFuzzer targets (they are part of the asan build: scripts/build.sh asan,
# ASan + UBSan) and runs each for its share of the time; fuzz/README.md says what they
# test and how to reproduce a finding.
#   scripts/fuzz.sh --minutes N      N minutes in all, split evenly between the targets
#   scripts/fuzz.sh --smoke          one minute per target; exits 1 on any finding
#   scripts/fuzz.sh --target NAME    only that target (compile_fuzzer, run_fuzzer), all
#                                    of the time
#   scripts/fuzz.sh --built DIR      use the targets already built in DIR, build nothing
#                                    (ctest's fuzz/smoke tests, during npm test)
# The working corpus of each target lives in DIR/fuzz/corpus/NAME (kept between runs,
# outside git), seeded from the .py files of tests/programs and tests/scenarios; findings
# (crash-*, timeout-*, oom-*, leak-*) go to DIR/fuzz/findings/NAME. At the end it prints
# one line per target: executions, coverage (libFuzzer's cov: edges, ft: features) and
# the findings; the exit status is 1 when there were any (or libFuzzer failed).
# A finding stops libFuzzer; outside --smoke the target is restarted for the rest of its
# time, so one run can collect several.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=10 smoke=0 only= build=build/asan built=0
while (($#)); do
  case $1 in
    --minutes) minutes=${2:?--minutes needs a number}; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --target) only=${2:?--target needs a name}; shift 2 ;;
    --built) build=${2:?--built needs a build directory}; built=1; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scripts/fuzz.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ $minutes =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "scripts/fuzz.sh: --minutes needs a number" >&2; exit 2; }

targets=(compile_fuzzer run_fuzzer)
[[ -n $only ]] && targets=("$only")

((built)) || CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2} bash scripts/build.sh asan
dir=$build/fuzz
mkdir -p "$dir"

# Seeds: every program of the corpus, flattened into a directory of this run's own: two
# runs at once (ctest's two smoke tests) copying into one raced ("cp: File exists").
seeds=$(mktemp -d "$dir/seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
while IFS= read -r -d '' file; do
  cp "$file" "$seeds/$(echo "${file#tests/}" | tr / _)"
done < <(find tests/programs tests/scenarios -name '*.py' -print0)

if ((smoke)); then
  seconds_each=60
else
  seconds_each=$(awk -v m="$minutes" -v n="${#targets[@]}" 'BEGIN { printf "%d", m * 60 / n }')
fi

# -detect_leaks: a leak is a finding (the run frees its whole heap at its end).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0 report=()
for target in "${targets[@]}"; do
  corpus=$dir/corpus/$target findings=$dir/findings/$target logs=$dir/logs/$target
  mkdir -p "$corpus" "$findings" "$logs"
  before=$(ls "$findings" | wc -l)
  executions=0 coverage="cov: 0 ft: 0" session=0 start=$SECONDS
  while :; do
    left=$((seconds_each - (SECONDS - start)))
    ((left > 0)) || break
    session=$((session + 1))
    log=$logs/session-$session.log
    echo "=== $target: session $session, $left s (log: $log)"
    result=0
    # -timeout: seconds one input may run; -rss_limit_mb: the whole process; the run's own
    # heap cap (fuzz/run_fuzzer.cpp) is far below it.
    "$build/$target" -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
      -dict=fuzz/python.dict -print_final_stats=1 -artifact_prefix="$findings/" \
      "$corpus" "$seeds" >"$log" 2>&1 || result=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1 || true)
    executions=$((executions + ${runs:-0}))
    last=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
    [[ -n $last ]] && coverage=$last
    if ((result != 0)); then
      status=1  # a finding, or libFuzzer itself failed (a bad flag, a broken build)
      grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -n 3 || true
      tail -n 3 "$log"
      ((smoke)) && break
    fi
    ((result == 0)) && break
  done
  found=$(($(ls "$findings" | wc -l) - before))
  ((found > 0)) && status=1
  report+=("$target: $executions executions in $((SECONDS - start)) s, $coverage, corpus $(ls "$corpus" | wc -l) files, $found new findings")
  for file in $(ls -t "$findings" | head -n "$found"); do report+=("  $findings/$file"); done
done
echo "=== fuzz summary"
printf '%s\n' "${report[@]}"
exit "$status"
