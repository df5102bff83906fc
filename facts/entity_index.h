// EntityIndex: the names of people and events, and the keywords and unit nouns of figures, folded
// into hash tables so that a draft's phrase or sentence finds its entries without a scan.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "facts/fact_base.h"
#include "facts/figure_terms.h"

namespace factline::facts {

// Built once from a FactBase; then read-only and safe to query from any thread.
class EntityIndex {
public:
  // `given`: the terms of figures [given_first, given_first + given->figure_count), read before
  // (a snapshot's, which its reader checked: FigureTerms::consistent), used instead of reading
  // those figures when they are the base's last ones; taken over (not copied) when nothing else
  // holds them.
  explicit EntityIndex(const FactBase &base, std::shared_ptr<FigureTerms> given = nullptr,
                       std::size_t given_first = 0);

  // See FactIndex::resolvePerson / eventsNamedIn / figuresFor.
  std::vector<std::string> resolvePerson(std::string_view phrase) const;
  std::vector<std::string> eventsNamedIn(std::string_view text, std::size_t min_words = 1) const;
  // A term used by more than kCommonTermFigures figures ("users" in a large base) only adds to
  // figures that rarer terms found: alone it points at no figure in particular.
  std::vector<std::size_t> figuresFor(const std::vector<std::string> &words) const;
  static constexpr std::size_t kCommonTermFigures = 1024;

  // A name phrase as it is looked up: folded words without a leading article or title
  // ("The Senator Lindsey Graham" -> "lindsey graham"). Empty when nothing is left.
  static std::string personKey(std::string_view phrase);

  // A folded word reduced to the form figure keywords are compared in: no possessive "'s", no
  // plural "s" ("users" and "user's" -> "user").
  static std::string keywordStem(std::string_view folded);

private:
  // An event name, found by its first word.
  struct EventName {
    std::vector<std::string> words;
    std::uint32_t event;
  };

  const FactBase &base_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> people_; // key -> person indices
  std::unordered_map<std::string, std::vector<EventName>> event_names_;
  FigureTerms terms_; // the figures' keywords and unit nouns, and which figures use each
};

} // namespace factline::facts
