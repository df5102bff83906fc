// Tests of figure links made through the sentence before: a count with no noun of its own ("the
// actual number is at least 78 million") or with a unit noun rival records share ("97 million
// profiles"), against the bundled base (up to 87 million users affected; the replaced 50 million).
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/figure_analyzer.h"
#include "facts/loader.h"
#include "bundled_index.h"

using namespace factline::analyzers;

namespace {
using factline::testing::bundledIndex;

struct Said {
  std::string rule;
  std::string span;
  bool warning = false;
};

std::vector<Said> check(const Analyzer &analyzer, const std::string &text) {
  Document doc(text, DraftFormat::Markdown);
  std::vector<Said> out;
  for (const Finding &f : analyzer.analyze(doc, bundledIndex(), CancelToken()))
    out.push_back(
        {f.rule, text.substr(f.span.begin, f.span.end - f.span.begin), f.severity.has_value()});
  return out;
}

std::vector<Said> check(const std::string &text) { return check(*makeFigureAnalyzer(), text); }

// The spans of the warnings on `text`.
std::vector<std::string> warned(const std::string &text) {
  std::vector<std::string> out;
  for (const Said &s : check(text))
    if (s.warning)
      out.push_back(s.span);
  return out;
}

bool verified(const std::string &text, const std::string &span) {
  for (const Said &s : check(text))
    if (s.rule == "figure-verified" && s.span.find(span) != std::string::npos)
      return true;
  return false;
}

// Whether any finding, verified or not, covers `span`.
bool saysAbout(const std::string &text, const std::string &span) {
  for (const Said &s : check(text))
    if (s.span.find(span) != std::string::npos)
      return true;
  return false;
}

const std::string kAbout = "Facebook said the personal data of its users was improperly shared "
                           "with Cambridge Analytica. ";
} // namespace

TEST_CASE("figure recall: a count with no noun links through the sentence before",
          "[figures][recall]") {
  CHECK(warned(kAbout + "The actual number is at least 78 million.") ==
        std::vector<std::string>{"at least 78 million"});
  // The record's maximum made a minimum (see figure_rules.md).
  CHECK(warned(kAbout + "The actual number is at least 87 million.").size() == 1);
  CHECK(warned(kAbout + "The actual number is up to 87 million.").empty());
  CHECK(verified(kAbout + "The actual number is up to 87 million.", "87 million"));
  // "not more than" is an upper bound, as "no more than" is.
  CHECK(warned(kAbout + "Zuckerberg said he was sure it was not more than 87 million.").empty());
  // In the same sentence, the unit noun before the figure and a keyword no rival has.
  CHECK(
      warned("Users whose data was shared with Cambridge Analytica: at least 78 million.").size() ==
      1);
}

TEST_CASE("figure recall: a count with no noun abstains without the record's subject nearby",
          "[figures][recall]") {
  // The sentence before speaks of something else.
  CHECK(check("Shares rose on the news. The actual number is at least 78 million.").empty());
  // A keyword but no unit noun of the record.
  CHECK(check("Cambridge Analytica denied wrongdoing. The actual number is at least 78 million.")
            .empty());
  // Too far from the record to be a slip: another count.
  CHECK(check(kAbout + "The actual number is at least 300 million.").empty());
  CHECK(check(kAbout + "The actual number is at least 30 million.").empty());
  // The sentence before stands in another paragraph.
  CHECK(check(kAbout + "\n\nThe actual number is at least 78 million.").empty());
  // A small number without a scale is no count of users.
  CHECK(check(kAbout + "The actual number is 78.").empty());
}

TEST_CASE("figure recall: a unit noun rivals share links when the value is close to one record "
          "only",
          "[figures][recall]") {
  CHECK(warned("Facebook says it first learned the data had been passed on in 2015. By its "
               "reckoning, the quiz ended up pulling in 97 million profiles.") ==
        std::vector<std::string>{"97 million profiles"});
  // Nothing in either sentence names what the record counts.
  CHECK(check("The quiz was popular. It ended up pulling in 97 million profiles.").empty());
  // Between the replaced 50 million and the 87 million: no record is clearly the one.
  CHECK(!saysAbout("Facebook says it first learned the data had been passed on in 2015. The "
                   "quiz ended up pulling in 68 million profiles.",
                   "68 million"));
}

TEST_CASE("figure recall: a replaced estimate is not linked through the sentence before",
          "[figures][recall]") {
  // "previously reported" names the 50 million and frames it as old, one sentence up.
  CHECK(check("The new count is far above what was previously reported. The last figure was 50 "
              "million Facebook users.")
            .empty());
}

TEST_CASE("figure recall: a re-check reads the sentence before anew", "[figures][recall]") {
  const auto analyzer = makeFigureAnalyzer();
  const std::string second = "The actual number is at least 78 million.";
  CHECK(check(*analyzer, kAbout + second).size() == 1);
  CHECK(check(*analyzer, "Shares rose on the news. " + second).empty());
  CHECK(check(*analyzer, kAbout + second).size() == 1);
}

TEST_CASE("figure recall: the end of a change from a replaced estimate is its replacement",
          "[figures][recall]") {
  const std::string before = "When the Cambridge Analytica story broke, the number quoted was 50 "
                             "million. ";
  CHECK(warned(before + "By April the count had gone from 50 million to 97 million.") ==
        std::vector<std::string>{"97 million"});
  CHECK(verified(before + "By April the count had gone from 50 million to 87 million.",
                 "87 million"));
  // The start is not the replaced estimate, or the end is far from the replacement: another
  // change, not checked.
  CHECK(!saysAbout(before + "By April the count had gone from 40 million to 97 million.",
                   "97 million"));
  CHECK(!saysAbout(before + "By April the count had gone from 50 million to 300 million.",
                   "300 million"));
  // Nothing in either sentence points to the record.
  CHECK(!saysAbout("The festival grew from 50 million to 97 million visitors.", "97 million"));
}
