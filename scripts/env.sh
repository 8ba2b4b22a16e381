# Sourced by the other scripts: environment shared by every build and test step.
# emcc's JS optimizer needs Debian's node modules (acorn); see shared TOOLCHAIN.md §0.
case ":${NODE_PATH:-}:" in
  *:/usr/share/nodejs:*) ;;
  *) export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}" ;;
esac
export DEBIAN_FRONTEND=noninteractive
