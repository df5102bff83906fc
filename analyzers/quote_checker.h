// QuoteChecker: compares one quotation and its attribution with the record, giving a Finding.
#pragma once
#include <optional>
#include <vector>

#include "analyzers/attribution.h"
#include "analyzers/document.h"
#include "analyzers/finding.h"
#include "analyzers/quote_extractor.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

class QuoteChecker {
public:
  QuoteChecker(const Document &doc, const facts::FactIndex &facts) : doc_(doc), facts_(facts) {}

  // Verified, altered, misattributed, said at another occasion, or unverified (a known speaker,
  // words not on record). Empty when there is nothing to say: no words, or words nobody on record
  // said given to nobody, or to someone the fact base does not know.
  std::optional<Finding> check(const Quotation &q, const Attribution &a) const;

  // A quotation of two or more sentences checked sentence by sentence, when that explains it
  // better than `whole` (its finding as one): every sentence on record, verbatim or altered, with
  // fewer words differing in all than in `whole`. One finding per sentence; empty otherwise, and
  // then `whole` stands. Sentences of two paragraphs of one speech are two records.
  std::vector<Finding> bySentence(const Quotation &q, const Attribution &a,
                                  const Finding &whole) const;

  // The finding for a quotation with no closing mark.
  Finding unterminated(const Quotation &q) const;

private:
  const Document &doc_;
  const facts::FactIndex &facts_;
};

using facts::formatDate; // "2018-04-04" -> "4 April 2018"

} // namespace factline::analyzers
