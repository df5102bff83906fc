// JsonReader: strict JSON (RFC 8259) pulled value by value, with byte offsets for every error.
#include "facts/json_reader.h"
#include "facts/normalize.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factline::facts {
namespace {

constexpr std::size_t kMaxSkipDepth = 512;

std::string describeByte(std::string_view text, std::size_t at) {
  if (at >= text.size())
    return "the end of the file";
  auto c = static_cast<unsigned char>(text[at]);
  if (c >= 0x20 && c < 0x7f)
    return std::string("'") + static_cast<char>(c) + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
  return buf;
}

void appendCodePoint(std::string &out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The first offset from `from` on whose byte ends a string's plain run (a quote, a backslash, a
// control character, or non-ASCII), or `n`. Sixteen bytes a step where SSE2 is (x86-64 always):
// a quote's text is hundreds of bytes; else eight at a time, as bits of a 64-bit word.
std::size_t plainRunEnd(const unsigned char *bytes, std::size_t from, std::size_t n) {
  std::size_t run = from;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  for (; run + 16 <= n; run += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + run));
    // Signed, a byte of 0x80 or more is below 0x20 too.
    const __m128i stop =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_cmplt_epi8(v, space));
    if (const int mask = _mm_movemask_epi8(stop))
      return run + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  auto has_zero_byte = [&](std::uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  while (run + 8 <= n) {
    std::uint64_t chunk;
    std::memcpy(&chunk, bytes + run, 8);
    if ((chunk & kHighs) != 0 || has_zero_byte(chunk ^ (kOnes * '"')) ||
        has_zero_byte(chunk ^ (kOnes * '\\')) || ((chunk - kOnes * 0x20) & ~chunk & kHighs) != 0)
      break;
    run += 8;
  }
  while (run < n) {
    const unsigned char c = bytes[run];
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
      break;
    ++run;
  }
  return run;
}

} // namespace

std::string_view describeJsonKind(JsonKind kind) {
  switch (kind) {
  case JsonKind::Null:
    return "null";
  case JsonKind::Bool:
    return "a boolean";
  case JsonKind::Number:
    return "a number";
  case JsonKind::String:
    return "a string";
  case JsonKind::Array:
    return "an array";
  case JsonKind::Object:
    return "an object";
  case JsonKind::Invalid:
    break;
  }
  return "nothing valid";
}

JsonReader::JsonReader(std::string_view text) : text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) // a byte order mark some editors write
    pos_ = 3;
}

bool JsonReader::fail(std::size_t at, std::string message) {
  if (!failed_) {
    failed_ = true;
    error_offset_ = at;
    error_message_ = std::move(message);
  }
  return false;
}

void JsonReader::skipWhitespace() {
  // Every whitespace byte is below '!': most calls find none, and stop at the first test.
  if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) > ' ')
    return;
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
      return;
    ++pos_;
  }
}

JsonKind JsonReader::peek() {
  if (failed_)
    return JsonKind::Invalid;
  skipWhitespace();
  if (pos_ >= text_.size())
    return JsonKind::Invalid;
  switch (text_[pos_]) {
  case '{':
    return JsonKind::Object;
  case '[':
    return JsonKind::Array;
  case '"':
    return JsonKind::String;
  case 't':
  case 'f':
    return JsonKind::Bool;
  case 'n':
    return JsonKind::Null;
  default:
    break;
  }
  char c = text_[pos_];
  if (c == '-' || (c >= '0' && c <= '9'))
    return JsonKind::Number;
  return JsonKind::Invalid;
}

bool JsonReader::expectLiteral(std::string_view word) {
  if (text_.substr(pos_, word.size()) != word)
    return fail(pos_, "expected a value, found " + describeByte(text_, pos_));
  pos_ += word.size();
  return true;
}

bool JsonReader::readBool(bool &out) {
  if (peek() != JsonKind::Bool)
    return fail(pos_, "expected true or false");
  out = text_[pos_] == 't';
  return expectLiteral(out ? "true" : "false");
}

bool JsonReader::readNull() {
  if (peek() != JsonKind::Null)
    return fail(pos_, "expected null");
  return expectLiteral("null");
}

