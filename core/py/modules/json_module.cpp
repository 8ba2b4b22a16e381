// json's C++ part: dumps and loads, binding Python arguments to json_encode/json_decode.
// A syntax error becomes the Python part's JSONDecodeError(msg, doc, pos), looked up in
// the module's namespace (the functions are bound to the module).
#include <string>
#include <vector>

#include "core/py/modules/json_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {
namespace {

// The keyword arguments of `args` by name; TypeError "<owner>.__init__() got an unexpected
// keyword argument 'x'" for a name not in `names` (CPython passes them to the
// JSONEncoder/JSONDecoder constructor). False on error.
bool keyword_arguments(const char* function, const char* owner, CallArgs args,
                       std::initializer_list<const char*> names, Object** out) {
  for (size_t i = 0; i < names.size(); ++i) out[i] = nullptr;
  if (args.positional_count() != 1) {
    raise_format(type_error_type, "{}() takes 1 positional argument but {} were given", function,
                 args.positional_count());
    return false;
  }
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    const std::string& keyword = as_str(args.keyword_names->items[i].get())->value;
    size_t index = 0;
    for (const char* name : names) {
      if (keyword == name) break;
      ++index;
    }
    if (index == names.size()) {
      raise_format(type_error_type, "{}.__init__() got an unexpected keyword argument '{}'",
                   owner, keyword);
      return false;
    }
    out[index] = args.values[args.positional_count() + i];
  }
  return true;
}

// A flag argument: its truth, or `fallback` when absent. False on error.
bool flag(Object* value, bool fallback, bool* out) {
  if (!value) {
    *out = fallback;
    return true;
  }
  int truth = truthy(value);
  *out = truth > 0;
  return truth >= 0;
}

// The indent= argument: None, an int (that many spaces) or a str.
bool indent_argument(Object* value, EncodeOptions* options) {
  if (!value || is_none(value)) return true;
  options->indented = true;
  if (is_str(value)) {
    options->indent = as_str(value)->value;
    return true;
  }
  if (!is_int(value)) {
    raise_format(type_error_type, "can't multiply sequence by non-int of type '{}'",
                 type_name(value->type));
    return false;
  }
  int64_t count;
  if (!index_to_int64(value, &count)) return false;
  options->indent.assign(size_t(count > 0 ? count : 0), ' ');
  return true;
}

// separators=(item_separator, key_separator)
bool separators_argument(Object* value, EncodeOptions* options) {
  if (!value || is_none(value)) return true;
  Ref<List> items = sequence_to_list(value);
  if (!items) return false;
  const size_t count = items->items.size();
  if (count < 2) {
    raise_format(value_error_type, "not enough values to unpack (expected 2, got {})", count);
    return false;
  }
  if (count > 2) {
    raise(value_error_type, "too many values to unpack (expected 2)");
    return false;
  }
  // make_encoder's arguments 5 and 6 are the key and item separators, checked in order.
  for (size_t argument : {5, 6}) {
    Object* item = items->items[argument == 5 ? 1 : 0].get();
    if (!is_str(item)) {
      raise_format(type_error_type, "make_encoder() argument {} must be str, not {}", argument,
                   type_name(item->type));
      return false;
    }
  }
  options->item_separator = as_str(items->items[0].get())->value;
  options->key_separator = as_str(items->items[1].get())->value;
  return true;
}

// json's cls= protocol: when the call passes cls=C (not None), the result is
// C(**other_keywords).<method>(obj), as json.dumps/json.loads do for a JSONEncoder or
// JSONDecoder subclass. Sets *delegated and returns that result (null on error); leaves
// *delegated false and returns null (no exception) when there is no cls=.
Ref<> delegate_to_class(CallArgs args, const char* method, bool* delegated) {
  *delegated = false;
  const size_t positional = args.positional_count();
  Object* cls = nullptr;
  std::vector<Object*> values;
  std::vector<Ref<>> names;
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    Object* name = args.keyword_names->items[i].get();
    Object* value = args.values[positional + i];
    if (as_str(name)->value == "cls") {
      cls = value;
    } else {
      values.push_back(value);
      names.push_back(Ref<>::borrow(name));
    }
  }
  if (!cls || is_none(cls) || positional != 1) return nullptr;
  *delegated = true;
  Ref<Tuple> keyword_names = make_tuple(std::move(names));
  if (!keyword_names) return nullptr;
  Ref<> instance = call(cls, CallArgs{values.data(), values.size(),
                                      values.empty() ? nullptr : keyword_names.get()});
  if (!instance) return nullptr;
  return call_method(instance.get(), method, {args.values[0]});
}

// dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
//       cls=None, indent=None, separators=None, default=None, sort_keys=False)
Ref<> json_dumps(Object*, CallArgs args) {
  bool delegated;
  Ref<> encoded = delegate_to_class(args, "encode", &delegated);
  if (delegated) return encoded;
  Object* values[9];
  if (!keyword_arguments("dumps", "JSONEncoder", args,
                         {"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls",
                          "indent", "separators", "default", "sort_keys"},
                         values))
    return nullptr;
  EncodeOptions options;
  if (!flag(values[0], false, &options.skip_keys) ||
      !flag(values[1], true, &options.ensure_ascii) ||
      !flag(values[2], true, &options.check_circular) ||
      !flag(values[3], true, &options.allow_nan) || !flag(values[8], false, &options.sort_keys) ||
      !indent_argument(values[5], &options))
    return nullptr;
  if (options.indented) options.item_separator = ",";
  if (!separators_argument(values[6], &options)) return nullptr;
  if (values[7] && !is_none(values[7])) options.default_function = values[7];
  return json_encode(args.values[0], options);
}

// Raises the module's JSONDecodeError(msg, doc, pos).
std::nullptr_t raise_decode_error(Object* module, Object* document, const DecodeError& error) {
  Object* error_class =
      dict_lookup_str(static_cast<Module*>(module)->dict.get(), "JSONDecodeError");
  if (!error_class) return raise(value_error_type, error.message);
  Ref<Str> message = make_str(error.message);
  Ref<Int> position = make_int(int64_t(error.position));
  if (!message || !position) return nullptr;
  Ref<> exception = call(error_class, {message.get(), document, position.get()});
  if (exception) set_exception(std::move(exception));
  return nullptr;
}

// loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
//       parse_constant=None, object_pairs_hook=None, strict=True)
Ref<> json_loads(Object* module, CallArgs args) {
  bool delegated;
  Ref<> decoded = delegate_to_class(args, "decode", &delegated);
  if (delegated) return decoded;
  Object* values[7];
  if (!keyword_arguments("loads", "JSONDecoder", args,
                         {"cls", "object_hook", "parse_float", "parse_int", "parse_constant",
                          "object_pairs_hook", "strict"},
                         values))
    return nullptr;
  auto hook = [](Object* value) { return value && !is_none(value) ? value : nullptr; };
  DecodeOptions options;
  options.object_hook = hook(values[1]);
  options.parse_float = hook(values[2]);
  options.parse_int = hook(values[3]);
  options.parse_constant = hook(values[4]);
  options.object_pairs_hook = hook(values[5]);
  if (!flag(values[6], true, &options.strict)) return nullptr;

  Object* source = args.values[0];
  Ref<> document;
  if (is_str(source)) {
    document = Ref<>::borrow(source);
  } else if (is_bytes(source)) {
    std::string_view data = as_bytes(source)->value;
    if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);  // utf-8-sig
    document = decode_bytes(data, "utf-8", "strict");
    if (!document) return nullptr;
  } else {
    return raise_format(type_error_type, "the JSON object must be str, bytes or bytearray, not {}",
                        type_name(source->type));
  }
  DecodeError error;
  Ref<> value = json_decode(as_str(document.get())->value, options, &error);
  if (!value && !exception_pending()) return raise_decode_error(module, document.get(), error);
  return value;
}

const NativeMethod json_functions[] = {
    {"dumps", json_dumps},
    {"loads", json_loads},
    {nullptr, nullptr},
};

}  // namespace

int init_json_module(Module* module) {
  for (const NativeMethod* row = json_functions; row->name; ++row) {
    Ref<NativeFunction> function = make_native_function(row, module);
    if (!function || dict_set_str(module->dict.get(), row->name, function.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace py
