// Fuzz target: incremental edits with positions in each encoding, on text that need not be valid
// UTF-8. Every conversion (LineIndex both ways, offsetOf, applyContentChanges) is compared with a
// slow reference written here from the spec, independently of protocol/line_index.cc.
#include <cstdint>
#include <string>
#include <vector>

#include "protocol/content_changes.h"
#include "protocol/line_index.h"
#include "tests/fuzz/fuzz_check.h"

using namespace factline::protocol;

namespace {

// One character of the reference: a well-formed UTF-8 sequence, a line terminator ("\n", "\r\n",
// "\r"), or one byte that is neither (one unit in every encoding).
struct Char {
  std::size_t offset, length;
  std::uint32_t utf16, utf32;
  bool terminator;
};

bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed sequence at text[i] (Unicode Table 3-7), 0 if there is none.
std::size_t wellFormed(std::string_view t, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(t[i + k]); };
  std::size_t left = t.size() - i;
  unsigned char c = at(0);
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return left >= 2 && cont(at(1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3)
      return 0;
    unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return at(1) >= lo && at(1) <= hi && cont(at(2)) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4)
      return 0;
    unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return at(1) >= lo && at(1) <= hi && cont(at(2)) && cont(at(3)) ? 4 : 0;
  }
  return 0;
}

std::vector<Char> characters(std::string_view t) {
  std::vector<Char> out;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n') {
      out.push_back({i, 2, 1, 1, true});
      i += 2;
      continue;
    }
    if (t[i] == '\n' || t[i] == '\r') {
      out.push_back({i, 1, 1, 1, true});
      ++i;
      continue;
    }
    std::size_t n = wellFormed(t, i);
    if (n == 0)
      out.push_back({i, 1, 1, 1, false});
    else
      out.push_back({i, n, n == 4 ? 2u : 1u, 1, false});
    i += n == 0 ? 1 : n;
  }
  return out;
}

std::uint32_t units(const Char &c, PositionEncoding e) {
  return e == PositionEncoding::Utf8    ? static_cast<std::uint32_t>(c.length)
         : e == PositionEncoding::Utf16 ? c.utf16
                                        : c.utf32;
}

std::size_t refOffset(std::string_view t, const std::vector<Char> &chars, Position p,
                      PositionEncoding e) {
  std::uint32_t line = 0;
  std::size_t k = 0;
  while (line < p.line) {
    while (k < chars.size() && !chars[k].terminator)
      ++k;
    if (k == chars.size())
      return t.size(); // a line past the last
    ++k;
    ++line;
  }
  std::uint64_t counted = 0;
  for (; k < chars.size() && !chars[k].terminator; ++k) {
    if (counted + units(chars[k], e) > p.character)
      return chars[k].offset;
    counted += units(chars[k], e);
  }
  return k < chars.size() ? chars[k].offset : t.size();
}

Position refPosition(const std::vector<Char> &chars, std::size_t offset, PositionEncoding e) {
  Position p;
  for (const Char &c : chars) {
    if (c.offset + c.length > offset)
      break;
    if (c.terminator) {
      ++p.line;
      p.character = 0;
    } else {
      p.character += units(c, e);
    }
  }
  return p;
}

Position readPosition(factline::fuzz::ByteReader &in) {
  std::uint8_t l = in.byte(), c = in.byte();
  Position p;
  p.line = l & 0x80 ? in.u16() : l % 8;
  p.character = c & 0x80 ? (c & 0x40 ? 0xFFFFFFFFu : in.u16()) : c % 64;
  return p;
}

void checkConversions(const std::string &text, PositionEncoding e,
                      factline::fuzz::ByteReader &probes) {
  LineIndex index(text);
  const std::vector<Char> chars = characters(text);
  std::size_t lines = 1;
  for (const Char &c : chars)
    lines += c.terminator;
  FUZZ_CHECK(index.lineCount() == lines);
  // Every offset of a small text; a sample of a large one.
  std::size_t step = text.size() <= 512 ? 1 : text.size() / 97 + 1;
  for (std::size_t o = 0; o <= text.size() + 1; o += step) {
    Position p = index.toPosition(o, e);
    FUZZ_CHECK(p == refPosition(chars, o, e));
    std::size_t back = index.toOffset(p, e);
    FUZZ_CHECK(back <= std::max(o, text.size()) && back == refOffset(text, chars, p, e));
  }
  for (int n = 0; n < 8; ++n) {
    Position p = readPosition(probes);
    std::size_t want = refOffset(text, chars, p, e);
    FUZZ_CHECK(index.toOffset(p, e) == want);
    FUZZ_CHECK(offsetOf(text, p, e) == want);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  factline::fuzz::ByteReader in(data, size);
  const PositionEncoding e = static_cast<PositionEncoding>(in.byte() % 3);
  std::string text(in.until('\xFF'));
  // Long enough for the index's checkpoints, short enough for the slow reference.
  for (int step = 0; step < 64 && !in.empty() && text.size() < (1u << 17); ++step) {
    std::uint8_t kind = in.byte();
    TextDocumentContentChangeEvent change;
    std::string expected;
    if (kind % 8 == 0) {
      change.text = std::string(in.until('\xFF'));
      expected = change.text;
    } else {
      Position a = readPosition(in), b = readPosition(in);
      change.range = Range{a, b};
      std::string insert(in.until('\xFF'));
      if (kind % 8 == 1) // long lines, which the index checkpoints
        for (std::size_t n = in.byte() * 16u; n > 0 && change.text.size() < (1u << 16); --n)
          change.text += insert.empty() ? "x" : insert;
      else
        change.text = insert;
      const std::vector<Char> chars = characters(text);
      std::size_t begin = refOffset(text, chars, a, e), end = refOffset(text, chars, b, e);
      if (end < begin)
        std::swap(begin, end);
      expected = text.substr(0, begin) + change.text + text.substr(end);
    }
    applyContentChanges(text, {change}, e);
    FUZZ_CHECK(text == expected);
    checkConversions(text, e, in);
  }
  return 0;
}
