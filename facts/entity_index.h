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
#include "facts/word_table.h"

namespace factline::facts {

// Built once from a FactBase; then read-only and safe to query from any thread.
class EntityIndex {
public:
  explicit EntityIndex(const FactBase &base);

  // See FactIndex::resolvePerson / eventsNamedIn / figuresFor.
  std::vector<std::string> resolvePerson(std::string_view phrase) const;
  std::vector<std::string> eventsNamedIn(std::string_view text) const;
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

  void buildFigureTerms();

  const FactBase &base_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> people_; // key -> person indices
  std::unordered_map<std::string, std::vector<EventName>> event_names_;

  // Figure keywords and unit nouns ("terms", one or more stemmed words), each held once however
  // many figures use it, with compressed-row lists: a million figures cost a few flat arrays.
  WordTable stems_;
  WordTable term_keys_;                           // a term's stems joined by spaces -> term id
  std::vector<std::uint32_t> term_start_{0};      // per term + 1: offset into term_stems_
  std::vector<std::uint32_t> term_stems_;         // each term's stem ids
  std::vector<std::uint32_t> first_start_;        // per stem + 1: offset into first_terms_
  std::vector<std::uint32_t> first_terms_;        // terms by their first stem
  std::vector<std::uint32_t> term_figures_start_; // per term + 1: offset into term_figures_
  std::vector<std::uint32_t> term_figures_;       // figures using each term, ascending
  std::vector<std::uint32_t> figure_terms_start_; // per figure + 1: offset into figure_terms_
  std::vector<std::uint32_t> figure_terms_;       // each figure's terms
};

} // namespace factline::facts
