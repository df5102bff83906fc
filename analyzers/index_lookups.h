// IndexLookups: the fact index's lookups of quotations' words and speakers' names, remembered
// across checks.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/memo_table.h"
#include "facts/fact_index.h"
#include "facts/normalize.h"

namespace factline::analyzers {

// The index's lookups of quotations' words, remembered across checks: a keystroke beside a
// quotation (in its attribution clause, or the paragraph it ends) checks it again, but its words
// have not changed, and their lookups (verbatim, sentence by sentence, and near, with the
// word-by-word alignment of the candidates) are most of what checking it costs: against a
// million-quote base, tens of milliseconds a keystroke. And every check attributes every quotation
// again, looking up each run of words of its clauses as a name (FactIndex::resolvePerson, which
// folds the words again each time): the people each phrase names are kept too.
class IndexLookups {
public:
  std::vector<facts::QuoteMatch> findVerbatim(const facts::FactIndex &facts,
                                              const std::vector<facts::Token> &words);
  std::vector<facts::NearQuote> findNear(const facts::FactIndex &facts,
                                         const std::vector<facts::Token> &words, std::size_t max,
                                         double min_score);
  // The people `phrase` names (FactIndex::resolvePerson's ids, in its order), none when unknown.
  std::vector<const facts::Person *> people(const facts::FactIndex &facts, std::string_view phrase);
  static std::vector<const facts::Person *> peopleNow(const facts::FactIndex &facts,
                                                      std::string_view phrase);
  // The events a stretch of prose names (all of them, and those named by two words or more), as
  // `lookUp` reads them from `text`: every check reads the draft's setting again, and its
  // paragraphs have mostly not changed.
  using Occasions = std::pair<std::vector<std::string>, std::vector<std::string>>;
  Occasions occasions(const facts::FactIndex &facts, std::string_view text,
                      const std::function<Occasions()> &lookUp);

  // Through `lookups` when there is one, else straight from the index.
  static std::vector<facts::QuoteMatch> verbatim(IndexLookups *lookups,
                                                 const facts::FactIndex &facts,
                                                 const std::vector<facts::Token> &words) {
    return lookups ? lookups->findVerbatim(facts, words) : facts.findVerbatim(words);
  }
  void endCheck() {
    verbatim_.endCheck();
    near_.endCheck();
    people_.endCheck();
    occasions_.endCheck();
  }

private:
  MemoTable<std::vector<facts::QuoteMatch>> verbatim_;
  MemoTable<std::vector<facts::NearQuote>> near_;
  MemoTable<std::vector<const facts::Person *>> people_;
  MemoTable<Occasions> occasions_;
};

} // namespace factline::analyzers
