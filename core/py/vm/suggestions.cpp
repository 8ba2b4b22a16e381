// "Did you mean": CPython 3.11's Python/suggestions.c, ported.
#include "core/py/vm/suggestions.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/vm/frame.hpp"
#include "core/py/vm/traceback.hpp"

namespace py {
namespace {

constexpr size_t kMaxCandidates = 750;  // MAX_CANDIDATE_ITEMS: bigger namespaces are skipped
constexpr size_t kMaxNameSize = 40;     // MAX_STRING_SIZE
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if ('A' <= a && a <= 'Z') a = char(a + ('a' - 'A'));
  if ('A' <= b && b <= 'Z') b = char(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

// levenshtein_distance: one row updated in place; max_cost + 1 once it is out of reach.
size_t distance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxNameSize || b.size() > kMaxNameSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t row[kMaxNameSize];
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t b_index = 0; b_index < b.size(); ++b_index) {
    size_t previous = result = b_index * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t index = 0; index < a.size(); ++index) {
      size_t substitute = previous + substitution_cost(b[b_index], a[index]);
      previous = row[index];
      size_t insert_delete = std::min(result, previous) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[index] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// calculate_suggestions: the first closest candidate, or empty.
std::string closest(const std::vector<std::string>& candidates, const std::string& name) {
  if (candidates.size() >= kMaxCandidates) return "";
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const std::string& candidate : candidates) {
    if (candidate == name) continue;
    size_t max_distance = (name.size() + candidate.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t found = distance(name, candidate, max_distance);
    if (found > max_distance) continue;
    if (best.empty() || found < best_distance) {
      best = candidate;
      best_distance = found;
    }
  }
  return best;
}

std::vector<std::string> str_keys(Dict* dict) {
  std::vector<std::string> keys;
  size_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  while (dict && dict_next(dict, &position, &key, &value))
    if (is_str(key)) keys.push_back(static_cast<Str*>(key)->value);
  return keys;
}

std::string suggest_for_name_error(Object* exception, const std::string& name) {
  Object* walk = static_cast<BaseException*>(exception)->traceback.get();
  if (!walk || walk->type != &traceback_type) return "";
  while (Object* next = static_cast<Traceback*>(walk)->next.get()) walk = next;
  Frame* frame = static_cast<Traceback*>(walk)->frame;
  std::vector<std::string> locals;
  for (const Ref<Str>& local : frame->code->local_names) locals.push_back(local->value);
  std::string found = closest(locals, name);
  if (found.empty()) found = closest(str_keys(frame->globals), name);
  if (found.empty()) found = closest(str_keys(frame->builtins), name);
  return found;
}

std::string suggest_for_attribute_error(Object* object, const std::string& name) {
  Object* dir = runtime().builtins ? dict_lookup_str(runtime().builtins, "dir") : nullptr;
  if (!dir) return "";
  Ref<> names = call(dir, {object});
  if (!names || !is_list(names.get())) return "";
  std::vector<std::string> candidates;
  for (const Ref<>& item : static_cast<List*>(names.get())->items)
    if (is_str(item.get())) candidates.push_back(static_cast<Str*>(item.get())->value);
  return closest(candidates, name);
}

}  // namespace

std::string suggest_similar_name(Object* exception) {
  bool name_error = is_instance(exception, name_error_type);
  bool attribute_error = is_instance(exception, attribute_error_type);
  if (!name_error && !attribute_error) return "";
  Ref<> name = get_attribute_or_missing(exception, intern_borrowed("name"));
  std::string found;
  if (name && is_str(name.get())) {
    const std::string& text = static_cast<Str*>(name.get())->value;
    if (name_error) {
      found = suggest_for_name_error(exception, text);
    } else {
      Ref<> object = get_attribute_or_missing(exception, intern_borrowed("obj"));
      if (object && !is_none(object.get())) found = suggest_for_attribute_error(object.get(), text);
    }
  }
  clear_exception();
  return found;
}

}  // namespace py
