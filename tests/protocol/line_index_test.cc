// LineIndex: offsets <-> positions in utf-8, utf-16 and utf-32 with emoji, curly quotes, accents.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "protocol/line_index.h"

using namespace factline::protocol;

namespace {

constexpr auto U8 = PositionEncoding::Utf8;
constexpr auto U16 = PositionEncoding::Utf16;
constexpr auto U32 = PositionEncoding::Utf32;

// Line 0: “Hi” 😀 café      Line 1: José said ‘no’ (ends in \r\n)      Line 2: end
const std::string kText = "\xE2\x80\x9CHi\xE2\x80\x9D \xF0\x9F\x98\x80 caf\xC3\xA9\n"
                          "Jos\xC3\xA9 said \xE2\x80\x98no\xE2\x80\x99\r\nend";

// A second, simple implementation to check against: decodes (valid) UTF-8 to code points and
// counts units from the start of the line, lines split at '\n' only.
Position referencePosition(const std::string &text, std::size_t offset, PositionEncoding enc) {
  Position p;
  for (std::size_t i = 0; i < offset;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c == '\n') {
      ++p.line;
      p.character = 0;
    } else {
      p.character += enc == U8 ? len : enc == U16 ? (len == 4 ? 2 : 1) : 1;
    }
    i += len;
  }
  return p;
}

std::vector<std::size_t> boundaries(const std::string &text) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      out.push_back(i);
  return out;
}

} // namespace

TEST_CASE("offsets become positions in each encoding", "[positions]") {
  LineIndex index(kText);
  REQUIRE(index.lineCount() == 3);
  // 'c' of café: after a curly-quoted word and an emoji (a surrogate pair in UTF-16).
  CHECK(index.toPosition(14, U8) == Position{0, 14});
  CHECK(index.toPosition(14, U16) == Position{0, 8});
  CHECK(index.toPosition(14, U32) == Position{0, 7});
  // The end of line 0, after the accented é.
  CHECK(index.toPosition(19, U8) == Position{0, 19});
  CHECK(index.toPosition(19, U16) == Position{0, 12});
  CHECK(index.toPosition(19, U32) == Position{0, 11});
  // 'n' inside the single curly quotes on line 1.
  CHECK(index.toPosition(34, U8) == Position{1, 14});
  CHECK(index.toPosition(34, U16) == Position{1, 11});
  CHECK(index.toPosition(34, U32) == Position{1, 11});
  CHECK(index.toPosition(41, U16) == Position{2, 0});
}

TEST_CASE("positions become offsets in each encoding", "[positions]") {
  LineIndex index(kText);
  CHECK(index.toOffset({0, 14}, U8) == 14);
  CHECK(index.toOffset({0, 8}, U16) == 14);
  CHECK(index.toOffset({0, 7}, U32) == 14);
  CHECK(index.toOffset({0, 5}, U16) == 9);  // the emoji's start
  CHECK(index.toOffset({0, 7}, U16) == 13); // just after the emoji
  CHECK(index.toOffset({0, 6}, U32) == 13);
  CHECK(index.toOffset({1, 11}, U16) == 34);
  CHECK(index.toOffset({2, 3}, U16) == 44);
}

TEST_CASE("a position inside a character means its start", "[positions]") {
  LineIndex index(kText);
  CHECK(index.toOffset({0, 6}, U16) == 9);  // between the two halves of the surrogate pair
  CHECK(index.toOffset({0, 10}, U8) == 9);  // inside the emoji's four bytes
  CHECK(index.toOffset({0, 18}, U8) == 17); // inside é
  CHECK(index.toPosition(10, U16) == Position{0, 5});
  CHECK(index.toPosition(18, U32) == Position{0, 10});
}

TEST_CASE("out-of-range positions are clamped as the spec says", "[positions]") {
  LineIndex index(kText);
  CHECK(index.toOffset({0, 1000}, U16) == 19); // line 0's end, before its '\n'
  CHECK(index.toOffset({1, 1000}, U16) == 39); // line 1's end, before its '\r\n'
  CHECK(index.toOffset({1, 1000}, U8) == 39);
  CHECK(index.toOffset({2, 1000}, U32) == 44);
  CHECK(index.toOffset({3, 0}, U16) == 44); // a line past the last: the end of the text
  CHECK(index.toOffset({4000000000u, 4000000000u}, U16) == 44);
  CHECK(index.toPosition(1000, U16) == Position{2, 3});
  CHECK(index.toPosition(40, U16) == Position{1, 14}); // inside "\r\n": the line's end
}

TEST_CASE("lines end at LF or CRLF or a lone CR", "[positions]") {
  std::string text = "a\rb\r\nc\nd";
  LineIndex index(text);
  REQUIRE(index.lineCount() == 4);
  CHECK(index.toOffset({1, 0}, U16) == 2);
  CHECK(index.toOffset({2, 0}, U16) == 5);
  CHECK(index.toOffset({3, 0}, U16) == 7);
  CHECK(index.toPosition(3, U16) == Position{1, 1});
  CHECK(offsetOf(text, {1, 0}, U16) == 2);
  CHECK(offsetOf(text, {2, 0}, U16) == 5);
  CHECK(offsetOf(text, {3, 9}, U16) == 8);
  CHECK(offsetOf(text, {1, 9}, U16) == 3);
  CHECK(offsetOf(text, {9, 0}, U16) == 8);
}

TEST_CASE("bytes that are not UTF-8 count as one unit and are never read past", "[positions]") {
  std::string text = "a\xFF\xE2\x80z\xF0";
  LineIndex index(text);
  CHECK(index.toPosition(text.size(), U16) == Position{0, 6});
  CHECK(index.toOffset({0, 2}, U16) == 2);
  CHECK(index.toOffset({0, 99}, U32) == text.size());
}

TEST_CASE("every character boundary of a long mixed line round-trips", "[positions]") {
  // One line of more than 100 KB, so conversions go through the index's checkpoints.
  std::string text = "intro\n";
  std::mt19937 rng(42);
  const char *pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", " ", "\xE2\x80\x99"};
  while (text.size() < 120000)
    text += pieces[rng() % 6];
  text += "\nlast \xF0\x9F\x91\x8D line";
  LineIndex index(text);
  auto offsets = boundaries(text);
  for (auto enc : {U8, U16, U32}) {
    // The reference walks forward once, from one sampled boundary to the next.
    Position expected;
    std::size_t walked = 0;
    for (std::size_t k = 0; k < offsets.size(); k += 7) {
      std::size_t offset = offsets[k];
      Position step = referencePosition(text.substr(walked, offset - walked), offset - walked, enc);
      expected = step.line > 0 ? Position{expected.line + step.line, step.character}
                               : Position{expected.line, expected.character + step.character};
      walked = offset;
      Position got = index.toPosition(offset, enc);
      if (got != expected || index.toOffset(got, enc) != offset) {
        CAPTURE(offset, encodingName(enc), expected.line, expected.character, got.line,
                got.character);
        FAIL("round trip failed");
      }
      if (k % 301 == 0)
        CHECK(offsetOf(text, got, enc) == offset);
    }
  }
}
