// Tests IndexLookups, the quote checker's memory of the index's lookups: what it gives is what the
// index gives, for every input the lookups read (the words, their kinds, the bound and the score)
// and for the base they were made against.
#include <catch2/catch.hpp>

#include <sstream>

#include "analyzers/index_lookups.h"
#include "facts/loader.h"
#include "test_facts.h"

using factline::analyzers::IndexLookups;
namespace facts = factline::facts;

namespace {

std::string describe(const std::vector<facts::QuoteMatch> &found) {
  std::ostringstream out;
  for (const facts::QuoteMatch &m : found)
    out << m.wording.quote << '/' << m.wording.variant << ':' << m.first << '-' << m.last << ' ';
  return out.str();
}

std::string describe(const std::vector<facts::NearQuote> &found) {
  std::ostringstream out;
  for (const facts::NearQuote &n : found)
    out << n.wording.quote << '/' << n.wording.variant << ':' << n.score << ':' << n.first << '-'
        << n.last << ' ';
  return out.str();
}

const facts::FactIndex &bundled() {
  static facts::FactIndex index(std::make_shared<facts::FactBase>(facts::bundledFactBase()));
  return index;
}

} // namespace

TEST_CASE("remembered lookups are the index's, whatever they were asked before") {
  const facts::FactIndex &index = bundled();
  IndexLookups lookups;
  const std::vector<std::string> drafts = {
      "We didn't take a broad enough view of our responsibility, and that was a big mistake.",
      "We did not take a broad enough view of our responsibility, and it was a huge mistake.",
      "It was my mistake, and I'm sorry.",
      "It was [my] mistake, and I'm sorry.", // the same words, one of them editorial
      "It was ... mistake, and I'm sorry.",
      "nothing anybody ever said on the record at all",
  };
  for (int round = 0; round < 2; ++round) // the second round is answered from memory
    for (const std::string &draft : drafts) {
      const auto words = facts::tokenize(draft);
      INFO(draft << " (round " << round << ")");
      CHECK(describe(lookups.findVerbatim(index, words)) == describe(index.findVerbatim(words)));
      for (std::size_t max : {1u, 3u, 8u})
        for (double score : {0.5, 0.9})
          CHECK(describe(lookups.findNear(index, words, max, score)) ==
                describe(index.findNear(words, max, score)));
    }
  lookups.endCheck();
}

TEST_CASE("remembered lookups are for the base they were made against") {
  auto small = factline::tests::smallFactIndex();
  IndexLookups lookups;
  const auto words = facts::tokenize("It was my mistake, and I'm sorry.");
  const std::string in_bundled = describe(lookups.findVerbatim(bundled(), words));
  REQUIRE_FALSE(in_bundled.empty());
  CHECK(describe(lookups.findVerbatim(*small, words)) == describe(small->findVerbatim(words)));
  CHECK(describe(lookups.findVerbatim(bundled(), words)) == in_bundled);
}

TEST_CASE("remembered names are the index's people, in its order, for its base") {
  auto small = factline::tests::smallFactIndex();
  IndexLookups lookups;
  auto ids = [](const std::vector<const facts::Person *> &people) {
    std::vector<std::string> out;
    for (const facts::Person *p : people)
      out.push_back(p->id);
    return out;
  };
  const std::vector<std::string> phrases = {"Zuckerberg",  "Mr Zuckerberg",    "Mark Zuckerberg's",
                                            "the senator", "Senator Grassley", "Facebook",
                                            "Sandberg",    "nobody at all",    ""};
  for (int round = 0; round < 2; ++round)
    for (const facts::FactIndex *index :
         {&bundled(), static_cast<const facts::FactIndex *>(small.get()), &bundled()})
      for (const std::string &phrase : phrases) {
        INFO(phrase << " (round " << round << ")");
        CHECK(ids(lookups.people(*index, phrase)) == index->resolvePerson(phrase));
        CHECK(ids(IndexLookups::peopleNow(*index, phrase)) == index->resolvePerson(phrase));
      }
  CHECK_FALSE(lookups.people(bundled(), "Zuckerberg").empty());
}
