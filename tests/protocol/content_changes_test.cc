// Incremental sync: changes applied in order, clamped, and checked against a reference over
// thousands of random edits with multi-byte characters in every encoding.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "protocol/content_changes.h"
#include "protocol/line_index.h"

using namespace factline::protocol;

namespace {

TextDocumentContentChangeEvent edit(Position a, Position b, std::string text) {
  return {Range{a, b}, std::move(text)};
}

// The text as code points, which a reference edit can index directly.
std::u32string decode(const std::string &s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}

std::size_t unitsOf(char32_t cp, PositionEncoding enc) {
  if (enc == PositionEncoding::Utf32)
    return 1;
  if (enc == PositionEncoding::Utf16)
    return cp >= 0x10000 ? 2 : 1;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Position of code point index `cp_index` in `text`, lines split at '\n' only.
Position positionOf(const std::u32string &text, std::size_t cp_index, PositionEncoding enc) {
  Position p;
  for (std::size_t i = 0; i < cp_index; ++i) {
    if (text[i] == U'\n') {
      ++p.line;
      p.character = 0;
    } else {
      p.character += unitsOf(text[i], enc);
    }
  }
  return p;
}

} // namespace

TEST_CASE("several changes in one notification apply in order", "[sync]") {
  std::string text = "Zuckerberg said \xE2\x80\x9Chuge mistake\xE2\x80\x9D.\nSecond line.";
  // Each change is read against the text the previous one left.
  applyContentChanges(text,
                      {edit({0, 0}, {0, 0}, "Mark "), // "Mark Zuckerberg said “huge..."
                       edit({0, 22}, {0, 26}, "big"), // utf-16: “ is one unit
                       edit({1, 0}, {1, 6}, "Next")},
                      PositionEncoding::Utf16);
  CHECK(text == "Mark Zuckerberg said \xE2\x80\x9C"
                "big mistake\xE2\x80\x9D.\nNext line.");
}

TEST_CASE("a full-text change replaces everything - and later changes apply to it", "[sync]") {
  std::string text = "old";
  applyContentChanges(text, {{std::nullopt, "new text"}, edit({0, 3}, {0, 3}, "er")},
                      PositionEncoding::Utf16);
  CHECK(text == "newer text");
}

TEST_CASE("edits after an emoji count it by the negotiated encoding", "[sync]") {
  const std::string base = "\xF0\x9F\x98\x80 caf\xC3\xA9!";
  std::string a = base, b = base, c = base;
  applyContentChanges(a, {edit({0, 6}, {0, 7}, "e")}, PositionEncoding::Utf16); // é
  applyContentChanges(b, {edit({0, 5}, {0, 6}, "e")}, PositionEncoding::Utf32);
  applyContentChanges(c, {edit({0, 8}, {0, 10}, "e")}, PositionEncoding::Utf8);
  CHECK(a == "\xF0\x9F\x98\x80 cafe!");
  CHECK(b == a);
  CHECK(c == a);
}

TEST_CASE("ranges past the end are clamped - reversed ranges are read forwards", "[sync]") {
  std::string text = "one\ntwo";
  applyContentChanges(text, {edit({0, 99}, {0, 99}, "!")}, PositionEncoding::Utf16);
  CHECK(text == "one!\ntwo");
  applyContentChanges(text, {edit({7, 0}, {9, 9}, " end")}, PositionEncoding::Utf16);
  CHECK(text == "one!\ntwo end");
  applyContentChanges(text, {edit({1, 3}, {0, 3}, "")}, PositionEncoding::Utf16);
  CHECK(text == "one end");
}

TEST_CASE("thousands of random edits match a reference in every encoding", "[sync]") {
  const std::u32string alphabet = U"ab \n\u00E9\u201C\u201D\u2019\U0001F600\U0001F44D";
  for (auto enc : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    CAPTURE(encodingName(enc));
    std::mt19937 rng(7 + static_cast<int>(enc));
    std::u32string reference = U"start\n";
    std::string text = "start\n";
    for (int step = 0; step < 3000; ++step) {
      std::size_t a = rng() % (reference.size() + 1), b = rng() % (reference.size() + 1);
      if (a > b)
        std::swap(a, b);
      if (rng() % 3 == 0)
        b = a; // pure insertions too
      std::u32string insert;
      for (std::size_t n = rng() % 4; n > 0; --n)
        insert += alphabet[rng() % alphabet.size()];
      std::string insert_utf8;
      for (char32_t cp : insert) {
        if (cp < 0x80) {
          insert_utf8 += static_cast<char>(cp);
        } else if (cp < 0x800) {
          insert_utf8 += static_cast<char>(0xC0 | (cp >> 6));
          insert_utf8 += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
          insert_utf8 += static_cast<char>(0xE0 | (cp >> 12));
          insert_utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          insert_utf8 += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          insert_utf8 += static_cast<char>(0xF0 | (cp >> 18));
          insert_utf8 += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
          insert_utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          insert_utf8 += static_cast<char>(0x80 | (cp & 0x3F));
        }
      }
      auto change = edit(positionOf(reference, a, enc), positionOf(reference, b, enc), insert_utf8);
      reference.replace(a, b - a, insert);
      applyContentChanges(text, {change}, enc);
      if (decode(text) != reference) {
        CAPTURE(step);
        FAIL("text diverged from the reference");
      }
    }
    CHECK(decode(text) == reference); // one assertion per encoding, also when all went well
  }
}
