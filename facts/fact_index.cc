// FactIndex: the analyzers' questions, answered by a QuoteIndex and an EntityIndex over one base.
#include "facts/fact_index.h"

#include "facts/entity_index.h"
#include "facts/figure_terms.h"
#include "facts/quote_index.h"
#include "facts/quote_words.h"

#include <future>

namespace factline::facts {

namespace {

// Above this many quotes and figures the two indexes are built at once, on two threads: loading a
// newsroom's base takes seconds, and they share nothing but the (read-only) base.
constexpr std::size_t kParallelBuild = 20000;

} // namespace

struct FactIndex::Impl {
  Impl(const FactBase &base, Prebuilt prebuilt) {
    auto quoteIndex = [&] {
      return std::make_unique<QuoteIndex>(base, QuoteIndex::kParallelQuotes,
                                          std::move(prebuilt.words), prebuilt.first);
    };
    if (base.quotes.size() + base.figures.size() < kParallelBuild) {
      quotes_ = quoteIndex();
      entities_ =
          std::make_unique<EntityIndex>(base, std::move(prebuilt.terms), prebuilt.first_figure);
      return;
    }
    auto entities = std::async(std::launch::async, [&base, &prebuilt] {
      return std::make_unique<EntityIndex>(base, std::move(prebuilt.terms), prebuilt.first_figure);
    });
    quotes_ = quoteIndex();
    entities_ = entities.get(); // rethrows what the other thread threw
  }
  std::unique_ptr<QuoteIndex> quotes_;
  std::unique_ptr<EntityIndex> entities_;
  const QuoteIndex &quotes() const { return *quotes_; }
  const EntityIndex &entities() const { return *entities_; }
};

FactIndex::FactIndex(std::shared_ptr<const FactBase> base, Prebuilt prebuilt)
    : base_(base ? std::move(base) : std::make_shared<const FactBase>()),
      impl_(std::make_unique<Impl>(*base_, std::move(prebuilt))) {}

FactIndex::~FactIndex() = default;

const std::vector<Token> &FactIndex::wordingTokens(Wording w) const {
  return impl_->quotes().wordingTokens(w);
}

std::string_view FactIndex::wordingText(Wording w) const { return impl_->quotes().wordingText(w); }

std::vector<QuoteMatch> FactIndex::findVerbatim(const std::vector<Token> &words) const {
  return impl_->quotes().findVerbatim(words);
}

std::vector<NearQuote> FactIndex::findNear(const std::vector<Token> &words, std::size_t max,
                                           double min_score) const {
  return impl_->quotes().findNear(words, max, min_score);
}

std::vector<std::string> FactIndex::resolvePerson(std::string_view phrase) const {
  return impl_->entities().resolvePerson(phrase);
}

std::vector<std::string> FactIndex::eventsNamedIn(std::string_view text,
                                                  std::size_t min_words) const {
  return impl_->entities().eventsNamedIn(text, min_words);
}

std::vector<std::size_t> FactIndex::figuresFor(const std::vector<std::string> &words) const {
  return impl_->entities().figuresFor(words);
}

const QuoteIndex &FactIndex::quoteIndex() const { return impl_->quotes(); }

} // namespace factline::facts
