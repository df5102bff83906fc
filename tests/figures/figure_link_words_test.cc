// Tests of the words figures are linked by: Snowball roots, so that any form of a record's word
// links ("exposing" for "exposed"); and, for a base with no keyword lists (a newsroom's, an
// imported transcript's), the record's own subject (tests/figures/keywordless-figures.json: the
// bundled figures with their keywords removed).
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/figure_analyzer.h"
#include "bundled_index.h"
#include "facts/figure_terms.h"
#include "facts/loader.h"
#include "facts/word_root.h"

using namespace factline::analyzers;
using factline::facts::wordRoot;

namespace {

// The bundled base with every figure replaced by its keyword-free copy.
const factline::facts::FactIndex &keywordlessIndex() {
  static const factline::facts::FactIndex index([] {
    const factline::facts::FactBase &bundled = factline::facts::bundledFactBase();
    auto loaded = factline::facts::loadFactBaseFile(
        FACTLINE_SOURCE_DIR "/tests/figures/keywordless-figures.json", {&bundled});
    REQUIRE(loaded.ok());
    auto base = std::make_shared<factline::facts::FactBase>(bundled);
    base->merge(std::move(loaded.base));
    return std::shared_ptr<const factline::facts::FactBase>(base);
  }());
  return index;
}

// The spans of the warnings the figure analyzer gives `text` against `index`.
std::vector<std::string> warned(const factline::facts::FactIndex &index, const std::string &text) {
  Document doc(text, DraftFormat::Markdown);
  std::vector<std::string> out;
  for (const Finding &f : makeFigureAnalyzer()->analyze(doc, index, CancelToken()))
    if (f.severity)
      out.push_back(text.substr(f.span.begin, f.span.end - f.span.begin));
  return out;
}

// Whether a figure-verified finding covers `span`.
bool verified(const factline::facts::FactIndex &index, const std::string &text,
              const std::string &span) {
  Document doc(text, DraftFormat::Markdown);
  for (const Finding &f : makeFigureAnalyzer()->analyze(doc, index, CancelToken()))
    if (f.rule == "figure-verified" &&
        text.substr(f.span.begin, f.span.end - f.span.begin).find(span) != std::string::npos)
      return true;
  return false;
}

using Spans = std::vector<std::string>;

} // namespace

TEST_CASE("figure link words: a word's forms share one Snowball root", "[figures][link]") {
  CHECK(wordRoot("harvested") == wordRoot("harvesting"));
  CHECK(wordRoot("exposing") == wordRoot("exposed"));
  CHECK(wordRoot("questioned") == wordRoot("questions"));
  CHECK(wordRoot("users") == "user");
  CHECK(wordRoot("zuckerberg's") == wordRoot("zuckerberg"));
  CHECK(wordRoot("senators'") == wordRoot("senators"));
  // Not letters: kept as they are.
  CHECK(wordRoot("2018") == "2018");
  CHECK(wordRoot("") == "");
}

TEST_CASE("figure link words: a keyword links in another form of its word", "[figures][link]") {
  using factline::testing::bundledIndex;
  // The bundled keyword is "exposed".
  CHECK(warned(bundledIndex(), "The quiz ended up exposing 78 million Facebook users.") ==
        Spans{"78 million Facebook users"});
  CHECK(verified(bundledIndex(), "The quiz ended up exposing up to 87 million Facebook users.",
                 "87 million"));
  // No word of the record's: nothing said.
  CHECK(warned(bundledIndex(), "The quiz ended up pleasing 78 million Facebook users.").empty());
}

TEST_CASE("figure link words: a figure with no keywords offers its subject's content words",
          "[figures][link]") {
  factline::facts::Figure f;
  f.unit = "users";
  f.units = {"Facebook users", "people"};
  f.subject = "Facebook users whose data was improperly shared with Cambridge Analytica in 2018";
  const std::vector<std::string> words = factline::facts::FigureTerms::linkPhrases(f);
  // Function words, numbers and its own unit nouns are not link words.
  CHECK(words == std::vector<std::string>{"data", "improperly", "shared", "cambridge", "analytica"});
  f.keywords = {"harvested"};
  CHECK(factline::facts::FigureTerms::linkPhrases(f) == std::vector<std::string>{"harvested"});
}

TEST_CASE("figure link words: a base without keyword lists still links its figures",
          "[figures][link]") {
  const auto &index = keywordlessIndex();
  for (const auto &f : index.base().figures)
    REQUIRE(f.keywords.empty());
  // Counts, by the subject's words few other subjects use: "improperly", "questioned".
  CHECK(warned(index, "Facebook says 78 million users had their data improperly passed on.") ==
        Spans{"78 million users"});
  CHECK(verified(index, "Facebook says up to 87 million users had their data improperly passed on.",
                 "87 million"));
  CHECK(warned(index, "Zuckerberg was questioned by 42 senators from the Senate committees.") ==
        Spans{"42 senators"});
  // A length and a share price, by "questioning" and "close".
  CHECK(warned(index, "The questioning of Zuckerberg by the Senate committees lasted three "
                      "hours.") == Spans{"three hours"});
  CHECK(warned(index, "Facebook's share price rose 2.5 per cent at the close.") ==
        Spans{"2.5 per cent"});
  CHECK(verified(index, "Facebook's share price rose 4.5 per cent at the close.", "4.5 per cent"));
  // A year, by "aware".
  CHECK(warned(index, "Facebook became aware of Cambridge Analytica's use of the data in 2013.") ==
        Spans{"2013"});
  // Words many of the base's subjects share ("Zuckerberg", "Facebook", "data") say nothing of
  // which record: a House session is not the call with reporters.
  CHECK(warned(index, "For five hours, members of the House committee questioned Zuckerberg "
                      "about his company.")
            .empty());
  CHECK(warned(index, "Cambridge Analytica used Facebook data during the 2016 race.").empty());
  // Nothing of what a record counts: no link.
  CHECK(warned(index, "The festival drew 78 million visitors.").empty());
  CHECK(warned(index, "The match lasted three hours.").empty());
}
