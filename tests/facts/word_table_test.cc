// Tests for WordTable: ids in order of first appearance, lookups of every length (the inline
// comparison loads 8 or 4 bytes at a time), growth, and a table moved from used again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "facts/word_table.h"

using namespace factline::facts;

namespace {

// Words of every length from 1 to 40 that differ only in one byte: the last, the first, or one
// in the middle, so that each part of the comparison must tell them apart.
std::vector<std::string> lookalikes() {
  std::vector<std::string> words;
  for (std::size_t length = 1; length <= 40; ++length)
    for (std::size_t at : {std::size_t{0}, length / 2, length - 1})
      for (char c : {'a', 'b'}) {
        std::string w(length, 'x');
        w[at] = c;
        words.push_back(w);
      }
  return words;
}

} // namespace

TEST_CASE("a word table gives each word one id, in order of first appearance") {
  WordTable table;
  std::vector<std::string> words = lookalikes();
  std::vector<std::uint32_t> ids;
  for (const std::string &w : words)
    ids.push_back(table.intern(w));
  // Each distinct word got the next id; a repeat got its first id back.
  std::vector<std::string> distinct;
  for (std::size_t k = 0; k < words.size(); ++k) {
    auto first = std::find(words.begin(), words.end(), words[k]) - words.begin();
    if (first == static_cast<std::ptrdiff_t>(k)) {
      CHECK(ids[k] == distinct.size());
      distinct.push_back(words[k]);
    } else {
      CHECK(ids[k] == ids[static_cast<std::size_t>(first)]);
    }
  }
  REQUIRE(table.size() == distinct.size());
  for (std::uint32_t id = 0; id < table.size(); ++id) {
    CHECK(table.word(id) == distinct[id]);
    CHECK(table.find(distinct[id]) == id);
  }
  CHECK(table.find("") == WordTable::kMissing);
  CHECK(table.find("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") == WordTable::kMissing); // 41
  CHECK(table.find("c") == WordTable::kMissing);
}

TEST_CASE("words are compared byte for byte at every length") {
  // Lookups compare words only when their hashes agree, so the comparison is checked by itself.
  const std::vector<std::string> words = lookalikes();
  for (const std::string &a : words)
    for (const std::string &b : words)
      REQUIRE(WordTable::sameWord(a, b) == (a == b));
  CHECK(WordTable::sameWord("", ""));
  CHECK_FALSE(WordTable::sameWord("", "a"));
}

TEST_CASE("a word table grows and keeps every id") {
  WordTable table;
  for (int i = 0; i < 100000; ++i)
    REQUIRE(table.intern("w" + std::to_string(i)) == static_cast<std::uint32_t>(i));
  for (int i = 0; i < 100000; i += 7)
    REQUIRE(table.find("w" + std::to_string(i)) == static_cast<std::uint32_t>(i));
  CHECK(table.intern("w5") == 5);
}

TEST_CASE("a word table moved from is empty and may be used again") {
  WordTable table;
  table.intern("facebook");
  table.intern("data");
  WordTable moved = std::move(table);
  CHECK(moved.find("data") == 1);
  CHECK(table.size() == 0); // NOLINT: the point of the test
  CHECK(table.find("data") == WordTable::kMissing);
  CHECK(table.intern("users") == 0);
  CHECK(table.find("users") == 0);
  WordTable assigned;
  assigned.intern("x");
  assigned = std::move(moved);
  CHECK(assigned.find("facebook") == 0);
  CHECK(moved.intern("again") == 0);
}
