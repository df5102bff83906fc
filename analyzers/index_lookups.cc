// IndexLookups: the index's verbatim and near lookups, kept under the words they looked up.
#include "analyzers/index_lookups.h"

#include "analyzers/finding_memo.h"

namespace factline::analyzers {
namespace {

// Everything a lookup reads of the words: each one's folded form and kind.
std::string lookupKey(const std::vector<facts::Token> &words) {
  std::string key;
  for (const facts::Token &t : words) {
    key.append(t.norm);
    key.push_back('\0');
    key.push_back(static_cast<char>('0' + static_cast<int>(t.kind)));
  }
  return key;
}

// The value under `key` for the index's base, or what `lookUp` gives, kept under it.
template <typename Value, typename LookUp>
Value remembered(MemoTable<Value> &table, const facts::FactIndex &facts, std::string key,
                 LookUp lookUp) {
  Value found;
  if (table.find(&facts.base(), key, found))
    return found;
  found = lookUp();
  table.store(facts.sharedBase(), std::move(key), found);
  return found;
}

} // namespace

std::vector<facts::QuoteMatch> IndexLookups::findVerbatim(const facts::FactIndex &facts,
                                                          const std::vector<facts::Token> &words) {
  return remembered(verbatim_, facts, lookupKey(words), [&] { return facts.findVerbatim(words); });
}

std::vector<facts::NearQuote> IndexLookups::findNear(const facts::FactIndex &facts,
                                                     const std::vector<facts::Token> &words,
                                                     std::size_t max, double min_score) {
  std::string key = lookupKey(words); // and the bound and the score
  FindingMemo::append(key, max);
  key.append(reinterpret_cast<const char *>(&min_score), sizeof min_score);
  return remembered(near_, facts, std::move(key),
                    [&] { return facts.findNear(words, max, min_score); });
}

std::vector<const facts::Person *> IndexLookups::peopleNow(const facts::FactIndex &facts,
                                                           std::string_view phrase) {
  std::vector<const facts::Person *> out;
  for (const std::string &id : facts.resolvePerson(phrase))
    if (const facts::Person *p = facts.base().person(id))
      out.push_back(p);
  return out;
}

IndexLookups::Occasions IndexLookups::occasions(const facts::FactIndex &facts,
                                                std::string_view text,
                                                const std::function<Occasions()> &lookUp) {
  return remembered(occasions_, facts, std::string(text), lookUp);
}

std::vector<const facts::Person *> IndexLookups::people(const facts::FactIndex &facts,
                                                        std::string_view phrase) {
  // The base the memo holds keeps the people pointed to alive.
  return remembered(people_, facts, std::string(phrase), [&] { return peopleNow(facts, phrase); });
}

} // namespace factline::analyzers
