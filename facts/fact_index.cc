// FactIndex: the analyzers' questions, answered by a QuoteIndex and an EntityIndex over one base.
#include "facts/fact_index.h"

#include "facts/entity_index.h"
#include "facts/quote_index.h"

namespace factline::facts {

struct FactIndex::Impl {
  explicit Impl(const FactBase &base) : quotes(base), entities(base) {}
  QuoteIndex quotes;
  EntityIndex entities;
};

FactIndex::FactIndex(std::shared_ptr<const FactBase> base)
    : base_(base ? std::move(base) : std::make_shared<const FactBase>()),
      impl_(std::make_unique<Impl>(*base_)) {}

FactIndex::~FactIndex() = default;

const std::vector<Token> &FactIndex::wordingTokens(Wording w) const {
  return impl_->quotes.wordingTokens(w);
}

std::string_view FactIndex::wordingText(Wording w) const { return impl_->quotes.wordingText(w); }

std::vector<QuoteMatch> FactIndex::findVerbatim(const std::vector<Token> &words) const {
  return impl_->quotes.findVerbatim(words);
}

std::vector<NearQuote> FactIndex::findNear(const std::vector<Token> &words, std::size_t max,
                                           double min_score) const {
  return impl_->quotes.findNear(words, max, min_score);
}

std::vector<std::string> FactIndex::resolvePerson(std::string_view phrase) const {
  return impl_->entities.resolvePerson(phrase);
}

std::vector<std::string> FactIndex::eventsNamedIn(std::string_view text) const {
  return impl_->entities.eventsNamedIn(text);
}

std::vector<std::size_t> FactIndex::figuresFor(const std::vector<std::string> &words) const {
  return impl_->entities.figuresFor(words);
}

const QuoteIndex &FactIndex::quoteIndex() const { return impl_->quotes; }

} // namespace factline::facts
