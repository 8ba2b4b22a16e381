// int.to_bytes and int.from_bytes: an int as a fixed-length two's complement byte string
// and back, with CPython 3.11's defaults (length=1, byteorder='big', signed=False) and
// errors.
//
// Design: both go through the BigInt magnitude's 32-bit limbs, little-endian byte by byte,
// then reverse for 'big'; a negative value is written as value + 256**length. Cost: a
// BigInt copy even for int64 values — these are rare calls.
#include <algorithm>
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/number_support.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

// The `byteorder` argument: true for 'little'. False after raising ValueError.
bool read_byte_order(Object* argument, bool* little) {
  if (!argument) {
    *little = false;
    return true;
  }
  if (!is_str(argument)) {
    raise_format(type_error_type, "to_bytes() argument 'byteorder' must be str, not {}",
                 type_name(argument->type));
    return false;
  }
  std::string_view order = static_cast<Str*>(argument)->value;
  if (order == "little" || order == "big") {
    *little = order == "little";
    return true;
  }
  raise(value_error_type, "byteorder must be either 'little' or 'big'");
  return false;
}

// The `signed` argument's truth; -1 on error.
int read_signed(Object* argument) { return argument ? truthy(argument) : 0; }

Ref<> int_to_bytes(Object* self, CallArgs args) {
  if (args.positional_count() > 2)
    return raise_format(type_error_type, "to_bytes() takes at most 2 positional arguments ({} given)",
                        args.positional_count());
  Object* arguments[3];
  if (!parse_arguments("to_bytes", args, {"length", "byteorder", "signed"}, 0, arguments))
    return nullptr;
  int64_t length = 1;
  if (arguments[0] && !index_to_int64(arguments[0], &length)) return nullptr;
  if (length < 0) return raise(value_error_type, "length argument must be non-negative");
  bool little;
  if (!read_byte_order(arguments[1], &little)) return nullptr;
  int is_signed = read_signed(arguments[2]);
  if (is_signed < 0) return nullptr;
  BigInt value = int_to_bigint(static_cast<Int*>(self));
  if (value.is_negative() && !is_signed)
    return raise(overflow_error_type, "can't convert negative int to unsigned");
  uint64_t available_bits = uint64_t(length) * 8;
  // A signed value needs a sign bit, except in zero bytes, where CPython lets 0 and -1
  // through as b''.
  uint64_t needed_bits = value.is_negative() ? (~value).bit_length() : value.bit_length();
  if (is_signed && length > 0) needed_bits += 1;
  if (needed_bits > available_bits) return raise(overflow_error_type, "int too big to convert");
  if (uint64_t(length) > runtime().heap_limit) {
    raise_memory_error();
    return nullptr;
  }
  if (value.is_negative()) value = value + (BigInt::from_int64(1) << available_bits);
  const std::vector<uint32_t>& limbs = value.magnitude();
  std::string data(size_t(length), '\0');
  for (size_t i = 0; i < data.size() && i / 4 < limbs.size(); ++i)
    data[i] = char((limbs[i / 4] >> (8 * (i % 4))) & 0xFF);
  if (!little) std::reverse(data.begin(), data.end());
  return make_bytes(data);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a class method.
Ref<> int_from_bytes(Object* cls, CallArgs args) {
  if (args.positional_count() > 2)
    return raise_format(type_error_type,
                        "from_bytes() takes at most 2 positional arguments ({} given)",
                        args.positional_count());
  Object* arguments[3];
  if (!parse_arguments("from_bytes", args, {"bytes", "byteorder", "signed"}, 1, arguments))
    return nullptr;
  if (!is_bytes(arguments[0]))
    return raise_format(type_error_type, "cannot convert '{}' object to bytes",
                        type_name(arguments[0]->type));
  bool little;
  if (!read_byte_order(arguments[1], &little)) return nullptr;
  int is_signed = read_signed(arguments[2]);
  if (is_signed < 0) return nullptr;
  std::string data = as_bytes(arguments[0])->value;
  if (!little) std::reverse(data.begin(), data.end());
  std::vector<uint32_t> limbs((data.size() + 3) / 4, 0);
  for (size_t i = 0; i < data.size(); ++i)
    limbs[i / 4] |= uint32_t(uint8_t(data[i])) << (8 * (i % 4));
  BigInt value = BigInt::from_magnitude(std::move(limbs), false);
  if (is_signed && !data.empty() && (uint8_t(data.back()) & 0x80) != 0)
    value = value - (BigInt::from_int64(1) << uint64_t(data.size()) * 8);
  Ref<> result = make_int(std::move(value));
  if (!result || cls == &int_type) return result;
  return call(cls, {result.get()});
}

const NativeMethod int_bytes_methods[] = {
    {"to_bytes", int_to_bytes},
    {"from_bytes", int_from_bytes, MethodKind::class_},
    {nullptr, nullptr},
};

}  // namespace

void install_int_bytes_methods() { install_methods(int_type, int_bytes_methods); }

}  // namespace py
