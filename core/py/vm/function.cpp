// Functions, bound methods and cells, and argument binding (function.hpp).
#include "core/py/vm/function.hpp"

#include <cstddef>
#include <vector>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/frame.hpp"

namespace py {

namespace {

// --- binding -------------------------------------------------------------------------------

const std::string& qualified_name_text(Function* function) {
  return static_cast<Str*>(function->qualified_name.get())->value;
}

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (CPython's format_missing).
std::string quoted_name_list(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      if (names.size() == 2) text += " and ";
      else if (i + 1 == names.size()) text += ", and ";
      else text += ", ";
    }
    text += "'" + names[i] + "'";
  }
  return text;
}

void raise_missing(Function* function, Object** locals, size_t from, size_t to,
                   const char* kind) {
  Code* code = function->code;
  std::vector<std::string> names;
  for (size_t i = from; i < to; ++i)
    if (!locals[i]) names.push_back(code->local_names[i]->value);
  raise_format(type_error_type, "{}() missing {} required {} argument{}: {}",
               qualified_name_text(function), names.size(), kind,
               names.size() == 1 ? "" : "s", quoted_name_list(names));
}

void raise_too_many_positional(Function* function, Object** locals, size_t given) {
  Code* code = function->code;
  size_t default_count = function->defaults ? tuple_size(function->defaults) : 0;
  size_t keyword_only_given = 0;
  for (size_t i = code->argument_count; i < code->argument_count + code->keyword_only_count; ++i)
    if (locals[i]) ++keyword_only_given;
  std::string signature;
  bool plural;
  if (default_count) {
    plural = true;
    signature =
        format_message("from {} to {}", code->argument_count - default_count, code->argument_count);
  } else {
    plural = code->argument_count != 1;
    signature = format_message("{}", code->argument_count);
  }
  std::string keyword_only_signature;
  if (keyword_only_given)
    keyword_only_signature = format_message(
        " positional argument{} (and {} keyword-only argument{})", given != 1 ? "s" : "",
        keyword_only_given, keyword_only_given != 1 ? "s" : "");
  raise_format(type_error_type, "{}() takes {} positional argument{} but {}{} {} given",
               qualified_name_text(function), signature, plural ? "s" : "", given,
               keyword_only_signature, given == 1 && !keyword_only_given ? "was" : "were");
}

// The parameter index of keyword `name` among the keyword-capable parameters, or -1.
int64_t keyword_parameter(Code* code, Str* name) {
  size_t total = code->argument_count + code->keyword_only_count;
  for (size_t i = code->positional_only_count; i < total; ++i)
    if (code->local_names[i].get() == name) return int64_t(i);
  for (size_t i = code->positional_only_count; i < total; ++i)
    if (code->local_names[i]->value == name->value) return int64_t(i);
  return -1;
}

// CPython's positional_only_passed_as_keyword: true after raising.
bool raise_positional_only_as_keyword(Function* function, Tuple* keyword_names) {
  Code* code = function->code;
  std::string names;
  for (const Ref<>& keyword : keyword_names->items) {
    for (size_t i = 0; i < code->positional_only_count; ++i) {
      if (code->local_names[i]->value == static_cast<Str*>(keyword.get())->value) {
        if (!names.empty()) names += ", ";
        names += code->local_names[i]->value;
      }
    }
  }
  if (names.empty()) return false;
  raise_format(type_error_type,
               "{}() got some positional-only arguments passed as keyword arguments: '{}'",
               qualified_name_text(function), names);
  return true;
}

// Binds into `frame`'s locals; the values are stolen (each slot set to null once moved).
bool bind_into(Function* function, Frame* frame, Object** values, size_t count,
               Tuple* keyword_names) {
  Code* code = function->code;
  Object** locals = frame->locals();
  size_t keyword_count = keyword_names ? tuple_size(keyword_names) : 0;
  size_t given = count - keyword_count;
  size_t argument_count = code->argument_count;
  size_t total = argument_count + code->keyword_only_count;
  bool has_varargs = code->flags & code_flag_varargs;
  Dict* keyword_dict = nullptr;
  if (code->flags & code_flag_varkeywords) {
    Ref<Dict> dict = make_dict();
    if (!dict) return false;
    keyword_dict = dict.get();
    locals[total + (has_varargs ? 1 : 0)] = dict.release();
  }
  size_t positional = given < argument_count ? given : argument_count;
  for (size_t i = 0; i < positional; ++i) {
    locals[i] = values[i];
    values[i] = nullptr;
  }
  if (has_varargs) {
    std::vector<Ref<>> extra;
    for (size_t i = positional; i < given; ++i) {
      extra.push_back(Ref<>::steal(values[i]));
      values[i] = nullptr;
    }
    Ref<Tuple> tuple = extra.empty() ? empty_tuple() : make_tuple(std::move(extra));
    if (!tuple) return false;
    locals[total] = tuple.release();
  }
  for (size_t k = 0; k < keyword_count; ++k) {
    Str* name = static_cast<Str*>(keyword_names->items[k].get());
    Object*& value = values[given + k];
    int64_t index = keyword_parameter(code, name);
    if (index < 0) {
      if (!keyword_dict) {
        if (code->positional_only_count && raise_positional_only_as_keyword(function, keyword_names))
          return false;
        raise_format(type_error_type, "{}() got an unexpected keyword argument '{}'",
                     qualified_name_text(function), name->value);
        return false;
      }
      if (dict_set(keyword_dict, name, value) < 0) return false;
      continue;
    }
    if (locals[index]) {
      raise_format(type_error_type, "{}() got multiple values for argument '{}'",
                   qualified_name_text(function), name->value);
      return false;
    }
    locals[index] = value;
    value = nullptr;
  }
  if (given > argument_count && !has_varargs) {
    raise_too_many_positional(function, locals, given);
    return false;
  }
  if (given < argument_count) {
    size_t default_count = function->defaults ? tuple_size(function->defaults) : 0;
    size_t first_default = argument_count - default_count;
    for (size_t i = given; i < first_default; ++i) {
      if (!locals[i]) {
        raise_missing(function, locals, given, first_default, "positional");
        return false;
      }
    }
    for (size_t i = given > first_default ? given : first_default; i < argument_count; ++i) {
      if (!locals[i]) {
        locals[i] = function->defaults->items[i - first_default].get();
        incref(locals[i]);
      }
    }
  }
  if (code->keyword_only_count) {
    bool missing = false;
    for (size_t i = argument_count; i < total; ++i) {
      if (locals[i]) continue;
      Object* fallback = function->keyword_defaults
                             ? dict_lookup_str(function->keyword_defaults,
                                               code->local_names[i].get())
                             : nullptr;
      if (fallback) {
        incref(fallback);
        locals[i] = fallback;
      } else {
        missing = true;
      }
    }
    if (missing) {
      raise_missing(function, locals, argument_count, total, "keyword-only");
      return false;
    }
  }
  // Cells: fresh ones for cell variables (parameters copied in), the closure's for free ones.
  Object** cells = frame->cells();
  size_t cell_count = code->cell_names.size();
  for (size_t i = 0; i < cell_count; ++i) {
    Ref<Cell> cell = make_cell(nullptr);
    if (!cell) return false;
    cells[i] = cell.release();
  }
  for (const auto& [cell_index, local_index] : code->cell_parameters)
    static_cast<Cell*>(cells[cell_index])->contents = Ref<>::borrow(locals[local_index]);
  if (function->closure) {
    for (size_t i = 0; i < tuple_size(function->closure); ++i) {
      cells[cell_count + i] = function->closure->items[i].get();
      incref(cells[cell_count + i]);
    }
  }
  return true;
}

}  // namespace

