// FigureTerms: reading figures' keywords and unit nouns into terms, joining runs, and checking a
// run read from a file.
#include "facts/figure_terms.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "facts/entity_index.h"
#include "facts/normalize.h"
#include "facts/word_root.h"

namespace factline::facts {
namespace {

// Offsets `start` into a list of `size` items, one row each of `rows` rows: from 0, in order, to
// the end (rows may be empty unless `nonempty`).
bool rowsFit(const std::vector<std::uint32_t> &start, std::size_t rows, std::size_t size,
             bool nonempty) {
  if (start.size() != rows + 1 || start.front() != 0 || start.back() != size)
    return false;
  for (std::size_t i = 0; i < rows; ++i)
    if (start[i + 1] < start[i] || (nonempty && start[i + 1] == start[i]))
      return false;
  return true;
}

bool allBelow(const std::vector<std::uint32_t> &items, std::size_t limit) {
  bool outside = false;
  for (const std::uint32_t x : items)
    outside |= x >= limit;
  return !outside;
}

// Words that say nothing of what a figure counts: function words, and the words a subject uses
// to frame itself ("share of", "number of", "length of").
bool isFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",      "about", "after",  "all",   "also",    "among",  "an",    "and",   "any",
      "are",    "as",    "at",     "be",    "been",    "before", "being", "but",   "by",
      "can",    "could", "did",    "do",    "does",    "each",   "for",   "from",  "had",
      "has",    "have",  "he",     "her",   "his",     "how",    "i",     "if",    "in",
      "into",   "is",    "it",     "its",   "it's",    "length", "many",  "may",   "might",
      "more",   "most",  "much",   "no",    "not",     "number", "of",    "on",    "one",
      "or",     "other", "our",    "out",   "over",    "put",    "said",  "same",  "say",
      "says",   "she",    "should", "so",     "some",   "such",  "than",  "that",
      "the",    "their", "them",   "then",  "there",   "these",  "they",  "this",  "those",
      "through", "to",   "total",  "up",    "us",      "was",    "we",    "were",  "what",
      "when",   "where", "which",  "while", "who",     "whom",   "whose", "will",  "with",
      "would",  "year",  "years",  "you",   "january", "february", "march", "april", "june",
      "july",   "august", "september", "october", "november", "december", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::string_view k : kWords)
    if (w == k)
      return true;
  return false;
}

} // namespace

std::string FigureTerms::stem(std::string_view folded) { return wordRoot(folded); }

