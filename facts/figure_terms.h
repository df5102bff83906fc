// FigureTerms: the keywords and unit nouns of a run of consecutive figures ("terms", one or more
// stemmed words), each held once however many figures use it, with compressed-row lists: a
// million figures cost a few flat arrays. The entity index looks figures up through them; a
// snapshot keeps them, so that loading a big base does not tokenize and stem its figures again.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "facts/fact_base.h"
#include "facts/word_table.h"

namespace factline::facts {

struct FigureTerms {
  std::size_t figure_count = 0;                     // how many figures the run holds
  WordTable stems;                                  // stemmed words, in order of first use
  WordTable term_keys;                              // a term's stems joined by spaces -> term id
  std::vector<std::uint32_t> term_start{0};         // per term + 1: offset into term_stems
  std::vector<std::uint32_t> term_stems;            // each term's stem ids (at least one)
  std::vector<std::uint32_t> term_figures_start{0}; // per term + 1: offset into term_figures
  std::vector<std::uint32_t> term_figures;          // figures using each term, ascending
  std::vector<std::uint32_t> figure_terms_start{0}; // per figure + 1: offset into figure_terms
  std::vector<std::uint32_t> figure_terms; // each figure's terms, in the order it uses them
  // Derived from the above by index(): terms by their first stem.
  std::vector<std::uint32_t> first_start; // per stem + 1: offset into first_terms
  std::vector<std::uint32_t> first_terms;

  std::size_t termCount() const { return term_start.size() - 1; }

  // The words a figure is linked by: its keywords when it has any (typed hints); otherwise the
  // content words of its own subject (what it counts, whose, where, when), each once, without
  // function words, numbers, dates and its unit nouns. A base written by a newsroom or imported
  // from a transcript has no keyword lists, and still links through these.
  static std::vector<std::string> linkPhrases(const Figure &figure);

  // The root a term's word is held under: facts::wordRoot (Snowball), so that "harvested" in a
  // draft finds a figure whose words say "harvesting".
  static std::string stem(std::string_view folded);

  // The terms of figures [first, end): a figure's keywords, its unit and its unit nouns, each
  // counted once a figure. Indexed.
  static FigureTerms read(const std::vector<Figure> &figures, std::size_t first, std::size_t end);

  // Adds the terms of the figures that follow this run's, interned after this run's in the order
  // they first appear in `later`: what one read() of both runs gives, whatever the cut. Indexed.
  void append(const FigureTerms &later);

  // True when the run is whole and consistent: every list in range and in order, so that lookups
  // and append() never read outside it (checked on a snapshot's before it is used).
  bool consistent() const;

  // Builds first_start and first_terms.
  void index();
};

} // namespace factline::facts
