#include "core/py/syntax/unicode_identifier.hpp"

#include <cstddef>
#include <cstdint>

#include "core/py/syntax/string_literal.hpp"
#include "core/py/syntax/utf8.hpp"

namespace py {
namespace {

// What a code point at or above U+0080 is, when a range below lists it; every other one
// is taken for a letter (see the header for the trade-off).
enum class CharacterClass : uint8_t {
  non_printable,  // not printable, so not in identifiers either
  symbol,         // printable but never in an identifier
  continue_only,  // XID_Continue but not XID_Start
};

struct CharacterRange {
  char32_t first;
  char32_t last;  // inclusive
  CharacterClass character_class;
};

constexpr CharacterClass N = CharacterClass::non_printable;
constexpr CharacterClass S = CharacterClass::symbol;
constexpr CharacterClass C = CharacterClass::continue_only;

// Sorted by `first`, not overlapping (checked below). scripts/check_unicode_ranges.py checks
// every range against CPython 3.11's own classification (Unicode 14.0).
constexpr CharacterRange kRanges[] = {
    // Latin-1 Supplement
    {0x0080, 0x00A0, N}, {0x00A1, 0x00A9, S}, {0x00AB, 0x00AC, S}, {0x00AD, 0x00AD, N},
    {0x00AE, 0x00B4, S}, {0x00B6, 0x00B6, S}, {0x00B7, 0x00B7, C}, {0x00B8, 0x00B9, S},
    {0x00BB, 0x00BF, S}, {0x00D7, 0x00D7, S}, {0x00F7, 0x00F7, S},
    // Spacing modifier letters that are symbols
    {0x02C2, 0x02C5, S}, {0x02D2, 0x02DF, S}, {0x02E5, 0x02EB, S}, {0x02ED, 0x02ED, S},
    {0x02EF, 0x02FF, S},
    // Combining diacritical marks
    {0x0300, 0x036F, C},
    // Greek and Cyrillic
    {0x0375, 0x0375, S}, {0x037E, 0x037E, S}, {0x0384, 0x0385, S}, {0x0387, 0x0387, C},
    {0x03F6, 0x03F6, S}, {0x0482, 0x0482, S}, {0x0483, 0x0487, C}, {0x0488, 0x0489, S},
    // Armenian
    {0x055A, 0x055F, S}, {0x0589, 0x058A, S}, {0x058D, 0x058F, S},
    // Hebrew
    {0x0591, 0x05BD, C}, {0x05BE, 0x05BE, S}, {0x05BF, 0x05BF, C}, {0x05C0, 0x05C0, S},
    {0x05C1, 0x05C2, C}, {0x05C3, 0x05C3, S}, {0x05C4, 0x05C5, C}, {0x05C6, 0x05C6, S},
    {0x05C7, 0x05C7, C}, {0x05F3, 0x05F4, S},
    // Arabic
    {0x0600, 0x0605, N}, {0x0606, 0x060F, S}, {0x0610, 0x061A, C}, {0x061B, 0x061B, S},
    {0x061C, 0x061C, N}, {0x061D, 0x061F, S}, {0x064B, 0x0669, C}, {0x066A, 0x066D, S},
    {0x0670, 0x0670, C}, {0x06D4, 0x06D4, S}, {0x06D6, 0x06DC, C}, {0x06DD, 0x06DD, N},
    {0x06DE, 0x06DE, S}, {0x06DF, 0x06E4, C}, {0x06E7, 0x06E8, C}, {0x06E9, 0x06E9, S},
    {0x06EA, 0x06ED, C}, {0x06F0, 0x06F9, C}, {0x06FD, 0x06FE, S},
    // Syriac
    {0x0700, 0x070D, S}, {0x070F, 0x070F, N}, {0x0711, 0x0711, C}, {0x0730, 0x074A, C},
    // Arabic extended
    {0x0890, 0x0891, N}, {0x08E2, 0x08E2, N},
    // Devanagari and the digits of the other Indic scripts
    {0x0900, 0x0903, C}, {0x093A, 0x093C, C}, {0x093E, 0x094F, C}, {0x0951, 0x0957, C},
    {0x0962, 0x0963, C}, {0x0964, 0x0965, S}, {0x0966, 0x096F, C}, {0x0970, 0x0970, S},
    {0x09E6, 0x09EF, C}, {0x0A66, 0x0A6F, C}, {0x0AE6, 0x0AEF, C}, {0x0B66, 0x0B6F, C},
    {0x0BE6, 0x0BEF, C}, {0x0C66, 0x0C6F, C}, {0x0CE6, 0x0CEF, C}, {0x0D66, 0x0D6F, C},
    // Thai
    {0x0E31, 0x0E31, C}, {0x0E34, 0x0E3A, C}, {0x0E3F, 0x0E3F, S}, {0x0E47, 0x0E4E, C},
    {0x0E4F, 0x0E4F, S}, {0x0E50, 0x0E59, C}, {0x0E5A, 0x0E5B, S},
    // Ogham, Mongolian
    {0x1680, 0x1680, N}, {0x1800, 0x180A, S}, {0x180E, 0x180E, N},
    // Combining marks extended and supplement
    {0x1AB0, 0x1ABD, C}, {0x1ABE, 0x1ABE, S}, {0x1ABF, 0x1ACE, C}, {0x1DC0, 0x1DFF, C},
    // Greek extended spacing accents
    {0x1FBD, 0x1FBD, S}, {0x1FBF, 0x1FC1, S}, {0x1FCD, 0x1FCF, S}, {0x1FDD, 0x1FDF, S},
    {0x1FED, 0x1FEF, S}, {0x1FFD, 0x1FFE, S},
    // General punctuation
    {0x2000, 0x200F, N}, {0x2010, 0x2027, S}, {0x2028, 0x202F, N}, {0x2030, 0x203E, S},
    {0x203F, 0x2040, C}, {0x2041, 0x2053, S}, {0x2054, 0x2054, C}, {0x2055, 0x205E, S},
    {0x205F, 0x206F, N},
    // Superscripts and subscripts: digits and operators
    {0x2070, 0x2070, S}, {0x2074, 0x207E, S}, {0x2080, 0x208E, S},
    // Currency symbols, combining marks for symbols
    {0x20A0, 0x20C0, S}, {0x20D0, 0x20DC, C}, {0x20DD, 0x20E0, S}, {0x20E1, 0x20E1, C},
    {0x20E2, 0x20E4, S}, {0x20E5, 0x20F0, C},
    // Letterlike symbols, number forms
    {0x2100, 0x2101, S}, {0x2103, 0x2106, S}, {0x2108, 0x2109, S}, {0x2114, 0x2114, S},
    {0x2116, 0x2117, S}, {0x211E, 0x2123, S}, {0x2125, 0x2125, S}, {0x2127, 0x2127, S},
    {0x2129, 0x2129, S}, {0x213A, 0x213B, S}, {0x2140, 0x2144, S}, {0x214A, 0x214D, S},
    {0x214F, 0x215F, S}, {0x2189, 0x218B, S},
    // Arrows, mathematical operators, technical symbols, control pictures, OCR, enclosed
    // alphanumerics, box drawing, block elements, shapes, miscellaneous symbols, dingbats,
    // supplemental arrows and mathematical symbols
    {0x2190, 0x2426, S}, {0x2440, 0x244A, S}, {0x2460, 0x2B73, S}, {0x2B76, 0x2B95, S},
    {0x2B97, 0x2BFF, S},
    // Coptic symbols, supplemental punctuation, CJK radicals
    {0x2CE5, 0x2CEA, S}, {0x2CF9, 0x2CFC, S}, {0x2CFE, 0x2CFF, S}, {0x2E00, 0x2E5D, S},
    {0x2E80, 0x2E99, S}, {0x2E9B, 0x2EF3, S}, {0x2F00, 0x2FD5, S}, {0x2FF0, 0x2FFB, S},
    // CJK symbols and punctuation
    {0x3000, 0x3000, N}, {0x3001, 0x3004, S}, {0x3008, 0x3020, S}, {0x302A, 0x302F, C},
    {0x3030, 0x3030, S}, {0x3036, 0x3037, S}, {0x303D, 0x303F, S}, {0x3099, 0x309A, C},
    {0x30A0, 0x30A0, S}, {0x30FB, 0x30FB, S},
    // Kanbun, CJK strokes, enclosed CJK letters, CJK compatibility, Yijing hexagrams
    {0x3190, 0x319F, S}, {0x31C0, 0x31E3, S}, {0x3200, 0x321E, S}, {0x3220, 0x33FF, S},
    {0x4DC0, 0x4DFF, S},
    // Surrogates and private use
    {0xD800, 0xF8FF, N},
    // Alphabetic presentation forms: Arabic symbols and ornate parentheses
    {0xFB29, 0xFB29, S}, {0xFBB2, 0xFBC2, S}, {0xFD3E, 0xFD3F, S}, {0xFDD0, 0xFDEF, N},
    // Variation selectors, vertical forms, combining half marks, CJK compatibility forms,
    // small form variants
    {0xFE00, 0xFE0F, C}, {0xFE10, 0xFE19, S}, {0xFE20, 0xFE2F, C}, {0xFE30, 0xFE32, S},
    {0xFE33, 0xFE34, C}, {0xFE35, 0xFE4C, S}, {0xFE4D, 0xFE4F, C}, {0xFE50, 0xFE52, S},
    {0xFE54, 0xFE66, S}, {0xFE68, 0xFE6B, S}, {0xFEFF, 0xFEFF, N},
    // Halfwidth and fullwidth forms, specials
    {0xFF01, 0xFF0F, S}, {0xFF10, 0xFF19, C}, {0xFF1A, 0xFF20, S}, {0xFF3B, 0xFF3E, S},
    {0xFF3F, 0xFF3F, C}, {0xFF40, 0xFF40, S}, {0xFF5B, 0xFF65, S}, {0xFFE0, 0xFFE6, S},
    {0xFFE8, 0xFFEE, S}, {0xFFF0, 0xFFFB, N}, {0xFFFC, 0xFFFD, S}, {0xFFFE, 0xFFFF, N},
    // Supplementary planes: format characters, musical symbols, mathematical digits,
    // mahjong/domino/playing cards, enclosed supplements, emoji and pictographs
    {0x110BD, 0x110BD, N}, {0x110CD, 0x110CD, N}, {0x13430, 0x13438, N},
    {0x1BCA0, 0x1BCA3, N}, {0x1D000, 0x1D0F5, S}, {0x1D100, 0x1D126, S},
    {0x1D129, 0x1D164, S}, {0x1D173, 0x1D17A, N}, {0x1D7CE, 0x1D7FF, C},
    {0x1F000, 0x1F02B, S}, {0x1F030, 0x1F093, S}, {0x1F0A0, 0x1F0AE, S},
    {0x1F0B1, 0x1F0BF, S}, {0x1F0C1, 0x1F0CF, S}, {0x1F0D1, 0x1F0F5, S},
    {0x1F100, 0x1F1AD, S}, {0x1F1E6, 0x1F202, S}, {0x1F210, 0x1F23B, S},
    {0x1F240, 0x1F248, S}, {0x1F250, 0x1F251, S}, {0x1F260, 0x1F265, S},
    {0x1F300, 0x1F6D7, S}, {0x1F6DD, 0x1F6EC, S}, {0x1F6F0, 0x1F6FC, S},
    {0x1F700, 0x1F773, S}, {0x1F780, 0x1F7D8, S}, {0x1F7E0, 0x1F7EB, S},
    {0x1F7F0, 0x1F7F0, S}, {0x1F800, 0x1F80B, S}, {0x1F810, 0x1F847, S},
    {0x1F850, 0x1F859, S}, {0x1F860, 0x1F887, S}, {0x1F890, 0x1F8AD, S},
    {0x1F8B0, 0x1F8B1, S}, {0x1F900, 0x1FA53, S}, {0x1FA60, 0x1FA6D, S},
    {0x1FA70, 0x1FA74, S}, {0x1FA78, 0x1FA7C, S}, {0x1FA80, 0x1FA86, S},
    {0x1FA90, 0x1FAAC, S}, {0x1FAB0, 0x1FABA, S}, {0x1FAC0, 0x1FAC5, S},
    {0x1FAD0, 0x1FAD9, S}, {0x1FAE0, 0x1FAE7, S}, {0x1FAF0, 0x1FAF6, S},
    {0x1FB00, 0x1FB92, S}, {0x1FB94, 0x1FBCA, S}, {0x1FBF0, 0x1FBF9, C},
    {0x1FC00, 0x1FFFF, N},
    // Unassigned and special planes: after CJK extension G up to the tags, the tags,
    // after the variation selectors supplement, the private use planes
    {0x3134B, 0xE00FF, N}, {0xE0100, 0xE01EF, C}, {0xE01F0, 0x10FFFF, N},
};

constexpr size_t kRangeCount = sizeof kRanges / sizeof kRanges[0];

constexpr bool ranges_are_sorted() {
  for (size_t i = 0; i < kRangeCount; ++i) {
    if (kRanges[i].first > kRanges[i].last) return false;
    if (i > 0 && kRanges[i - 1].last >= kRanges[i].first) return false;
  }
  return true;
}
static_assert(ranges_are_sorted(), "kRanges must be sorted and must not overlap");

// The range holding `code_point`, or nullptr (a letter).
const CharacterRange* find_range(char32_t code_point) {
  size_t low = 0, high = kRangeCount;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (kRanges[middle].last < code_point) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low < kRangeCount && kRanges[low].first <= code_point) return &kRanges[low];
  return nullptr;
}

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool is_identifier_start(char32_t code_point) {
  if (code_point < 0x80) return is_ascii_letter(code_point) || code_point == '_';
  return find_range(code_point) == nullptr;
}

bool is_identifier_continue(char32_t code_point) {
  if (code_point < 0x80) {
    return is_ascii_letter(code_point) || code_point == '_' ||
           (code_point >= '0' && code_point <= '9');
  }
  const CharacterRange* range = find_range(code_point);
  return range == nullptr || range->character_class == CharacterClass::continue_only;
}

bool is_printable(char32_t code_point) {
  if (code_point < 0x80) return code_point >= 0x20 && code_point < 0x7F;
  const CharacterRange* range = find_range(code_point);
  return range == nullptr || range->character_class != CharacterClass::non_printable;
}

std::string normalize_identifier(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  size_t position = 0;
  while (position < name.size()) {
    size_t start = position;
    char32_t c = utf8::decode(name, position);
    if (c >= 0xFF10 && c <= 0xFF19) {  // fullwidth digits
      out += static_cast<char>('0' + (c - 0xFF10));
    } else if (c >= 0xFF21 && c <= 0xFF3A) {  // fullwidth capitals
      out += static_cast<char>('A' + (c - 0xFF21));
    } else if (c >= 0xFF41 && c <= 0xFF5A) {  // fullwidth small letters
      out += static_cast<char>('a' + (c - 0xFF41));
    } else if (c == 0xFF3F) {  // fullwidth low line
      out += '_';
    } else if (c >= 0xFB00 && c <= 0xFB06) {  // ff fi fl ffi ffl ſt st
      static constexpr const char* ligatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
      out += ligatures[c - 0xFB00];
    } else if (c >= 0x1D400 && c <= 0x1D6A3) {  // 13 mathematical alphabets of 52 letters
      char32_t letter = (c - 0x1D400) % 52;
      out += static_cast<char>(letter < 26 ? 'A' + letter : 'a' + (letter - 26));
    } else if (c >= 0x1D7CE && c <= 0x1D7FF) {  // 5 mathematical digit sets
      out += static_cast<char>('0' + (c - 0x1D7CE) % 10);
    } else if (c == 0x00AA || c == 0x00BA || c == 0x017F || c == 0x2071 || c == 0x207F) {
      out += c == 0x00AA ? 'a' : c == 0x00BA ? 'o' : c == 0x017F ? 's' : c == 0x2071 ? 'i' : 'n';
    } else if (c == 0x00B5) {  // micro sign: Greek small mu
      literal::append_utf8(out, 0x03BC);
    } else {
      out.append(name.substr(start, position - start));
    }
  }
  return out;
}

}  // namespace py
