#!/usr/bin/env bash
# Configure (first time only) and build one build directory.
#   scripts/build.sh native   build/native  Release, g++
#   scripts/build.sh asan     build/asan    -O1 with line tables, clang++, ASan + UBSan, and
#                                           libFuzzer's coverage: the fuzz/ targets too
#   scripts/build.sh wasm     build/wasm    -Oz, em++ (tests run under node)
# Configures only when the directory is new or extra arguments are given (they go to the
# configure step, e.g. scripts/build.sh native -DCMAKE_BUILD_TYPE=Debug); after that ninja
# re-runs CMake by itself when CMakeLists.txt or a globbed folder changes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

kind=${1:?usage: scripts/build.sh native|asan|wasm [cmake args...]}
shift
dir=build/$kind
if [[ -f $dir/build.ninja && $# -eq 0 ]]; then
  exec cmake --build "$dir"
fi
case $kind in
  native)
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ "$@" ;;
  asan)
    # -O1 and line tables only: what ASan's reports need (file:line in every frame); it
    # compiles about 10 % quicker than -O2 -g into objects half the size. AWAITPAD_FUZZ:
    # the fuzz targets share this build's objects, so their smoke costs no build of its own.
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DAWAITPAD_FUZZ=ON "$@" ;;
  wasm)
    # The emulator must be plain node: emcmake's default adds --experimental-wasm-threads,
    # which Node 20 rejects, and then ctest silently finds no tests.
    # -Oz: measured against -O3, the module is 24 % smaller gzipped (433 KB, not 569 KB)
    # but the interpreter's hot paths run up to twice as slow, so CMakeLists.txt compiles
    # those files at -O3: together 460 KB gzipped at -O3's speed (392 KB since {fmt} left
    # the product). -finline-functions undoes the -fno-inline-functions emcc adds for
    # -Oz, which leaves a coroutine resume in tail position — a tail call wasm without
    # the tail-call feature cannot compile (TOOLCHAIN.md §1).
    emcmake cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
      "-DCMAKE_CXX_FLAGS_MINSIZEREL=-Oz -finline-functions -DNDEBUG" \
      -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" "$@" ;;
  *)
    echo "scripts/build.sh: unknown build '$kind' (native, asan or wasm)" >&2
    exit 2 ;;
esac
cmake --build "$dir"
