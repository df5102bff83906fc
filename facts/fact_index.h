// FactIndex: the questions the analyzers ask of a fact base, answered without scanning it.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "facts/fact_base.h"
#include "facts/normalize.h"

namespace factline::facts {

class QuoteIndex;

// Identifies one recorded wording: a quote's main text (variant == -1) or one of its variants.
struct Wording {
  std::size_t quote = 0; // index into FactBase::quotes
  int variant = -1;      // index into Quote::variants, or -1 for Quote::text
  bool operator==(const Wording &) const = default;
};

// The draft's words found, in order, inside one recorded wording.
struct QuoteMatch {
  Wording wording;
  std::size_t first = 0; // index of the first matched token in wordingTokens(wording)
  std::size_t last = 0;  // index one past the last matched token
};

// A recorded wording that shares enough words with the draft's to be the same quote, altered.
struct NearQuote {
  Wording wording;
  double score = 0;      // 0..1, share of the draft's words found in order in the wording's window
  std::size_t first = 0; // the window of the wording that best aligns with the draft's words
  std::size_t last = 0;
};

struct QuoteWords;
struct FigureTerms;

// Parts of the index read before, for some of a base's entries (a snapshot keeps them): `words`
// holds the recorded words of quotes [first, first + words->quote_count), `terms` the terms of
// figures [first_figure, first_figure + terms->figure_count). Building the index then neither
// tokenizes those quotes, which is most of its cost, nor those figures. Each is taken over when
// nothing else holds it.
struct Prebuilt {
  std::shared_ptr<QuoteWords> words;
  std::size_t first = 0;
  std::shared_ptr<FigureTerms> terms;
  std::size_t first_figure = 0;
};

// Immutable once built; safe to read from many threads at once.
class FactIndex {
public:
  // `prebuilt`'s parts are used where they fit the base's quotes and figures (otherwise those are
  // read again), and are not kept.
  explicit FactIndex(std::shared_ptr<const FactBase> base, Prebuilt prebuilt = {});
  ~FactIndex();
  FactIndex(const FactIndex &) = delete;
  FactIndex &operator=(const FactIndex &) = delete;

  const FactBase &base() const { return *base_; }
  const std::shared_ptr<const FactBase> &sharedBase() const { return base_; }

  // The tokens (Word kind only) of a recorded wording.
  const std::vector<Token> &wordingTokens(Wording w) const;
  std::string_view wordingText(Wording w) const;

  // Every recorded wording that contains `words` as a contiguous run of folded words. Gap tokens
  // in `words` let any number of recorded words (at least zero) stand between the runs on either
  // side, in order; Editorial tokens ("[the company]") stand in for words the speaker said and
  // split runs the same way. A run may not cross an omission or insertion the source itself
  // marked. Cost: the postings of the rarest word in `words`, whatever the base's size.
  std::vector<QuoteMatch> findVerbatim(const std::vector<Token> &words) const;

  // Recorded wordings most like `words` when no verbatim match exists, best first, at most `max`,
  // only those scoring at least `min_score`. Candidates are the wordings holding the draft's
  // rarest words (postings read rarest first, within a fixed budget), aligned word by word
  // (facts/word_alignment.h); score = 2 * same words / (draft words + window words), so an added,
  // dropped or changed word each cost about as much. The cost does not grow with the base; a
  // draft made only of very common words finds nothing near.
  std::vector<NearQuote> findNear(const std::vector<Token> &words, std::size_t max = 5,
                                  double min_score = 0.5) const;

  // People whose name, alias or descriptor is exactly `phrase` once folded ("Mr Zuckerberg",
  // "the Facebook CEO", "facebook ceo"); a leading "the"/"a" and titles like "Mr", "Senator" are
  // optional. Ids in FactBase order.
  std::vector<std::string> resolvePerson(std::string_view phrase) const;

  // Events whose name or alias is found in `text` (folded), best first; with `min_words`, only
  // names of that many words or more ("call with reporters", not "reporters").
  std::vector<std::string> eventsNamedIn(std::string_view text, std::size_t min_words = 1) const;

  // Figures (indices into FactBase::figures) that any of the folded `words` points at through the
  // figure's keywords or unit nouns, most shared words first. Words are compared stemmed
  // ("users" = "user's" = "user"); a multi-word keyword counts when its words come in order. A term
  // used by very many figures (EntityIndex::kCommonTermFigures) adds to figures that rarer terms
  // found but points at none alone.
  std::vector<std::size_t> figuresFor(const std::vector<std::string> &words) const;

  // The quote tables underneath (word ids, frequencies, memory use), for benchmarks and tools.
  const QuoteIndex &quoteIndex() const;

private:
  struct Impl;
  std::shared_ptr<const FactBase> base_;
  std::unique_ptr<Impl> impl_;
};

} // namespace factline::facts
