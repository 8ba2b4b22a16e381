// list.sort's algorithm: a stable merge sort (runs found by insertion sort, merged bottom
// up) whose comparisons are Python's `<` and may raise; the first error stops the sort
// and leaves the list a permutation of its items, as CPython does.
#include <algorithm>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/list.hpp"

namespace py {
namespace {

// One item being sorted: its key (the item itself when there is no key function).
struct SortItem {
  Ref<> key;
  Ref<> value;
};

// a < b, or -1 on error.
int less_than(const SortItem& a, const SortItem& b) {
  return compare_truth(a.key.get(), b.key.get(), CompareOp::less);
}

// Stable: an item moves left only past strictly greater ones.
int insertion_sort(std::vector<SortItem>& items, size_t begin, size_t end) {
  for (size_t i = begin + 1; i < end; ++i) {
    size_t j = i;
    while (j > begin) {
      const int less = less_than(items[j], items[j - 1]);
      if (less < 0) return -1;
      if (!less) break;
      std::swap(items[j], items[j - 1]);
      --j;
    }
  }
  return 0;
}

int merge(std::vector<SortItem>& items, std::vector<SortItem>& scratch, size_t begin,
          size_t middle, size_t end) {
  size_t left = begin, right = middle, out = begin;
  while (left < middle && right < end) {
    // Take from the right only when strictly less: keeps equal items in order.
    const int less = less_than(items[right], items[left]);
    if (less < 0) {
      while (left < middle) scratch[out++] = std::move(items[left++]);
      while (right < end) scratch[out++] = std::move(items[right++]);
      for (size_t i = begin; i < end; ++i) items[i] = std::move(scratch[i]);
      return -1;
    }
    scratch[out++] = std::move(less ? items[right++] : items[left++]);
  }
  while (left < middle) scratch[out++] = std::move(items[left++]);
  while (right < end) scratch[out++] = std::move(items[right++]);
  for (size_t i = begin; i < end; ++i) items[i] = std::move(scratch[i]);
  return 0;
}

int merge_sort(std::vector<SortItem>& items) {
  constexpr size_t run = 32;
  const size_t size = items.size();
  for (size_t begin = 0; begin < size; begin += run)
    if (insertion_sort(items, begin, std::min(size, begin + run)) < 0) return -1;
  std::vector<SortItem> scratch(size);
  for (size_t width = run; width < size; width *= 2) {
    for (size_t begin = 0; begin + width < size; begin += 2 * width) {
      if (merge(items, scratch, begin, begin + width, std::min(size, begin + 2 * width)) < 0)
        return -1;
    }
  }
  return 0;
}

}  // namespace

int list_sort(List* list, Object* key, bool reverse) {
  // The list is empty while it sorts, so a key function or __lt__ cannot see it half done.
  std::vector<Ref<>> values = std::move(list->items);
  list->items.clear();
  std::vector<SortItem> items;
  items.reserve(values.size());
  int status = 0;
  for (Ref<>& value : values) {
    Ref<> item_key = value;
    if (key && !is_none(key)) {
      item_key = call(key, {value.get()});
      if (!item_key) {
        status = -1;
        break;
      }
    }
    items.push_back(SortItem{std::move(item_key), std::move(value)});
  }
  if (status == 0) {
    // reverse=True is a stable sort of the reversed list, reversed again: equal items keep
    // their original order.
    if (reverse) std::reverse(items.begin(), items.end());
    status = merge_sort(items);
    if (reverse) std::reverse(items.begin(), items.end());
  }
  const bool modified = !list->items.empty();
  std::vector<Ref<>> sorted;
  sorted.reserve(values.size());
  if (status == 0 || items.size() == values.size()) {
    for (SortItem& item : items) sorted.push_back(std::move(item.value));
  } else {
    sorted = std::move(values);  // the key function failed: values are intact past the failure
    for (size_t i = 0; i < items.size(); ++i) sorted[i] = std::move(items[i].value);
  }
  list->items = std::move(sorted);
  if (status == 0 && modified) {
    raise(value_error_type, "list modified during sort");
    return -1;
  }
  return status;
}

}  // namespace py