bool JsonReader::readNumber(double &out) {
  if (peek() != JsonKind::Number)
    return fail(pos_, "expected a number");
  // JSON's grammar is stricter than from_chars': check it first ("01", "1.", ".5" are not JSON).
  const std::size_t begin = pos_;
  std::size_t i = pos_;
  auto digit = [&](std::size_t k) {
    return k < text_.size() && text_[k] >= '0' && text_[k] <= '9';
  };
  if (text_[i] == '-')
    ++i;
  if (!digit(i))
    return fail(i, "expected a digit, found " + describeByte(text_, i));
  if (text_[i] == '0')
    ++i;
  else
    while (digit(i))
      ++i;
  if (i < text_.size() && text_[i] == '.') {
    ++i;
    if (!digit(i))
      return fail(i, "expected a digit after the decimal point, found " + describeByte(text_, i));
    while (digit(i))
      ++i;
  }
  if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
    ++i;
    if (i < text_.size() && (text_[i] == '+' || text_[i] == '-'))
      ++i;
    if (!digit(i))
      return fail(i, "expected a digit in the exponent, found " + describeByte(text_, i));
    while (digit(i))
      ++i;
  }
  auto [end, ec] = std::from_chars(text_.data() + begin, text_.data() + i, out);
  if (ec != std::errc() || end != text_.data() + i)
    return fail(begin, "number out of range");
  pos_ = i;
  return true;
}

bool JsonReader::readHex4(std::uint32_t &out) {
  if (pos_ + 4 > text_.size())
    return fail(pos_, "expected four hex digits after \\u");
  out = 0;
  for (int k = 0; k < 4; ++k) {
    char c = text_[pos_ + static_cast<std::size_t>(k)];
    out <<= 4;
    if (c >= '0' && c <= '9')
      out |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      out |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      out |= static_cast<std::uint32_t>(c - 'A' + 10);
    else
      return fail(pos_ + static_cast<std::size_t>(k), "expected four hex digits after \\u");
  }
  pos_ += 4;
  return true;
}

bool JsonReader::readString(std::string &out, std::vector<std::size_t> *bad_utf8) {
  if (peek() != JsonKind::String)
    return fail(pos_, "expected a string");
  const std::size_t open = pos_++;
  out.clear();
  const auto *bytes = reinterpret_cast<const unsigned char *>(text_.data());
  while (true) {
    // Copy plain ASCII in one go: most text is.
    const std::size_t run = plainRunEnd(bytes, pos_, text_.size());
    out.append(text_.data() + pos_, run - pos_);
    pos_ = run;
    if (pos_ >= text_.size())
      return fail(open, "unterminated string");
    unsigned char c = bytes[pos_];
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c < 0x20)
      return fail(pos_, "control character " + describeByte(text_, pos_) +
                            " in a string: write it as an escape such as \\n");
    if (c >= 0x80) {
      std::size_t len = utf8SequenceLength(bytes + pos_, text_.size() - pos_);
      if (len == 0) {
        // One error and one U+FFFD per bad run: the byte and the continuation bytes after it.
        if (bad_utf8)
          bad_utf8->push_back(pos_);
        out += "\xEF\xBF\xBD";
        ++pos_;
        for (int k = 0; k < 3 && pos_ < text_.size() && (bytes[pos_] & 0xC0) == 0x80; ++k)
          ++pos_;
      } else {
        out.append(text_.data() + pos_, len);
        pos_ += len;
      }
      continue;
    }
    // A backslash escape.
    const std::size_t escape = pos_++;
    if (pos_ >= text_.size())
      return fail(open, "unterminated string");
    char e = text_[pos_++];
    switch (e) {
    case '"':
    case '\\':
    case '/':
      out.push_back(e);
      break;
    case 'b':
      out.push_back('\b');
      break;
    case 'f':
      out.push_back('\f');
      break;
    case 'n':
      out.push_back('\n');
      break;
    case 'r':
      out.push_back('\r');
      break;
    case 't':
      out.push_back('\t');
      break;
    case 'u': {
      std::uint32_t cp = 0;
      if (!readHex4(cp))
        return false;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        std::uint32_t low = 0;
        if (text_.substr(pos_, 2) != "\\u")
          return fail(escape, "a \\u escape of a high surrogate must be followed by a low one");
        pos_ += 2;
        if (!readHex4(low))
          return false;
        if (low < 0xDC00 || low > 0xDFFF)
          return fail(escape, "a \\u escape of a high surrogate must be followed by a low one");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return fail(escape, "a \\u escape of a low surrogate with no high one before it");
      }
      appendCodePoint(out, cp);
      break;
    }
    default:
      return fail(escape, "unknown escape \\" + std::string(1, e) + " in a string");
    }
  }
}

