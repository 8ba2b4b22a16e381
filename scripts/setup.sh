#!/usr/bin/env bash
# Idempotent machine set-up for a fresh Debian 12 (run as root, or with sudo available).
# Installs only the Debian packages that are missing, then `npm ci` when node_modules is
# missing or older than package-lock.json. Takes well under a second when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

packages=(
  cmake ninja-build g++ clang        # native + sanitizer builds
  emscripten                         # wasm build (em++ 3.1.6, uses node from PATH)
  binaryen                           # its wasm-split: the web module's deferred code
  catch2 libcurl4-openssl-dev
  python3-httpbin chromium           # local HTTP test server, headless browser tests
  python3-aiohttp python3-requests   # CPython's side when recording the HTTP programs
)

# One dpkg-query for all: "ii name" for each installed one; unknown names go to stderr.
installed=" $(dpkg-query -W -f='${db:Status-Abbrev}${Package} ' "${packages[@]}" 2>/dev/null |
  grep -o 'ii *[^ ]*' | sed 's/^ii *//' | tr '\n' ' ' || true) "
missing=()
for p in "${packages[@]}"; do
  [[ $installed == *" $p "* ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  if [[ $(id -u) != 0 ]]; then sudo=(sudo); fi
  apt=("${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -y -qq)
  "${apt[@]}" update
  "${apt[@]}" install "${missing[@]}"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: node (>= 20) and npm must be on PATH" >&2
  exit 1
fi

# npm ci wipes node_modules, so only run it when the lockfile is newer than the last install.
stamp=node_modules/.awaitpad-npm-ci
if [[ ! -e $stamp || package-lock.json -nt $stamp || package.json -nt $stamp ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  mkdir -p node_modules
  touch "$stamp"
fi
