// EntityIndex: the names of people and events, and the keywords and unit nouns of figures, folded
// into hash tables so that a draft's phrase or sentence finds its entries without a scan.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "facts/fact_base.h"

namespace factline::facts {

// Built once from a FactBase; then read-only and safe to query from any thread.
class EntityIndex {
public:
  explicit EntityIndex(const FactBase &base);

  // See FactIndex::resolvePerson / eventsNamedIn / figuresFor.
  std::vector<std::string> resolvePerson(std::string_view phrase) const;
  std::vector<std::string> eventsNamedIn(std::string_view text) const;
  std::vector<std::size_t> figuresFor(const std::vector<std::string> &words) const;

  // A name phrase as it is looked up: folded words without a leading article or title
  // ("The Senator Lindsey Graham" -> "lindsey graham"). Empty when nothing is left.
  static std::string personKey(std::string_view phrase);

  // A folded word reduced to the form figure keywords are compared in: no possessive "'s", no
  // plural "s" ("users" and "user's" -> "user").
  static std::string keywordStem(std::string_view folded);

private:
  // A phrase of several words, found by its first word.
  struct Phrase {
    std::vector<std::string> words;
    std::uint32_t entry; // event or figure index
    std::uint32_t slot;  // figures: which of the figure's keywords, so each counts once
  };
  using PhraseTable = std::unordered_map<std::string, std::vector<Phrase>>;

  const FactBase &base_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> people_; // key -> person indices
  PhraseTable event_phrases_;
  PhraseTable figure_phrases_;
};

} // namespace factline::facts
