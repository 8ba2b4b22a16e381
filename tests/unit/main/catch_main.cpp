// Catch2 v2's main() for the em++ build of unit_tests (native builds link Debian's prebuilt
// Catch2WithMain instead). It lives in its own folder so the tests/unit/*.cpp glob in
// CMakeLists.txt does not pick it up.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
