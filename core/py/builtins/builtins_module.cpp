// make_builtins_module(): the builtins namespace — the builtin types and exception classes
// by name, the constants, and the functions of this directory's themed files, each of
// which contributes a NativeMethod table.
#include "core/py/builtins/builtins_module.hpp"

#include "core/py/builtins/builtin_functions.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/descriptors.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/iterators.hpp"
#include "core/py/objects/range.hpp"
#include "core/py/objects/sequence_iterator.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/slice.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

// Adds each row of a NativeMethod table (ending with a null name) as a builtin function.
int add_functions(Dict* namespace_dict, const NativeMethod* table) {
  for (const NativeMethod* row = table; row->name; ++row) {
    Ref<NativeFunction> function = make_native_function(row, nullptr);
    if (!function || dict_set_str(namespace_dict, row->name, function.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace

Ref<Module> make_builtins_module() {
  Ref<Module> module = make_module("builtins");
  if (!module) return nullptr;
  Dict* names = module->dict.get();

  struct NamedType {
    const char* name;
    Type* type;
  };
  const NamedType types[] = {
      {"object", &object_type}, {"type", &type_type},     {"int", &int_type},
      {"bool", &bool_type},     {"float", &float_type},   {"str", &str_type},
      {"list", &list_type},     {"tuple", &tuple_type},   {"dict", &dict_type},
      {"property", &property_type}, {"staticmethod", &staticmethod_type},
      {"classmethod", &classmethod_type}, {"super", &super_type},
      {"bytes", &bytes_type},   {"slice", &slice_type},   {"range", &range_type},
      {"enumerate", &enumerate_type}, {"zip", &zip_type}, {"set", &set_type},
      {"frozenset", &frozenset_type}, {"map", &map_type}, {"filter", &filter_type},
      {"reversed", &reversed_type},
  };
  for (const NamedType& entry : types)
    if (dict_set_str(names, entry.name, entry.type) < 0) return nullptr;
#define X(cpp_name, python_name, parent) \
  if (dict_set_str(names, #python_name, &cpp_name##_type) < 0) return nullptr;
#include "core/py/objects/exception_kinds.hpp"
#undef X
  // EnvironmentError and IOError are OSError's old names.
  if (dict_set_str(names, "EnvironmentError", &os_error_type) < 0 ||
      dict_set_str(names, "IOError", &os_error_type) < 0)
    return nullptr;

  if (dict_set_str(names, "None", &none_object) < 0 ||
      dict_set_str(names, "True", &true_object) < 0 ||
      dict_set_str(names, "False", &false_object) < 0 ||
      dict_set_str(names, "Ellipsis", &ellipsis_object) < 0 ||
      dict_set_str(names, "NotImplemented", &not_implemented_object) < 0 ||
      dict_set_str(names, "__debug__", &true_object) < 0)
    return nullptr;

  for (const NativeMethod* table : builtin_function_tables())
    if (add_functions(names, table) < 0) return nullptr;
  return module;
}

}  // namespace py
