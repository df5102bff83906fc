// QuoteAnalyzer: extracts the quotations, attributes them in order, and checks each against the
// record. One Finding per checked quotation, so that even a correct quote has a hover.
#include "analyzers/quote_analyzer.h"

#include "analyzers/attribution.h"
#include "analyzers/quote_checker.h"
#include "analyzers/quote_extractor.h"
#include "analyzers/quote_memo.h"

#include <iterator>

namespace factline::analyzers {
namespace {

class QuoteAnalyzer final : public Analyzer {
public:
  std::string_view name() const override { return "quotes"; }

  std::vector<Finding> analyze(const Document &doc, const facts::FactIndex &facts,
                               const CancelToken &cancel) const override {
    std::vector<Finding> out;
    const std::vector<Quotation> quotes = extractQuotations(doc);
    AttributionFinder attribution(doc, facts, quotes, &lookups_);
    QuoteChecker checker(doc, facts, &lookups_);
    std::vector<Finding> found;
    for (std::size_t k = 0; k < quotes.size(); ++k) {
      if (cancel.cancelled())
        break;
      const Quotation &q = quotes[k];
      // A quotation inside another is the speaker quoting someone: part of the outer quote.
      if (q.depth > 0) {
        if (!q.terminated)
          out.push_back(checker.unterminated(q));
        continue;
      }
      // An unterminated quotation is still checked, its words ending with the paragraph: a
      // missing mark is a slip of typing, and the words may be wrong all the same.
      if (!q.terminated)
        out.push_back(checker.unterminated(q));
      // Attribution reads what came before, so it is found for every quotation in turn; the
      // check against the record is what the memo saves.
      Attribution a = attribution.attribute(k);
      std::string key = QuoteMemo::key(doc, q, a);
      const std::size_t at = QuoteMemo::extent(q).begin;
      if (memo_.find(&facts.base(), key, at, out))
        continue;
      found.clear();
      check(doc, checker, q, a, found);
      memo_.store(facts.sharedBase(), std::move(key), at, found);
      for (Finding &f : found)
        out.push_back(std::move(f));
    }
    if (!cancel.cancelled()) { // nothing of a check cut short counts as recently met
      memo_.endCheck();
      lookups_.endCheck();
    }
    return out;
  }

private:
  static void check(const Document &doc, const QuoteChecker &checker, const Quotation &q,
                    const Attribution &a, std::vector<Finding> &out) {
    std::optional<Finding> f = checker.check(q, a);
    if (q.multi_paragraph && (!f || f->status != Status::Verified)) {
      // The record may hold each paragraph as a quote of its own: check them one by one.
      for (const Quotation &part : splitParagraphs(doc, q))
        if (auto pf = checker.check(part, a))
          out.push_back(std::move(*pf));
      return;
    }
    if (f && (f->status == Status::Altered || f->status == Status::Unverified)) {
      std::vector<Finding> parts = checker.bySentence(q, a, *f);
      if (!parts.empty()) { // two recorded passages quoted together, one of them altered
        std::move(parts.begin(), parts.end(), std::back_inserter(out));
        return;
      }
    }
    if (f)
      out.push_back(std::move(*f));
  }

  mutable QuoteMemo memo_;
  mutable IndexLookups lookups_;
};

} // namespace

std::unique_ptr<Analyzer> makeQuoteAnalyzer() { return std::make_unique<QuoteAnalyzer>(); }

} // namespace factline::analyzers
