// Tests findByte, the 16-bytes-a-step scan the Document and the quotation scanner find marks with,
// against a byte-at-a-time search: every start, every length around the 16-byte steps.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "analyzers/byte_scan.h"

using factline::analyzers::findByte;

namespace {

std::size_t naive(std::string_view s, std::size_t from, std::string_view bytes, bool high) {
  for (std::size_t i = from; i < s.size(); ++i)
    if ((high && static_cast<unsigned char>(s[i]) >= 0x80) || bytes.find(s[i]) != bytes.npos)
      return i;
  return s.size();
}

} // namespace

TEST_CASE("findByte finds what a byte-at-a-time search finds") {
  std::mt19937 rng(7);
  // Mostly plain letters, with the bytes looked for, other punctuation and UTF-8 lead and
  // continuation bytes spread thin, as in prose.
  const std::string alphabet = std::string(40, 'a') + " .!?\"'\xE2\x80\x9C\xC2\xAB,";
  for (int round = 0; round < 3000; ++round) {
    const std::size_t len = rng() % 70;
    std::string s;
    for (std::size_t k = 0; k < len; ++k)
      s += alphabet[rng() % alphabet.size()];
    for (std::size_t from = 0; from <= s.size(); ++from) {
      INFO("'" << s << "' from " << from);
      REQUIRE(findByte<false, '.', '!', '?', 0xE2>(s, from) == naive(s, from, ".!?\xE2", false));
      REQUIRE(findByte<true, '"', '\''>(s, from) == naive(s, from, "\"'", true));
    }
  }
  CHECK(findByte<false, '.'>("", 0) == 0);
  CHECK(findByte<false, '.'>(std::string(100, 'a'), 3) == 100);
  CHECK(findByte<true>(std::string(33, 'a') + "\xC3\xA9", 0) == 33);
}
