// The modules written in Python (core/py/modules/lib/*.py), compiled into the binary by
// scripts/embed_python_modules.py at build time. Writing a module in Python is the
// simpler choice where speed does not matter (collections.namedtuple, dataclasses,
// contextlib): the interpreter compiles the source on first import.
#pragma once

#include <cstddef>

namespace py {

struct EmbeddedModule {
  const char* name;    // import name, e.g. "dataclasses" or "collections.abc"
  const char* source;  // UTF-8 source text, NUL-terminated; null when kept outside the
                       // binary (the web build: host::Host::module_source gives it)
  size_t size;         // bytes of source, without the NUL
};

// Sorted by name; the last row has a null name.
extern const EmbeddedModule embedded_modules[];

}  // namespace py
