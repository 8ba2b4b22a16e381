// Lookups in the generated tables of unicode_case_tables.inc (see unicode_case.hpp).
#include "core/py/objects/unicode_case.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace py::unicode {

namespace {

// Code points from `start` up to the next run's start share `flags`.
struct PropertyRun {
  uint32_t start;  // first code point of the run
  uint16_t flags;  // Property bits
};

// The simple case mappings of a code point minus the code point.
struct CaseDeltas {
  int32_t upper;
  int32_t lower;
  int32_t title;
};

// `count` code points start, start + stride, ... each map by the same deltas.
struct CaseRun {
  uint32_t start;  // first code point
  uint16_t count;  // code points in the run
  uint8_t stride;  // distance between them (1 or 2)
  CaseDeltas deltas;
};

// A code point whose full mappings are not single code points (UTF-8 strings).
struct SpecialCase {
  uint32_t code;        // the code point
  const char* upper;    // str.upper() of it
  const char* lower;    // str.lower() of it (σ for Σ)
  const char* title;    // str.title() of it
  const char* casefold; // str.casefold() of it
};

#include "core/py/objects/unicode_case_tables.inc"

// The runs are unpacked from the generated tables on first use: the tables are packed for
// the download (scripts/generate_unicode_tables.py), each run's start as its distance from
// the previous one in LEB128.
uint32_t next_start(const uint8_t*& byte, uint32_t previous) {
  uint32_t distance = 0;
  for (int shift = 0;; shift += 7) {
    distance |= uint32_t(*byte & 0x7F) << shift;
    if (*byte++ < 0x80) return previous + distance;
  }
}

const std::vector<PropertyRun>& property_runs() {
  static const std::vector<PropertyRun> runs = [] {
    std::vector<PropertyRun> unpacked(std::size(property_run_flags));
    const uint8_t* byte = property_run_starts;
    uint32_t start = 0;
    for (size_t i = 0; i < unpacked.size(); ++i) {
      start = next_start(byte, start);
      unpacked[i] = PropertyRun{start, property_flag_values[property_run_flags[i]]};
    }
    return unpacked;
  }();
  return runs;
}

const std::vector<CaseRun>& case_runs() {
  static const std::vector<CaseRun> runs = [] {
    std::vector<CaseRun> unpacked(std::size(case_run_deltas));
    const uint8_t* byte = case_run_starts;
    uint32_t start = 0;
    for (size_t i = 0; i < unpacked.size(); ++i) {
      start = next_start(byte, start);
      unpacked[i] = CaseRun{start, case_run_counts[i], case_run_strides[i],
                            case_delta_values[case_run_deltas[i]]};
    }
    return unpacked;
  }();
  return runs;
}

const SpecialCase* find_special(char32_t code) {
  const SpecialCase* end = std::end(special_cases);
  const SpecialCase* found = std::lower_bound(
      std::begin(special_cases), end, code,
      [](const SpecialCase& entry, char32_t wanted) { return entry.code < wanted; });
  return found != end && found->code == code ? found : nullptr;
}

// The simple mapping deltas of `code`, or null when it maps to itself.
const CaseRun* find_case_run(char32_t code) {
  const std::vector<CaseRun>& runs = case_runs();
  auto after =
      std::upper_bound(runs.begin(), runs.end(), code,
                       [](char32_t wanted, const CaseRun& run) { return wanted < run.start; });
  if (after == runs.begin()) return nullptr;
  const CaseRun* run = &*(after - 1);
  const uint32_t offset = code - run->start;
  if (offset % run->stride != 0 || offset / run->stride >= run->count) return nullptr;
  return run;
}

enum class Mapping { upper, lower, title, casefold };

void append_mapping(char32_t code, Mapping mapping, std::string& out) {
  if (code < 0x80) {
    char byte = char(code);
    if (mapping == Mapping::upper || mapping == Mapping::title) {
      if (byte >= 'a' && byte <= 'z') byte = char(byte - 32);
    } else if (byte >= 'A' && byte <= 'Z') {
      byte = char(byte + 32);
    }
    out += byte;
    return;
  }
  if (const SpecialCase* special = find_special(code)) {
    switch (mapping) {
      case Mapping::upper: out += special->upper; break;
      case Mapping::lower: out += special->lower; break;
      case Mapping::title: out += special->title; break;
      case Mapping::casefold: out += special->casefold; break;
    }
    return;
  }
  const CaseRun* run = find_case_run(code);
  int32_t delta = 0;
  if (run) {
    delta = mapping == Mapping::upper   ? run->deltas.upper
            : mapping == Mapping::title ? run->deltas.title
                                        : run->deltas.lower;
  }
  append_utf8(char32_t(int32_t(code) + delta), out);
}

}  // namespace

uint16_t properties(char32_t code) {
  if (code > 0x10FFFF) return 0;
  const std::vector<PropertyRun>& runs = property_runs();
  auto after = std::upper_bound(
      runs.begin(), runs.end(), code,
      [](char32_t wanted, const PropertyRun& run) { return wanted < run.start; });
  return (after - 1)->flags;
}

void append_upper(char32_t code, std::string& out) { append_mapping(code, Mapping::upper, out); }
void append_lower(char32_t code, std::string& out) { append_mapping(code, Mapping::lower, out); }
void append_title(char32_t code, std::string& out) { append_mapping(code, Mapping::title, out); }
void append_casefold(char32_t code, std::string& out) {
  append_mapping(code, Mapping::casefold, out);
}

void append_utf8(char32_t code, std::string& out) {
  if (code < 0x80) {
    out += char(code);
  } else if (code < 0x800) {
    out += char(0xC0 | (code >> 6));
    out += char(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += char(0xE0 | (code >> 12));
    out += char(0x80 | ((code >> 6) & 0x3F));
    out += char(0x80 | (code & 0x3F));
  } else {
    out += char(0xF0 | (code >> 18));
    out += char(0x80 | ((code >> 12) & 0x3F));
    out += char(0x80 | ((code >> 6) & 0x3F));
    out += char(0x80 | (code & 0x3F));
  }
}

}  // namespace py::unicode
