// QuoteChecker: compares one quotation and its attribution with the record, giving a Finding.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzers/attribution.h"
#include "analyzers/document.h"
#include "analyzers/finding.h"
#include "analyzers/index_lookups.h"
#include "analyzers/quote_extractor.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

class QuoteChecker {
public:
  // `lookups`, when given, remembers the index's lookups of this check for later ones.
  QuoteChecker(const Document &doc, const facts::FactIndex &facts, IndexLookups *lookups = nullptr)
      : doc_(doc), facts_(facts), lookups_(lookups) {}

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
  std::vector<facts::QuoteMatch> findVerbatim(const std::vector<facts::Token> &words) const;
  std::vector<facts::NearQuote> findNear(const std::vector<facts::Token> &words, std::size_t max,
                                         double min_score) const;
  // A record of `rec`'s speaker at one of `occasions` that holds `tokens`' words with exactly one
  // of them another, and a word kept that is not a function word ("big mistake" for "huge
  // mistake"): the wording and the words it has there.
  // Words the draft gives `person` that cannot be theirs: words addressing them, or a question
  // whose attribution has no verb of asking (`asking`).
  bool notTheirs(std::string_view text, const facts::Person &person, bool asking) const;
  // Do `tokens`, without the function words at either end ("arms race" of "an arms race"), stand
  // verbatim in a record of `speaker` at one of `occasions`?
  bool coreSaidAt(const std::vector<facts::Token> &tokens, const std::string &speaker,
                  const std::vector<std::string> &occasions) const;
  std::optional<std::pair<facts::Wording, std::string>>
  sameWordsButOne(const std::vector<facts::Token> &tokens, const facts::Quote &rec,
                  const std::vector<std::string> &occasions) const;

  const Document &doc_;
  const facts::FactIndex &facts_;
  IndexLookups *lookups_;
};

using facts::formatDate; // "2018-04-04" -> "4 April 2018"

} // namespace factline::analyzers
