// IndexLookups: the fact index's lookups of quotations' words, remembered across checks.
#pragma once
#include <cstddef>
#include <vector>

#include "analyzers/memo_table.h"
#include "facts/fact_index.h"
#include "facts/normalize.h"

namespace factline::analyzers {

// The index's lookups of quotations' words, remembered across checks: a keystroke beside a
// quotation (in its attribution clause, or the paragraph it ends) checks it again, but its words
// have not changed, and their lookups (verbatim, sentence by sentence, and near, with the
// word-by-word alignment of the candidates) are most of what checking it costs: against a
// million-quote base, tens of milliseconds a keystroke.
class IndexLookups {
public:
  std::vector<facts::QuoteMatch> findVerbatim(const facts::FactIndex &facts,
                                              const std::vector<facts::Token> &words);
  std::vector<facts::NearQuote> findNear(const facts::FactIndex &facts,
                                         const std::vector<facts::Token> &words, std::size_t max,
                                         double min_score);
  // Through `lookups` when there is one, else straight from the index.
  static std::vector<facts::QuoteMatch> verbatim(IndexLookups *lookups,
                                                 const facts::FactIndex &facts,
                                                 const std::vector<facts::Token> &words) {
    return lookups ? lookups->findVerbatim(facts, words) : facts.findVerbatim(words);
  }
  void endCheck() {
    verbatim_.endCheck();
    near_.endCheck();
  }

private:
  MemoTable<std::vector<facts::QuoteMatch>> verbatim_;
  MemoTable<std::vector<facts::NearQuote>> near_;
};

} // namespace factline::analyzers
