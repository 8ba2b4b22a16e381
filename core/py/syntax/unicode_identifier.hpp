// Which characters may appear in a Python identifier, and which are printable — the two
// Unicode questions the lexer asks (CPython: _PyUnicode_ScanIdentifier and
// Py_UNICODE_ISPRINTABLE).
//
// Design decision: an approximation, not the Unicode tables. Exact XID_Start/XID_Continue
// and printability take about 2,100 ranges (Unicode 14, as in CPython 3.11); this keeps
// about 240 hand-picked ones (unicode_identifier.cpp) and treats every other code point at or
// above U+0080 as a letter. Everything below U+0080 is exact. What it covers:
//   - non-printable: C1 controls, the Unicode spaces and line/paragraph separators,
//     format characters (soft hyphen, bidi controls, zero-width characters, BOM...),
//     surrogates, private use, noncharacters and the unassigned planes 3 (after CJK
//     extension G) to 14 — so "invalid non-printable character U+XXXX" is right for them;
//   - symbols and punctuation: Latin-1, Greek, Armenian, Hebrew, Arabic, Devanagari and
//     Thai punctuation, general punctuation, super/subscript digits and operators,
//     currency, letterlike symbols, number forms, arrows, mathematical operators, technical
//     and miscellaneous symbols, box drawing, dingbats, CJK and fullwidth punctuation,
//     enclosed CJK, musical symbols, emoji — so "invalid character '€' (U+20AC)" is right;
//   - continue-only (allowed after the first character): combining diacritical marks,
//     the middle dot, connector punctuation (‿ ⁀ ⁔ ＿ ︳), variation selectors, Hebrew,
//     Arabic, Syriac and Devanagari marks, the decimal digits of the major scripts.
// What it costs: rare letters' neighbours in blocks not listed are accepted as letters
// (e.g. a Bengali vowel sign may start an identifier, where CPython rejects it), symbols
// of scripts not listed are accepted, and unassigned code points inside the BMP and
// planes 1-2 count as printable letters. Measured against CPython 3.11: 97% of the
// assigned BMP code points are classified exactly (the misses are mostly combining marks
// of scripts not listed). A program CPython accepts is never rejected: every listed range
// is exactly non-identifier (or continue-only) in Unicode 14, which
// scripts/check_unicode_ranges.py verifies.
#pragma once

#include <string>
#include <string_view>

namespace py {

// XID_Start or '_' (what may begin an identifier).
bool is_identifier_start(char32_t code_point);

// XID_Continue (what may follow the first character of an identifier).
bool is_identifier_continue(char32_t code_point);

// The identifier `name` (valid UTF-8, already verified) as CPython's parser stores it:
// NFKC-normalized, so `ﬁle` is `file` and `ｘ` is `x`. Design decision, as above: not the
// Unicode tables but the compatibility forms a program is likely to hold — fullwidth
// Latin letters, digits and low line, the Latin ligatures U+FB00-FB06, mathematical
// alphanumeric letters and digits, ª º ſ µ ⁱ ⁿ. What it costs: other compatibility
// characters (circled, superscript and Arabic presentation forms, CJK compatibility
// ideographs...) and canonical composition (`e` + U+0301 against `é`) keep their own
// spelling, so two spellings CPython treats as one name stay two.
std::string normalize_identifier(std::string_view name);

// Python's str.isprintable() of the single character: not a control, format, surrogate,
// private-use, unassigned or separator character (the ASCII space is printable).
bool is_printable(char32_t code_point);

}  // namespace py
