#!/usr/bin/env bash
# Configure (first time only) and build one build directory.
#   scripts/build.sh native   build/native  Release, g++
#   scripts/build.sh asan     build/asan    RelWithDebInfo, clang++, ASan + UBSan
#   scripts/build.sh wasm     build/wasm    Release, em++ (tests run under node)
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
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DAWAITPAD_SANITIZE=ON "$@" ;;
  wasm)
    # The emulator must be plain node: emcmake's default adds --experimental-wasm-threads,
    # which Node 20 rejects, and then ctest silently finds no tests.
    emcmake cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" "$@" ;;
  *)
    echo "scripts/build.sh: unknown build '$kind' (native, asan or wasm)" >&2
    exit 2 ;;
esac
cmake --build "$dir"
