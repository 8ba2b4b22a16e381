// The runtime's files that a run loads only when its program first needs them (wasm/README.md,
// "Loaded on demand"): the deferred code and the Python-written modules. Both are read
// synchronously, from inside a wasm call that cannot wait: in a worker by a blocking
// request, in Node from the file. Each is read once per worker or process and kept.
//
// The deferred code. The module's code comes in two files: awaitpad.wasm holds the
// functions the split's profile called (scripts/split_wasm.mjs), awaitpad.deferred.wasm
// the rest. For each
// deferred function the primary module imports a placeholder ("placeholder" imports,
// named by the function's table index) and calls it through the table. The first call of
// any placeholder instantiates the deferred module, inside that wasm call: its element
// segments overwrite the placeholders' table slots with the real functions, and the call
// goes on through the table.
//
// The Python-written modules (core/py/modules/lib/ and parts/) lie beside the module as
// awaitpad.lib/NAME.py; the web host asks for one when a program first imports it.

// The "placeholder" import object for one primary instance. `primary()` gives the instance
// once made; `deferredModule()` gives the compiled deferred module.
export function placeholderImports(primary, deferredModule) {
  let table = null;
  return new Proxy({}, {
    get(_, index) {
      return (...args) => {
        table ??= instantiateDeferred(primary(), deferredModule());
        return table.get(Number(index))(...args);
      };
    },
  });
}

function instantiateDeferred(primary, module) {
  // It imports the primary's own exports: memory, table, globals and the functions it calls.
  new WebAssembly.Instance(module, { primary: primary.exports });
  return Object.values(primary.exports).find((value) => value instanceof WebAssembly.Table);
}

// A `deferredModule()` that compiles the bytes `readBytes()` gives on first use and keeps
// the module for every later instance.
export function compiledOnce(readBytes) {
  let module = null;
  return () => {
    module ??= new WebAssembly.Module(readBytes());
    return module;
  };
}

// A `moduleSource(name)` giving the bytes of awaitpad.lib/NAME.py, or null when there is
// no such file; `readFile(name)` reads one by its file name, null when missing.
export function moduleSources(readFile) {
  const sources = new Map();
  return (name) => {
    if (!sources.has(name)) sources.set(name, readFile(`${name}.py`));
    return sources.get(name);
  };
}
