// The random module's C++ part: the class _random.Random over py::Random
// (random_algorithms.hpp, bit-exact with CPython 3.11's random.py), whose methods turn
// Python arguments into plain values and results back. The Python part (parts/random.py)
// subclasses it as random.Random (so names and messages read 'Random', as CPython's
// Python class), makes the hidden instance and binds the module-level functions to it.
//
// Design: integer arguments go through BigInt, so randrange/randint/getrandbits/seed take
// ints of any size with CPython's results (a range beyond 2**64 draws through
// randbelow_magnitude). Costs: a subclass overriding random() does not change what the
// other methods draw (CPython's Python methods would call the override); getstate()
// returns an opaque snapshot object (for setstate) rather than CPython's 625-int tuple;
// the distributions' TypeErrors for non-numbers are float()'s ("must be real number, not
// str") instead of the arithmetic's; seed(version=1) is not supported.
#include <cmath>
#include <optional>
#include <vector>

#include "core/py/modules/random_algorithms.hpp"
#include "core/py/modules/random_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type random_type = builtin_type<RandomObject>("_random.Random");

namespace {

Random& generator_of(Object* self) { return static_cast<RandomObject*>(self)->generator; }

std::nullptr_t raise_random_error(const RandomError& error) {
  switch (error.kind) {
    case RandomErrorKind::value_error: return raise(value_error_type, error.message);
    case RandomErrorKind::index_error: return raise(index_error_type, error.message);
    case RandomErrorKind::zero_division_error:
      return raise(zero_division_error_type, error.message);
    case RandomErrorKind::overflow_error: return raise(overflow_error_type, error.message);
  }
  return nullptr;
}

template <class T>
bool unwrap(RandomResult<T> result, T* out) {
  if (!result) {
    raise_random_error(result.error());
    return false;
  }
  *out = std::move(result.value());
  return true;
}

// A non-negative BigInt as the magnitude random_algorithms takes, and back.
Ref<> int_from_magnitude(std::vector<uint32_t> limbs) {
  return make_int(BigInt::from_magnitude(std::move(limbs), false));
}

// _randbelow(n) for any n > 0.
BigInt randbelow(Random& generator, const BigInt& limit) {
  if (std::optional<int64_t> small = limit.to_int64())
    return BigInt::from_uint64(generator.randbelow(uint64_t(*small)));
  return BigInt::from_magnitude(generator.randbelow_magnitude(limit.magnitude()), false);
}

// seed(a): None (the CLI's --seed when given, else OS entropy), int, float (its hash),
// str/bytes (SHA-512 of the bytes), as random.py's version 2.
int seed_generator(Random& generator, Object* seed) {
  if (!seed || is_none(seed)) {
    if (runtime().options.seed) generator.seed_from_uint64(*runtime().options.seed);
    else generator.seed_from_os_entropy();
  } else if (is_int(seed)) {
    generator.seed_from_magnitude(int_to_bigint(static_cast<Int*>(seed)).magnitude());
  } else if (is_str(seed)) {
    generator.seed_from_bytes(as_str(seed)->value);
  } else if (is_bytes(seed)) {
    generator.seed_from_bytes(as_bytes(seed)->value);
  } else if (is_float(seed)) {
    int64_t hash_value = hash(seed);
    if (hash_value == -1 && exception_pending()) return -1;
    generator.seed_from_uint64(static_cast<uint64_t>(hash_value));  // (size_t)hash, as CPython
  } else {
    raise(type_error_type,
          "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    return -1;
  }
  return 0;
}

Ref<> random_new(Type* type, CallArgs) { return make_object<RandomObject>(type); }

// Random(x=None)
int random_init(Object* self, CallArgs args) {
  Object* seed = nullptr;
  if (args.positional_count() > 1) {
    raise_format(type_error_type,
                 "Random.__init__() takes from 1 to 2 positional arguments but {} were given",
                 args.positional_count() + 1);
    return -1;
  }
  if (!parse_arguments("Random.__init__", args, {"x"}, 0, &seed)) return -1;
  return seed_generator(generator_of(self), seed);
}

Ref<> method_seed(Object* self, CallArgs args) {
  Object* values[2];
  if (!parse_arguments("Random.seed", args, {"a", "version"}, 0, values)) return nullptr;
  if (seed_generator(generator_of(self), values[0]) < 0) return nullptr;
  return none();
}

Ref<> method_random(Object* self, CallArgs args) {
  if (!check_positional("Random.random", args, 0, 0)) return nullptr;
  return make_float(generator_of(self).random());
}

Ref<> method_getrandbits(Object* self, CallArgs args) {
  if (!check_positional("Random.getrandbits", args, 1, 1)) return nullptr;
  int64_t bits;
  if (!index_to_int64(args.values[0], &bits)) return nullptr;
  std::vector<uint32_t> limbs;
  if (!unwrap(generator_of(self).getrandbits_magnitude(bits), &limbs)) return nullptr;
  return int_from_magnitude(std::move(limbs));
}

Ref<> method_randbytes(Object* self, CallArgs args) {
  if (!check_positional("Random.randbytes", args, 1, 1)) return nullptr;
  int64_t count;
  if (!index_to_int64(args.values[0], &count)) return nullptr;
  std::string bytes;
  if (!unwrap(generator_of(self).randbytes(count), &bytes)) return nullptr;
  return make_bytes(bytes);
}

// getstate(): a snapshot of the generator (an opaque Random object); setstate takes it.
Ref<> method_getstate(Object* self, CallArgs args) {
  if (!check_positional("Random.getstate", args, 0, 0)) return nullptr;
  Ref<RandomObject> snapshot = make_object<RandomObject>(&random_type);
  if (snapshot) snapshot->generator = generator_of(self);
  return snapshot;
}

Ref<> method_setstate(Object* self, CallArgs args) {
  if (!check_positional("Random.setstate", args, 1, 1)) return nullptr;
  Object* state = args.values[0];
  if (!is_instance(state, random_type))
    return raise(type_error_type, "state must be a value returned by getstate()");
  generator_of(self) = generator_of(state);
  return none();
}

// A randrange argument: an int, or a float with an integral value (CPython's deprecated
// path); ValueError "non-integer arg 1 for randrange()" for other floats.
bool range_argument(Object* value, int position, BigInt* out) {
  if (is_float(value)) {
    double x = static_cast<Float*>(value)->value;
    if (std::floor(x) != x || !std::isfinite(x)) {
      raise_format(value_error_type, "non-integer arg {} for randrange()", position);
      return false;
    }
    *out = BigInt::from_double(x);
    return true;
  }
  Ref<> number = index(value);
  if (!number) return false;
  *out = int_to_bigint(static_cast<Int*>(number.get()));
  return true;
}

// random.py's randrange over BigInt.
Ref<> randrange(Random& generator, Object* start_object, Object* stop_object, Object* step_object) {
  BigInt start, stop, step = BigInt::from_int64(1);
  if (!range_argument(start_object, 1, &start)) return nullptr;
  if (!stop_object || is_none(stop_object)) {
    if (step_object) return raise(type_error_type, "Missing a non-None stop argument");
    if (start.sign() > 0) return make_int(randbelow(generator, start));
    return raise(value_error_type, "empty range for randrange()");
  }
  if (!range_argument(stop_object, 2, &stop)) return nullptr;
  if (step_object && !range_argument(step_object, 3, &step)) return nullptr;
  BigInt width = stop - start;
  const BigInt one = BigInt::from_int64(1);
  if (step == one) {
    if (width.sign() > 0) return make_int(start + randbelow(generator, width));
    return raise_format(value_error_type, "empty range for randrange() ({}, {}, {})",
                        *start.to_string(10, 0), *stop.to_string(10, 0), *width.to_string(10, 0));
  }
  if (step.is_zero()) return raise(value_error_type, "zero step for randrange()");
  BigInt adjusted = step.sign() > 0 ? width + step - one : width + step + one;
  BigInt count = BigInt::divmod(adjusted, step)->quotient;
  if (count.sign() <= 0) return raise(value_error_type, "empty range for randrange()");
  return make_int(start + step * randbelow(generator, count));
}

Ref<> method_randrange(Object* self, CallArgs args) {
  Object* values[3];
  if (!parse_arguments("Random.randrange", args, {"start", "stop", "step"}, 1, values))
    return nullptr;
  return randrange(generator_of(self), values[0], values[1], values[2]);
}

Ref<> method_randint(Object* self, CallArgs args) {
  Object* values[2];
  if (!parse_arguments("Random.randint", args, {"a", "b"}, 2, values)) return nullptr;
  Ref<> one = make_int(1);
  Ref<> stop = one ? binary_operation(values[1], one.get(), BinaryOp::add) : nullptr;
  if (!stop) return nullptr;
  return randrange(generator_of(self), values[0], stop.get(), nullptr);
}

Ref<> item_at(Object* sequence, uint64_t position) {
  Ref<Int> key = make_int(int64_t(position));
  if (!key) return nullptr;
  return get_item(sequence, key.get());
}

Ref<> method_choice(Object* self, CallArgs args) {
  Object* sequence;
  if (!parse_arguments("Random.choice", args, {"seq"}, 1, &sequence)) return nullptr;
  int64_t size = length(sequence);
  if (size < 0) return nullptr;
  uint64_t position;
  if (!unwrap(generator_of(self).choice_index(uint64_t(size)), &position)) return nullptr;
  return item_at(sequence, position);
}

Ref<> method_shuffle(Object* self, CallArgs args) {
  Object* sequence;
  if (!parse_arguments("Random.shuffle", args, {"x"}, 1, &sequence)) return nullptr;
  Random& generator = generator_of(self);
  if (is_exact(sequence, list_type)) {
    std::vector<Ref<>>& items = static_cast<List*>(sequence)->items;
    generator.shuffle(std::span<Ref<>>(items.data(), items.size()));
    return none();
  }
  int64_t size = length(sequence);
  if (size < 0) return nullptr;
  for (int64_t i = size - 1; i >= 1; --i) {
    uint64_t j = generator.randbelow(uint64_t(i) + 1);
    Ref<> a = item_at(sequence, uint64_t(i));
    Ref<> b = a ? item_at(sequence, j) : nullptr;
    Ref<Int> i_key = make_int(i), j_key = make_int(int64_t(j));
    if (!b || !i_key || !j_key || set_item(sequence, i_key.get(), b.get()) < 0 ||
        set_item(sequence, j_key.get(), a.get()) < 0)
      return nullptr;
  }
  return none();
}

// The elements of `population` at `positions`, as a list.
Ref<> pick(Object* population, const std::vector<uint64_t>& positions) {
  Ref<List> result = make_list();
  if (!result) return nullptr;
  result->items.reserve(positions.size());
  for (uint64_t position : positions) {
    Ref<> item = item_at(population, position);
    if (!item) return nullptr;
    result->items.push_back(std::move(item));
  }
  return result;
}

// A list of the doubles in `iterable` (weights); false on error.
bool doubles_of(Object* iterable, std::vector<double>* out) {
  Ref<List> items = sequence_to_list(iterable);
  if (!items) return false;
  for (const Ref<>& item : items->items) {
    double value;
    if (!to_double(item.get(), &value)) return false;
    out->push_back(value);
  }
  return true;
}

// sample(population, k, *, counts=None)
Ref<> method_sample(Object* self, CallArgs args) {
  Object* values[3];
  if (!parse_arguments("Random.sample", args, {"population", "k", "counts"}, 2, values))
    return nullptr;
  Object* population = values[0];
  if (is_dict(population) || is_instance(population, set_type) ||
      is_instance(population, frozenset_type) || !population->type->get_item)
    return raise(type_error_type,
                 "Population must be a sequence.  For dicts or sets, use sorted(d).");
  int64_t size = length(population);
  if (size < 0) return nullptr;
  int64_t k;
  if (!index_to_int64(values[1], &k)) return nullptr;
  std::vector<uint64_t> positions;
  Random& generator = generator_of(self);
  if (values[2] && !is_none(values[2])) {
    Ref<List> count_items = sequence_to_list(values[2]);
    if (!count_items) return nullptr;
    std::vector<int64_t> counts;
    for (const Ref<>& item : count_items->items) {
      int64_t count;
      if (!index_to_int64(item.get(), &count)) return nullptr;
      counts.push_back(count);
    }
    if (!unwrap(generator.sample_indices_with_counts(uint64_t(size), counts, k), &positions))
      return nullptr;
  } else if (!unwrap(generator.sample_indices(uint64_t(size), k), &positions)) {
    return nullptr;
  }
  return pick(population, positions);
}

// choices(population, weights=None, *, cum_weights=None, k=1)
Ref<> method_choices(Object* self, CallArgs args) {
  Object* values[4];
  if (!parse_arguments("Random.choices", args, {"population", "weights", "cum_weights", "k"}, 1,
                       values))
    return nullptr;
  if (args.positional_count() > 2)
    return raise_format(type_error_type,
                        "Random.choices() takes from 2 to 3 positional arguments but {} were given",
                        args.positional_count() + 1);
  Object* population = values[0];
  Object* weights = values[1] && !is_none(values[1]) ? values[1] : nullptr;
  Object* cumulative_weights = values[2] && !is_none(values[2]) ? values[2] : nullptr;
  int64_t k = 1;
  if (values[3] && !index_to_int64(values[3], &k)) return nullptr;
  int64_t size = length(population);
  if (size < 0) return nullptr;
  Random& generator = generator_of(self);
  std::vector<uint64_t> positions;
  if (!weights && !cumulative_weights) {
    positions = generator.choices_indices(uint64_t(size), k);
    return pick(population, positions);
  }
  if (weights && cumulative_weights)
    return raise(type_error_type, "Cannot specify both weights and cumulative weights");
  if (weights && is_int(weights)) {
    Ref<Str> text = repr(weights);
    if (!text) return nullptr;
    return raise_format(type_error_type,
                        "The number of choices must be a keyword argument: k={}", text->value);
  }
  std::vector<double> cumulative;
  if (!doubles_of(weights ? weights : cumulative_weights, &cumulative)) return nullptr;
  if (weights) cumulative = accumulate_weights(cumulative);
  if (!unwrap(generator.choices_indices_weighted(uint64_t(size), cumulative, k), &positions))
    return nullptr;
  return pick(population, positions);
}

// The float arguments of a distribution: `names` with defaults (NAN marks a required one).
bool distribution_arguments(const char* name, CallArgs args,
                            std::initializer_list<const char*> names,
                            std::initializer_list<double> defaults, double* out,
                            Object** objects = nullptr) {
  Object* values[3] = {};
  size_t required = 0;
  for (double value : defaults) required += std::isnan(value) ? 1 : 0;
  if (!parse_arguments(name, args, names, required, values)) return false;
  size_t i = 0;
  for (double fallback : defaults) {
    out[i] = fallback;
    if (objects) objects[i] = values[i];
    if (values[i] && !is_none(values[i]) && !to_double(values[i], &out[i])) return false;
    ++i;
  }
  return true;
}

Ref<> float_result(RandomResult<double> result) {
  double value;
  if (!unwrap(std::move(result), &value)) return nullptr;
  return make_float(value);
}

Ref<> method_uniform(Object* self, CallArgs args) {
  double v[2];
  if (!distribution_arguments("Random.uniform", args, {"a", "b"}, {NAN, NAN}, v)) return nullptr;
  return make_float(generator_of(self).uniform(v[0], v[1]));
}

Ref<> method_triangular(Object* self, CallArgs args) {
  double v[3];
  Object* objects[3];
  if (!distribution_arguments("Random.triangular", args, {"low", "high", "mode"},
                              {0.0, 1.0, 0.0}, v, objects))
    return nullptr;
  std::optional<double> mode;
  if (objects[2] && !is_none(objects[2])) mode = v[2];
  double result = generator_of(self).triangular(v[0], v[1], mode);
  if (mode && v[0] == v[1] && objects[0]) return Ref<>::borrow(objects[0]);
  return make_float(result);
}

Ref<> method_normalvariate(Object* self, CallArgs args) {
  double v[2];
  if (!distribution_arguments("Random.normalvariate", args, {"mu", "sigma"}, {0.0, 1.0}, v))
    return nullptr;
  return make_float(generator_of(self).normalvariate(v[0], v[1]));
}

Ref<> method_gauss(Object* self, CallArgs args) {
  double v[2];
  if (!distribution_arguments("Random.gauss", args, {"mu", "sigma"}, {0.0, 1.0}, v)) return nullptr;
  return make_float(generator_of(self).gauss(v[0], v[1]));
}

Ref<> method_lognormvariate(Object* self, CallArgs args) {
  double v[2];
  if (!distribution_arguments("Random.lognormvariate", args, {"mu", "sigma"}, {NAN, NAN}, v))
    return nullptr;
  return float_result(generator_of(self).lognormvariate(v[0], v[1]));
}

Ref<> method_expovariate(Object* self, CallArgs args) {
  double v[1];
  if (!distribution_arguments("Random.expovariate", args, {"lambd"}, {NAN}, v)) return nullptr;
  return float_result(generator_of(self).expovariate(v[0]));
}

Ref<> method_vonmisesvariate(Object* self, CallArgs args) {
  double v[2];
  if (!distribution_arguments("Random.vonmisesvariate", args, {"mu", "kappa"}, {NAN, NAN}, v))
    return nullptr;
  return make_float(generator_of(self).vonmisesvariate(v[0], v[1]));
}

Ref<> method_gammavariate(Object* self, CallArgs args) {
  double v[2];
  if (!distribution_arguments("Random.gammavariate", args, {"alpha", "beta"}, {NAN, NAN}, v))
    return nullptr;
  return float_result(generator_of(self).gammavariate(v[0], v[1]));
}

Ref<> method_betavariate(Object* self, CallArgs args) {
  double v[2];
  if (!distribution_arguments("Random.betavariate", args, {"alpha", "beta"}, {NAN, NAN}, v))
    return nullptr;
  return float_result(generator_of(self).betavariate(v[0], v[1]));
}

Ref<> method_paretovariate(Object* self, CallArgs args) {
  double v[1];
  if (!distribution_arguments("Random.paretovariate", args, {"alpha"}, {NAN}, v)) return nullptr;
  return float_result(generator_of(self).paretovariate(v[0]));
}

Ref<> method_weibullvariate(Object* self, CallArgs args) {
  double v[2];
  if (!distribution_arguments("Random.weibullvariate", args, {"alpha", "beta"}, {NAN, NAN}, v))
    return nullptr;
  return float_result(generator_of(self).weibullvariate(v[0], v[1]));
}

const NativeMethod random_methods[] = {
    {"seed", method_seed},
    {"random", method_random},
    {"getrandbits", method_getrandbits},
    {"randbytes", method_randbytes},
    {"getstate", method_getstate},
    {"setstate", method_setstate},
    {"randrange", method_randrange},
    {"randint", method_randint},
    {"choice", method_choice},
    {"choices", method_choices},
    {"shuffle", method_shuffle},
    {"sample", method_sample},
    {"uniform", method_uniform},
    {"triangular", method_triangular},
    {"normalvariate", method_normalvariate},
    {"gauss", method_gauss},
    {"lognormvariate", method_lognormvariate},
    {"expovariate", method_expovariate},
    {"vonmisesvariate", method_vonmisesvariate},
    {"gammavariate", method_gammavariate},
    {"betavariate", method_betavariate},
    {"paretovariate", method_paretovariate},
    {"weibullvariate", method_weibullvariate},
    {nullptr, nullptr},
};

}  // namespace

int init_random_module(Module* module) {
  if (!random_type.mro) {
    random_type.new_instance = random_new;
    random_type.init = random_init;
    install_methods(random_type, random_methods);
    if (ready_type(random_type) < 0) return -1;
  }
  return dict_set_str(module->dict.get(), "_Random", &random_type);
}

}  // namespace py
