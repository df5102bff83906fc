// Tests FactBase::merge and its id tables against a plain reference merge, on random bases with
// overrides and repeated ids, small into big and big into small.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "facts/fact_base.h"
#include "test_text.h"

using namespace factline::facts;
using factline::testing::kept;

namespace {

// The documented merge: `into`'s entries first, each replaced by the last entry of `from` with its
// id; then `from`'s other ids in order of first appearance, each holding its last entry.
std::vector<Quote> referenceMerge(std::vector<Quote> into, const std::vector<Quote> &from) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < into.size(); ++i)
    at.emplace(into[i].id, i);
  for (const Quote &q : from) {
    auto [it, inserted] = at.try_emplace(q.id.str(), into.size());
    if (inserted)
      into.push_back(q);
    else
      into[it->second] = q;
  }
  return into;
}

std::vector<Quote> randomQuotes(std::mt19937 &rng, std::size_t n, int ids, const char *tag) {
  std::vector<Quote> out;
  for (std::size_t i = 0; i < n; ++i) {
    Quote q;
    q.id = kept("q-" + std::to_string(rng() % ids));
    q.text = kept(std::string(tag) + std::to_string(i));
    out.push_back(q);
  }
  return out;
}

std::vector<std::string> describe(const std::vector<Quote> &quotes) {
  std::vector<std::string> out;
  for (const Quote &q : quotes)
    out.push_back(q.id + "=" + q.text);
  return out;
}

} // namespace

TEST_CASE("merge gives the reference result, whichever side is bigger") {
  std::mt19937 rng(8);
  for (int round = 0; round < 300; ++round) {
    const std::size_t small = rng() % 8, big = rng() % 300;
    const int ids = 1 + static_cast<int>(rng() % 400);
    const bool big_first = round % 2 == 0;
    auto first = randomQuotes(rng, big_first ? big : small, ids, "a");
    auto second = randomQuotes(rng, big_first ? small : big, ids, "b");

    FactBase a;
    a.quotes = first;
    a.reindex();
    // `into` itself may repeat an id: reindex keeps the last; merging replaces that one.
    std::map<std::string, std::size_t> last;
    for (std::size_t i = 0; i < first.size(); ++i)
      last[first[i].id.str()] = i;
    FactBase b;
    b.quotes = second;
    b.quotes.reserve(second.size() + first.size()); // room to take the smaller in front
    a.merge(std::move(b));

    std::vector<Quote> expected = first;
    for (const Quote &q : second) {
      auto it = last.find(q.id.str());
      if (it != last.end()) {
        expected[it->second] = q;
        continue;
      }
      expected = referenceMerge(expected, {q});
      last[q.id.str()] = expected.size() - 1;
    }
    INFO("round " << round);
    REQUIRE(describe(a.quotes) == describe(expected));
    for (const auto &[id, index] : last) {
      REQUIRE(a.quote(id) != nullptr);
      CHECK(a.quote(id)->text == expected[index].text);
    }
    CHECK(a.quote("q-none") == nullptr);
  }
}

TEST_CASE("id lookups hold across growth for many ids") {
  FactBase base;
  for (int i = 0; i < 50000; ++i) {
    Figure f;
    f.id = kept("f-" + std::to_string(i));
    f.value = i;
    base.figures.push_back(f);
  }
  base.figures.push_back(base.figures[123]); // a repeated id: the last entry wins
  base.figures.back().value = -1;
  base.reindex();
  for (int i = 0; i < 50000; i += 97)
    REQUIRE(base.figure("f-" + std::to_string(i))->value == i);
  CHECK(base.figure("f-123")->value == -1);
  CHECK(base.figure("f-50000") == nullptr);
  CHECK(base.figure("") == nullptr);
}
