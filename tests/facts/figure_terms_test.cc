// Tests for FigureTerms: runs joined by append() are the run read at once, wherever the cuts
// fall; consistent() refuses lists out of order or out of range (what a damaged snapshot brings).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "facts/figure_terms.h"

using namespace factline::facts;

namespace {

// Figures whose phrases repeat, overlap and differ only in ways stemming removes: plurals and
// possessives, words shared by several terms, several words a term, a term given twice by one
// figure, and phrases with no word at all.
FactBase figuresBase(std::size_t n, unsigned seed) {
  static const std::vector<std::string> pool = {"users",
                                                "user's",
                                                "user",
                                                "accounts",
                                                "people",
                                                "cambridge analytica",
                                                "analytica",
                                                "data shared",
                                                "shared data",
                                                "per cent",
                                                "hours",
                                                "senators",
                                                "senator's vote",
                                                "--",
                                                "",
                                                "apps",
                                                "app",
                                                "quizzes",
                                                "quiz",
                                                "addresses",
                                                "the breach",
                                                "breach",
                                                "Facebook users",
                                                "FACEBOOK",
                                                "harvested"};
  std::mt19937 rng(seed);
  FactBase base;
  for (std::size_t i = 0; i < n; ++i) {
    Figure f;
    const std::size_t keywords = rng() % 4;
    for (std::size_t k = 0; k < keywords; ++k)
      f.keywords.push_back(
          base.keep(i % 5 == 0 ? "rare term " + std::to_string(i) : pool[rng() % pool.size()]));
    f.unit = base.keep(pool[rng() % pool.size()]);
    if (rng() % 2)
      f.units = {f.unit, base.keep(pool[rng() % pool.size()])};
    base.figures.push_back(std::move(f));
  }
  return base;
}

void requireSame(const WordTable &a, const WordTable &b) {
  REQUIRE(a.size() == b.size());
  for (std::uint32_t id = 0; id < a.size(); ++id)
    CHECK(a.word(id) == b.word(id));
}

void requireSame(const FigureTerms &a, const FigureTerms &b) {
  CHECK(a.figure_count == b.figure_count);
  requireSame(a.stems, b.stems);
  requireSame(a.term_keys, b.term_keys);
  CHECK(a.term_start == b.term_start);
  CHECK(a.term_stems == b.term_stems);
  CHECK(a.term_figures_start == b.term_figures_start);
  CHECK(a.term_figures == b.term_figures);
  CHECK(a.figure_terms_start == b.figure_terms_start);
  CHECK(a.figure_terms == b.figure_terms);
  CHECK(a.first_start == b.first_start);
  CHECK(a.first_terms == b.first_terms);
}

} // namespace

TEST_CASE("figure terms read in runs and joined are those read at once, wherever the cuts fall") {
  const FactBase base = figuresBase(600, 5);
  const std::size_t n = base.figures.size();
  const FigureTerms whole = FigureTerms::read(base.figures, 0, n);
  REQUIRE(whole.termCount() > 100);
  REQUIRE(whole.consistent());
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{7}, n / 3, n / 2, n - 1, n}) {
    INFO("cut at " << cut);
    FigureTerms joined = FigureTerms::read(base.figures, 0, cut);
    joined.append(FigureTerms::read(base.figures, cut, n));
    requireSame(whole, joined);
    // In three runs as well.
    const std::size_t second = cut + (n - cut) / 2;
    FigureTerms three = FigureTerms::read(base.figures, 0, cut);
    three.append(FigureTerms::read(base.figures, cut, second));
    three.append(FigureTerms::read(base.figures, second, n));
    requireSame(whole, three);
  }
  // Each figure's terms once, and each term's figures ascending.
  for (std::size_t f = 0; f < n; ++f)
    for (std::uint32_t k = whole.figure_terms_start[f]; k < whole.figure_terms_start[f + 1]; ++k)
      for (std::uint32_t j = k + 1; j < whole.figure_terms_start[f + 1]; ++j)
        CHECK(whole.figure_terms[k] != whole.figure_terms[j]);
  for (std::size_t t = 0; t < whole.termCount(); ++t)
    CHECK(std::is_sorted(whole.term_figures.begin() + whole.term_figures_start[t],
                         whole.term_figures.begin() + whole.term_figures_start[t + 1]));
}

TEST_CASE("figure terms with a list out of order or out of range are not consistent") {
  const FactBase base = figuresBase(200, 9);
  const FigureTerms good = FigureTerms::read(base.figures, 0, base.figures.size());
  REQUIRE(good.consistent());
  auto broken = [&](auto change) {
    FigureTerms t = good;
    change(t);
    return !t.consistent();
  };
  CHECK(
      broken([](FigureTerms &t) { t.term_stems[3] = static_cast<std::uint32_t>(t.stems.size()); }));
  CHECK(broken([](FigureTerms &t) { t.term_start[2] = t.term_start[1]; })); // an empty term
  CHECK(broken([](FigureTerms &t) { t.term_start.back() += 1; }));
  CHECK(broken(
      [](FigureTerms &t) { t.term_figures[0] = static_cast<std::uint32_t>(t.figure_count); }));
  CHECK(
      broken([](FigureTerms &t) { std::swap(t.figure_terms_start[1], t.figure_terms_start[5]); }));
  CHECK(broken(
      [](FigureTerms &t) { t.figure_terms[0] = static_cast<std::uint32_t>(t.termCount()); }));
  CHECK(broken([](FigureTerms &t) { t.figure_terms_start.pop_back(); }));
  CHECK(broken([](FigureTerms &t) { t.term_figures_start.assign(1, 0); }));
  CHECK(broken([](FigureTerms &t) { t.term_start.clear(); }));
}