Frame* bind_arguments_stealing(Function* function, Object** values, size_t count,
                               Tuple* keyword_names) {
  Frame* frame = make_frame(function->code, function->globals, function->builtins, nullptr);
  bool ok = frame && bind_into(function, frame, values, count, keyword_names);
  for (size_t i = 0; i < count; ++i) xdecref(values[i]);
  if (!ok && frame) {
    release_frame(frame);
    return nullptr;
  }
  return frame;
}

Frame* bind_arguments(Function* function, CallArgs args) {
  constexpr size_t kInline = 16;
  Object* inline_values[kInline];
  std::vector<Object*> heap_values;
  Object** values = inline_values;
  if (args.count > kInline) {
    heap_values.resize(args.count);
    values = heap_values.data();
  }
  for (size_t i = 0; i < args.count; ++i) {
    values[i] = args.values[i];
    incref(values[i]);
  }
  return bind_arguments_stealing(function, values, args.count, args.keyword_names);
}

// --- construction ----------------------------------------------------------------------------

Ref<Function> make_function(Code* code, Dict* globals, Object* qualified_name, Tuple* defaults,
                            Dict* keyword_defaults, Tuple* closure, Object* annotations) {
  Ref<Function> function = make_object<Function>(&function_type);
  if (!function) return nullptr;
  incref(code);
  function->code = code;
  incref(globals);
  function->globals = globals;
  Object* builtins_object = dict_lookup_str(globals, "__builtins__");
  Dict* builtins = runtime().builtins;
  if (builtins_object && is_dict(builtins_object)) builtins = static_cast<Dict*>(builtins_object);
  if (builtins_object && is_instance(builtins_object, module_type))
    builtins = static_cast<Module*>(builtins_object)->dict.get();
  xincref(builtins);
  function->builtins = builtins;
  if (defaults && !is_none(defaults)) {
    incref(defaults);
    function->defaults = defaults;
  }
  if (keyword_defaults && !is_none(keyword_defaults)) {
    incref(keyword_defaults);
    function->keyword_defaults = keyword_defaults;
  }
  if (closure && !is_none(closure)) {
    incref(closure);
    function->closure = closure;
  }
  constexpr uint32_t not_plain = code_flag_varargs | code_flag_varkeywords |
                                 code_flag_generator | code_flag_coroutine |
                                 code_flag_async_generator;
  function->plain = !(code->flags & not_plain) && code->keyword_only_count == 0 &&
                    code->cell_names.empty() && code->free_names.empty();
  function->name = code->name;
  function->qualified_name =
      qualified_name && is_str(qualified_name) ? Ref<>::borrow(qualified_name) : Ref<>(code->name);
  function->module = Ref<>::borrow(dict_lookup_str(globals, "__name__"));
  const std::string& code_name = code->name->value;
  if (!code_name.empty() && code_name[0] != '<' && !code->constants.empty() &&
      is_str(code->constants[0].get()))
    function->doc = code->constants[0];
  if (annotations && !is_none(annotations)) {
    if (is_tuple(annotations)) {
      // A flat tuple of (name, value) pairs, as 3.10's compiler makes it.
      Ref<Dict> dict = make_dict();
      if (!dict) return nullptr;
      Tuple* pairs = static_cast<Tuple*>(annotations);
      for (size_t i = 0; i + 1 < tuple_size(pairs); i += 2)
        if (dict_set(dict.get(), pairs->items[i].get(), pairs->items[i + 1].get()) < 0)
          return nullptr;
      function->annotations = std::move(dict);
    } else {
      function->annotations = Ref<>::borrow(annotations);
    }
  }
  return function;
}

Ref<BoundMethod> make_bound_method(Object* function, Object* self) {
  Ref<BoundMethod> method = make_object<BoundMethod>(&bound_method_type);
  if (!method) return nullptr;
  method->function = Ref<>::borrow(function);
  method->self = Ref<>::borrow(self);
  return method;
}

Ref<Cell> make_cell(Object* contents) {
  Ref<Cell> cell = make_object<Cell>(&cell_type);
  if (!cell) return nullptr;
  cell->contents = Ref<>::borrow(contents);
  return cell;
}

std::string function_description(Object* callable) {
  Ref<> qualified_name = get_attribute_or_missing(callable, intern_borrowed("__qualname__"));
  if (!qualified_name || !is_str(qualified_name.get())) {
    clear_exception();
    return format_message("'{}' object", type_name(callable->type));
  }
  Ref<> module = get_attribute_or_missing(callable, intern_borrowed("__module__"));
  clear_exception();
  const std::string& name = static_cast<Str*>(qualified_name.get())->value;
  if (module && is_str(module.get()) && static_cast<Str*>(module.get())->value != "builtins")
    return format_message("{}.{}()", static_cast<Str*>(module.get())->value, name);
  return name + "()";
}

}  // namespace py
