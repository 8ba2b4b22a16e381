// The codecs behind bytes.decode, str.encode and str(b, encoding): UTF-8, ASCII and
// Latin-1 under their common aliases, with the 'strict', 'replace', 'ignore' and
// 'surrogateescape' error handlers and CPython's UnicodeDecodeError/UnicodeEncodeError
// messages. UTF-8 decoding follows CPython's error ranges: an invalid start byte is one
// byte; a truncated or broken sequence spans its lead byte and the valid continuation
// bytes after it (so b'\xf0\x9f\x98A' fails at "position 0-2: invalid continuation byte").
#include <string>

#include "core/py/objects/bytes.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/unicode_case.hpp"
#include "core/py/syntax/utf8.hpp"

namespace py {

namespace {

enum class Codec { utf8, ascii, latin1, unknown };

// CPython's encodings.normalize_encoding + the aliases table, for the three codecs.
Codec find_codec(std::string_view name) {
  std::string normal;
  for (char c : name) {
    if (c == '_' || c == ' ') c = '-';
    normal += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (normal == "utf-8" || normal == "utf8" || normal == "u8" || normal == "utf" ||
      normal == "cp65001")
    return Codec::utf8;
  if (normal == "ascii" || normal == "us-ascii" || normal == "646" || normal == "us")
    return Codec::ascii;
  if (normal == "latin-1" || normal == "latin1" || normal == "latin" || normal == "l1" ||
      normal == "iso-8859-1" || normal == "iso8859-1" || normal == "8859" ||
      normal == "cp819" || normal == "iso-ir-100")
    return Codec::latin1;
  return Codec::unknown;
}

const char* codec_name(Codec codec) {
  return codec == Codec::utf8 ? "utf-8" : codec == Codec::ascii ? "ascii" : "latin-1";
}

// surrogate_escape: PEP 383's 'surrogateescape', which decodes each undecodable byte B
// (0x80 and up) to the lone surrogate U+DC00 + B and encodes those surrogates back to B,
// so that bytes survive a round trip through str.
enum class Handler { strict, replace, ignore, surrogate_escape, unknown };

Handler find_handler(std::string_view name) {
  if (name == "strict") return Handler::strict;
  if (name == "replace") return Handler::replace;
  if (name == "ignore") return Handler::ignore;
  if (name == "surrogateescape") return Handler::surrogate_escape;
  return Handler::unknown;
}

constexpr char32_t kEscapeBase = 0xDC00;  // byte B escapes to kEscapeBase + B
constexpr char32_t kFirstEscapedByte = kEscapeBase + 0x80;
constexpr char32_t kLastEscapedByte = kEscapeBase + 0xFF;

bool is_surrogate(char32_t code) { return code >= 0xD800 && code <= 0xDFFF; }

// The length of the longest valid prefix of the UTF-8 sequence starting at data[at] (its
// lead byte included), and whether the whole sequence is there and valid.
struct SequenceCheck {
  size_t valid = 0;       // bytes of the valid prefix
  size_t needed = 0;      // bytes the sequence should have (0: invalid start byte)
};

SequenceCheck check_sequence(std::string_view data, size_t at) {
  const auto lead = static_cast<unsigned char>(data[at]);
  SequenceCheck check;
  if (lead < 0x80) return {1, 1};
  if (lead < 0xC2 || lead > 0xF4) return {0, 0};
  check.needed = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  check.valid = 1;
  for (size_t i = 1; i < check.needed && at + i < data.size(); ++i) {
    const auto byte = static_cast<unsigned char>(data[at + i]);
    unsigned char low = 0x80, high = 0xBF;
    if (i == 1) {
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    }
    if (byte < low || byte > high) break;
    ++check.valid;
  }
  return check;
}

std::nullptr_t raise_decode_error(Codec codec, std::string_view data, size_t start, size_t end,
                                  std::string_view reason) {
  if (end - start == 1) {
    return raise_format(unicode_decode_error_type,
                        "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                        codec_name(codec), static_cast<unsigned char>(data[start]), start, reason);
  }
  return raise_format(unicode_decode_error_type, "'{}' codec can't decode bytes in position {}-{}: {}",
                      codec_name(codec), start, end - 1, reason);
}

std::string character_escape(char32_t code) {
  if (code < 0x100) return format_message("\\x{:02x}", unsigned(code));
  if (code < 0x10000) return format_message("\\u{:04x}", unsigned(code));
  return format_message("\\U{:08x}", unsigned(code));
}

}  // namespace

Ref<Str> decode_bytes(std::string_view data, std::string_view encoding, std::string_view errors) {
  if (data.empty()) return make_str("");  // CPython answers before looking the codec up
  const Codec codec = find_codec(encoding);
  if (codec == Codec::unknown) return raise_format(lookup_error_type, "unknown encoding: {}", encoding);
  std::string out;
  out.reserve(data.size());
  for (size_t at = 0; at < data.size();) {
    size_t end = at + 1;
    const char* reason = nullptr;
    const auto byte = static_cast<unsigned char>(data[at]);
    if (codec == Codec::latin1) {
      unicode::append_utf8(byte, out);
      ++at;
      continue;
    }
    if (codec == Codec::ascii) {
      if (byte < 0x80) {
        out += char(byte);
        ++at;
        continue;
      }
      reason = "ordinal not in range(128)";
    } else {
      const SequenceCheck check = check_sequence(data, at);
      if (check.needed != 0 && check.valid == check.needed) {
        out.append(data.substr(at, check.needed));
        at += check.needed;
        continue;
      }
      if (check.needed == 0) {
        reason = "invalid start byte";
      } else {
        end = at + check.valid;
        reason = at + check.valid == data.size() ? "unexpected end of data"
                                                 : "invalid continuation byte";
      }
    }
    switch (find_handler(errors)) {
      case Handler::strict: return raise_decode_error(codec, data, at, end, reason);
      case Handler::replace: out += "\xEF\xBF\xBD"; break;
      case Handler::ignore: break;
      case Handler::surrogate_escape:
        for (size_t escaped = at; escaped < end; ++escaped) {
          const auto bad = static_cast<unsigned char>(data[escaped]);
          if (bad < 0x80) return raise_decode_error(codec, data, at, end, reason);
          unicode::append_utf8(kEscapeBase + bad, out);
        }
        break;
      case Handler::unknown:
        return raise_format(lookup_error_type, "unknown error handler name '{}'", errors);
    }
    at = end;
  }
  return make_str(std::move(out));
}

Ref<Bytes> encode_text(std::string_view utf8, std::string_view encoding, std::string_view errors) {
  const Codec codec = find_codec(encoding);
  if (codec == Codec::unknown) return raise_format(lookup_error_type, "unknown encoding: {}", encoding);
  // UTF-8 encodes every character but a lone surrogate; ASCII and Latin-1 those under 128
  // and 256.
  const char32_t limit = codec == Codec::ascii ? 0x80 : 0x100;
  auto encodable = [&](char32_t code) {
    return codec == Codec::utf8 ? !is_surrogate(code) : code < limit;
  };
  if (codec == Codec::utf8 && utf8.find('\xED') == std::string_view::npos) return make_bytes(utf8);
  std::string out;
  size_t position = 0;  // code point index
  for (size_t at = 0; at < utf8.size();) {
    const size_t start = at;
    const char32_t code = utf8::decode(utf8, at);
    if (encodable(code)) {
      if (codec == Codec::utf8)
        out.append(utf8.substr(start, at - start));
      else
        out += char(code);
      ++position;
      continue;
    }
    // The run of characters this codec cannot encode.
    size_t run_end = at;
    size_t run_length = 1;
    while (run_end < utf8.size()) {
      size_t next = run_end;
      if (encodable(utf8::decode(utf8, next))) break;
      run_end = next;
      ++run_length;
    }
    auto reason = [&] {
      return codec == Codec::utf8 ? std::string("surrogates not allowed")
                                  : format_message("ordinal not in range({})", unsigned(limit));
    };
    const Handler handler = find_handler(errors);
    if (handler == Handler::surrogate_escape) {
      // Each escaped byte goes back; a run holding any other character fails as a whole,
      // as under 'strict'.
      std::string bytes;
      for (size_t escaped = start; escaped < run_end;) {
        const char32_t unencodable = utf8::decode(utf8, escaped);
        if (unencodable < kFirstEscapedByte || unencodable > kLastEscapedByte) break;
        bytes += char(unencodable - kEscapeBase);
      }
      if (bytes.size() == run_length) {
        out += bytes;
        at = run_end;
        position += run_length;
        continue;
      }
    }
    switch (handler) {
      case Handler::strict:
      case Handler::surrogate_escape:
        if (run_length == 1) {
          return raise_format(unicode_encode_error_type,
                              "'{}' codec can't encode character '{}' in position {}: {}",
                              codec_name(codec), character_escape(code), position, reason());
        }
        return raise_format(unicode_encode_error_type,
                            "'{}' codec can't encode characters in position {}-{}: {}",
                            codec_name(codec), position, position + run_length - 1, reason());
      case Handler::replace: out.append(run_length, '?'); break;
      case Handler::ignore: break;
      case Handler::unknown:
        return raise_format(lookup_error_type, "unknown error handler name '{}'", errors);
    }
    at = run_end;
    position += run_length;
  }
  return make_bytes(out);
}

}  // namespace py