std::vector<std::string> FigureTerms::linkPhrases(const Figure &figure) {
  std::vector<std::string> out;
  if (!figure.keywords.empty()) {
    out.assign(figure.keywords.begin(), figure.keywords.end());
    return out;
  }
  // Its unit nouns link it already, as units: not again as words of its own.
  std::vector<std::string> unit_roots;
  auto addUnitRoots = [&](std::string_view phrase) {
    forEachToken(phrase, [&](const TokenView &t) {
      if (t.kind != TokenKind::Gap)
        unit_roots.push_back(stem(t.norm));
    });
  };
  addUnitRoots(figure.unit);
  for (std::string_view u : figure.units)
    addUnitRoots(u);
  std::vector<std::string> roots;
  auto addWords = [&](std::string_view text) {
    forEachToken(text, [&](const TokenView &t) {
      if (t.kind == TokenKind::Gap || t.norm.size() < 2 || isFunctionWord(t.norm))
        return;
      if (std::any_of(t.norm.begin(), t.norm.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return;
      std::string root = stem(t.norm);
      if (std::find(unit_roots.begin(), unit_roots.end(), root) != unit_roots.end() ||
          std::find(roots.begin(), roots.end(), root) != roots.end())
        return;
      roots.push_back(root);
      out.emplace_back(t.norm);
    });
  };
  // The subject only: a source's sentence (`context`) names rival counts too ("grew from a
  // previous estimate of 50 million to 87 million"), and linked by its words, 5 of 119 clean
  // spans of eval/figures were flagged against 2 by the subject's.
  addWords(figure.subject);
  return out;
}

FigureTerms FigureTerms::read(const std::vector<Figure> &figures, std::size_t first,
                              std::size_t end) {
  FigureTerms run;
  std::vector<std::uint32_t> stems, users; // users: how many figures use each term
  std::string key;
  run.figure_terms_start.reserve(end - first + 1);
  // A term's id for each distinct phrase: a big base's figures repeat the same few keywords and
  // unit nouns ("users", "accounts"), which are then tokenized and stemmed once.
  WordTable phrases;
  std::vector<std::uint32_t> phrase_terms; // per phrase: its term, or kMissing (no words)
  auto termOf = [&](std::string_view phrase) {
    stems.clear();
    key.clear();
    forEachToken(phrase, [&](const TokenView &t) {
      if (t.kind == TokenKind::Gap)
        return;
      std::string stem = FigureTerms::stem(t.norm);
      stems.push_back(run.stems.intern(stem));
      if (!key.empty())
        key.push_back(' ');
      key += stem;
    });
    if (stems.empty())
      return WordTable::kMissing;
    const std::uint32_t term = run.term_keys.intern(key);
    if (term == run.termCount()) { // new term
      run.term_stems.insert(run.term_stems.end(), stems.begin(), stems.end());
      run.term_start.push_back(static_cast<std::uint32_t>(run.term_stems.size()));
      users.push_back(0);
    }
    return term;
  };
  // A figure's phrases: its keywords (or its subject's words), its unit, its unit nouns.
  auto eachPhrase = [](const Figure &f, const auto &use) {
    if (f.keywords.empty()) {
      for (const std::string &k : linkPhrases(f))
        use(std::string_view(k));
    }
    for (std::string_view k : f.keywords)
      use(k);
    use(std::string_view(f.unit));
    for (std::string_view u : f.units)
      use(u);
  };
  // Figures are taken in blocks, whose phrases are hashed and their slots asked for before any is
  // looked up: a big base's tens of thousands of distinct phrases make a table bigger than a
  // core's cache, and one lookup after another would wait for each slot in turn.
  constexpr std::size_t kBlock = 128;
  std::vector<std::string_view> block_phrases;
  std::vector<std::size_t> block_hashes;
  for (std::size_t from = first; from < end; from += kBlock) {
    const std::size_t to = std::min(end, from + kBlock);
    block_phrases.clear();
    block_hashes.clear();
    for (std::size_t i = from; i < to; ++i)
      eachPhrase(figures[i], [&](std::string_view phrase) {
        block_phrases.push_back(phrase);
        block_hashes.push_back(WordTable::hash(phrase));
        phrases.prefetch(block_hashes.back());
      });
    for (std::size_t h : block_hashes)
      phrases.prefetchRecord(h);
    std::size_t next = 0;
    for (std::size_t i = from; i < to; ++i) {
      const std::size_t first_term = run.figure_terms.size();
      eachPhrase(figures[i], [&](std::string_view phrase) {
        const std::uint32_t p = phrases.intern(phrase, block_hashes[next++]);
        if (p == phrase_terms.size())
          phrase_terms.push_back(termOf(phrase));
        const std::uint32_t term = phrase_terms[p];
        if (term == WordTable::kMissing)
          return;
        for (std::size_t k = first_term; k < run.figure_terms.size(); ++k)
          if (run.figure_terms[k] == term)
            return; // a figure counts each term once
        run.figure_terms.push_back(term);
        ++users[term];
      });
      run.figure_terms_start.push_back(static_cast<std::uint32_t>(run.figure_terms.size()));
    }
  }
  run.figure_count = end - first;

  const std::size_t term_count = run.termCount();
  run.term_figures_start.assign(term_count + 1, 0);
  for (std::size_t t = 0; t < term_count; ++t)
    run.term_figures_start[t + 1] = run.term_figures_start[t] + users[t];
  run.term_figures.resize(run.figure_terms.size());
  std::vector<std::uint32_t> fill(run.term_figures_start.begin(), run.term_figures_start.end() - 1);
  for (std::uint32_t f = 0; f < run.figure_count; ++f)
    for (std::uint32_t k = run.figure_terms_start[f]; k < run.figure_terms_start[f + 1]; ++k)
      run.term_figures[fill[run.figure_terms[k]]++] = f;
  run.index();
  return run;
}

void FigureTerms::append(const FigureTerms &later) {
  std::vector<std::uint32_t> stem_of(later.stems.size());
  for (std::uint32_t s = 0; s < stem_of.size(); ++s)
    stem_of[s] = stems.intern(later.stems.word(s));
  const std::size_t own_terms = termCount();
  std::vector<std::uint32_t> term_of(later.termCount());
  for (std::uint32_t t = 0; t < term_of.size(); ++t) {
    term_of[t] = term_keys.intern(later.term_keys.word(t));
    if (term_of[t] == termCount()) { // new term
      for (std::uint32_t k = later.term_start[t]; k < later.term_start[t + 1]; ++k)
        term_stems.push_back(stem_of[later.term_stems[k]]);
      term_start.push_back(static_cast<std::uint32_t>(term_stems.size()));
    }
  }

  const auto offset = static_cast<std::uint32_t>(figure_terms.size());
  figure_terms.reserve(figure_terms.size() + later.figure_terms.size());
  for (const std::uint32_t t : later.figure_terms)
    figure_terms.push_back(term_of[t]);
  figure_terms_start.reserve(figure_terms_start.size() + later.figure_count);
  for (std::size_t f = 1; f < later.figure_terms_start.size(); ++f)
    figure_terms_start.push_back(later.figure_terms_start[f] + offset);

  // Each term's figures: this run's (numbered first), then later's, so still ascending.
  const std::size_t terms = termCount();
  std::vector<std::uint32_t> start(terms + 1, 0);
  for (std::size_t t = 0; t < own_terms; ++t)
    start[t + 1] = term_figures_start[t + 1] - term_figures_start[t];
  for (std::uint32_t t = 0; t < term_of.size(); ++t)
    start[term_of[t] + 1] += later.term_figures_start[t + 1] - later.term_figures_start[t];
  for (std::size_t t = 0; t < terms; ++t)
    start[t + 1] += start[t];
  std::vector<std::uint32_t> joined(start.back());
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::size_t t = 0; t < own_terms; ++t)
    for (std::uint32_t k = term_figures_start[t]; k < term_figures_start[t + 1]; ++k)
      joined[fill[t]++] = term_figures[k];
  const auto shift = static_cast<std::uint32_t>(figure_count);
  for (std::uint32_t t = 0; t < term_of.size(); ++t) {
    std::uint32_t *to = joined.data() + fill[term_of[t]];
    for (std::uint32_t k = later.term_figures_start[t]; k < later.term_figures_start[t + 1]; ++k)
      *to++ = later.term_figures[k] + shift;
  }
  term_figures = std::move(joined);
  term_figures_start = std::move(start);
  figure_count += later.figure_count;
  index();
}

bool FigureTerms::consistent() const {
  if (term_start.empty())
    return false;
  const std::size_t terms = termCount();
  return term_keys.size() == terms && rowsFit(term_start, terms, term_stems.size(), true) &&
         allBelow(term_stems, stems.size()) &&
         rowsFit(term_figures_start, terms, term_figures.size(), false) &&
         allBelow(term_figures, figure_count) &&
         rowsFit(figure_terms_start, figure_count, figure_terms.size(), false) &&
         allBelow(figure_terms, terms) && term_figures.size() == figure_terms.size();
}

void FigureTerms::index() {
  const std::size_t terms = termCount();
  first_start.assign(stems.size() + 1, 0);
  for (std::size_t t = 0; t < terms; ++t)
    ++first_start[term_stems[term_start[t]] + 1];
  for (std::size_t s = 0; s < stems.size(); ++s)
    first_start[s + 1] += first_start[s];
  first_terms.resize(terms);
  std::vector<std::uint32_t> fill(first_start.begin(), first_start.end() - 1);
  for (std::uint32_t t = 0; t < terms; ++t)
    first_terms[fill[term_stems[term_start[t]]]++] = t;
}

} // namespace factline::facts