bool JsonReader::readString(std::string_view &out, std::vector<std::size_t> *bad_utf8) {
  // Callers have mostly peeked already: at the quote, there is nothing to skip.
  if ((failed_ || pos_ >= text_.size() || text_[pos_] != '"') && peek() != JsonKind::String)
    return fail(pos_, "expected a string");
  // Most strings hold no escape and no bad byte: they are viewed where they are, not copied.
  const auto *bytes = reinterpret_cast<const unsigned char *>(text_.data());
  const std::size_t first = pos_ + 1, n = text_.size();
  std::size_t at = plainRunEnd(bytes, first, n);
  while (at < n && bytes[at] >= 0x80) {
    const std::size_t len = utf8SequenceLength(bytes + at, n - at);
    if (len == 0)
      break;
    at = plainRunEnd(bytes, at + len, n);
  }
  if (at < n && bytes[at] == '"') {
    out = text_.substr(first, at - first);
    pos_ = at + 1;
    return true;
  }
  const bool ok = readString(decoded_, bad_utf8);
  out = decoded_; // as far as it was read, when it fails
  return ok;
}

bool JsonReader::beginObject() {
  if (peek() != JsonKind::Object)
    return fail(pos_, "expected an object");
  ++pos_;
  open_.push_back({true, true});
  return true;
}

bool JsonReader::nextMember(std::string_view &key, std::size_t &key_offset) {
  if (failed_)
    return false;
  skipWhitespace();
  if (pos_ < text_.size() && text_[pos_] == '}') {
    ++pos_;
    open_.pop_back();
    return false;
  }
  const bool first = open_.back().first;
  if (!first) {
    if (pos_ >= text_.size() || text_[pos_] != ',')
      return fail(pos_, "expected ',' or '}' after a field, found " + describeByte(text_, pos_));
    ++pos_;
    skipWhitespace();
  }
  if (pos_ >= text_.size() || text_[pos_] != '"')
    return fail(pos_, (first ? "expected a field name or '}', found "
                             : "expected a field name after ',', found ") +
                          describeByte(text_, pos_));
  key_offset = pos_;
  if (!readString(key))
    return false;
  skipWhitespace();
  if (pos_ >= text_.size() || text_[pos_] != ':')
    return fail(pos_, "expected ':' after a field name, found " + describeByte(text_, pos_));
  ++pos_;
  open_.back().first = false;
  if (peek() == JsonKind::Invalid)
    return fail(pos_, "expected a value, found " + describeByte(text_, pos_));
  return true;
}

bool JsonReader::beginArray() {
  if (peek() != JsonKind::Array)
    return fail(pos_, "expected an array");
  ++pos_;
  open_.push_back({false, true});
  return true;
}

bool JsonReader::nextElement() {
  if (failed_)
    return false;
  skipWhitespace();
  if (pos_ < text_.size() && text_[pos_] == ']') {
    ++pos_;
    open_.pop_back();
    return false;
  }
  if (!open_.back().first) {
    if (pos_ >= text_.size() || text_[pos_] != ',')
      return fail(pos_, "expected ',' or ']' after an element, found " + describeByte(text_, pos_));
    ++pos_;
  }
  open_.back().first = false;
  if (peek() == JsonKind::Invalid)
    return fail(pos_, "expected a value, found " + describeByte(text_, pos_));
  return true;
}

bool JsonReader::skipValue() {
  // Iterative, with a depth limit, so that a hostile file cannot exhaust the stack.
  std::string_view scratch;
  std::size_t key_offset = 0;
  const std::size_t base_depth = open_.size();
  while (true) {
    if (open_.size() - base_depth > kMaxSkipDepth)
      return fail(pos_, "nested too deeply");
    bool ok = true;
    switch (peek()) {
    case JsonKind::Object:
      ok = beginObject();
      break;
    case JsonKind::Array:
      ok = beginArray();
      break;
    case JsonKind::String:
      ok = readString(scratch);
      break;
    case JsonKind::Number: {
      double ignored;
      ok = readNumber(ignored);
      break;
    }
    case JsonKind::Bool: {
      bool ignored;
      ok = readBool(ignored);
      break;
    }
    case JsonKind::Null:
      ok = readNull();
      break;
    case JsonKind::Invalid:
      return fail(pos_, "expected a value, found " + describeByte(text_, pos_));
    }
    if (!ok)
      return false;
    // Move to the next value inside the open containers, closing those that are done.
    bool more = false;
    while (!more && open_.size() > base_depth) {
      more = open_.back().object ? nextMember(scratch, key_offset) : nextElement();
      if (failed_)
        return false;
    }
    if (!more)
      return true;
  }
}

bool JsonReader::finish() {
  if (failed_)
    return false;
  skipWhitespace();
  if (pos_ != text_.size())
    return fail(pos_, "unexpected " + describeByte(text_, pos_) + " after the end of the value");
  return true;
}

TextPosition LineMap::at(std::size_t offset) {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n')
        line_starts_.push_back(i + 1);
  }
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin()); // 1-based
  std::size_t start = line_starts_[line - 1];
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) // count lead bytes only
      ++column;
  return {line, column};
}

} // namespace factline::facts
