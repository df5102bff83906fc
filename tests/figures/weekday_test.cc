// Tests of the weekday check (figure-weekday): a weekday against the date or recorded event it
// names, with the bundled base (the 4 April 2018 call, a Wednesday; the 10 April 2018 Senate
// hearing, a Tuesday).
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/rule_catalog.h"
#include "analyzers/weekday_analyzer.h"
#include "facts/loader.h"
#include "bundled_index.h"

using namespace factline::analyzers;

namespace {
using factline::testing::bundledIndex;

struct Flag {
  std::string span;  // the weekday flagged
  std::string fixed; // the draft with the first fix applied ("" without one)
  std::string message;
};

std::vector<Flag> flags(const std::string &text) {
  Document doc(text, DraftFormat::Markdown);
  std::vector<Flag> out;
  for (const Finding &f : makeWeekdayAnalyzer()->analyze(doc, bundledIndex(), CancelToken())) {
    REQUIRE(f.rule == "figure-weekday");
    REQUIRE(f.severity == Severity::Warning);
    Flag flag{text.substr(f.span.begin, f.span.end - f.span.begin), "", f.message};
    if (!f.fixes.empty()) {
      flag.fixed = text;
      for (const Replacement &r : f.fixes[0].edits)
        flag.fixed.replace(r.span.begin, r.span.end - r.span.begin, r.text);
    }
    out.push_back(flag);
  }
  return out;
}
} // namespace

TEST_CASE("weekday: a weekday the calendar contradicts in the same phrase is flagged, with a fix",
          "[figures][weekday]") {
  auto f = flags("Zuckerberg spoke to reporters on Tuesday, April 4, about the scraping.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].span == "Tuesday");
  CHECK(f[0].fixed == "Zuckerberg spoke to reporters on Wednesday, April 4, about the scraping.");
  CHECK(f[0].message.find("Wednesday") != std::string::npos);

  f = flags("The senators questioned him on Wednesday (10 April) for five hours.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].fixed == "The senators questioned him on Tuesday (10 April) for five hours.");

  f = flags("Facebook revealed the new count on Thursday 4th April 2018.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].fixed == "Facebook revealed the new count on Wednesday 4th April 2018.");

  f = flags("MONDAY, APRIL 10: the hearing opens.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].fixed == "TUESDAY, APRIL 10: the hearing opens.");
}

TEST_CASE("weekday: a weekday that agrees with its date, in the phrase's year or the draft's, is "
          "silent",
          "[figures][weekday]") {
  CHECK(flags("On Tuesday, April 10, 2018, he testified.").empty());
  CHECK(flags("Wednesday 4 April: the call with reporters.").empty());
  CHECK(flags("His written statement came out on Monday, 9 April.").empty());
  // The phrase's own year: 4 April 2017 was a Tuesday.
  CHECK(flags("A year earlier, on Tuesday, April 4, 2017, nothing happened.").empty());
  // A piece written in 2019 may mean 2019's calendar: 4 April 2019 was a Thursday.
  CHECK(flags("A year on, in 2019, the company met regulators on Thursday, April 4.").empty());
  // A time, not a day; a day that does not exist; a weekday alone.
  CHECK(flags("The call began on Tuesday 4.30pm Eastern time.").empty());
  CHECK(flags("On Tuesday, April 31, nothing was scheduled.").empty());
  CHECK(flags("On Monday, he met senators privately.").empty());
}

TEST_CASE("weekday: quoted words are the speaker's and are not checked", "[figures][weekday]") {
  CHECK(flags("\"See you on Tuesday, April 4,\" the aide wrote.").empty());
  CHECK(flags("> On Tuesday, April 4, we spoke.\n").empty());
}

TEST_CASE("weekday: a possessive weekday before a recorded event's name must be its weekday",
          "[figures][weekday]") {
  auto f = flags("Senators pressed him at Wednesday's Senate hearing on data brokers.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].span == "Wednesday");
  CHECK(f[0].fixed == "Senators pressed him at Tuesday's Senate hearing on data brokers.");
  CHECK(f[0].message.find("10 April 2018") != std::string::npos);

  f = flags("He said as much during Tuesday\xE2\x80\x99s press call.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].fixed == "He said as much during Wednesday\xE2\x80\x99s press call.");

  CHECK(flags("Senators pressed him at Tuesday's Senate hearing.").empty());
  CHECK(flags("He said as much during Wednesday's conference call.").empty());
  // One word ("hearing") may name the House's Wednesday hearing, which the base does not hold.
  CHECK(flags("Wednesday's hearing was more combative.").empty());
  CHECK(flags("Wednesday's House hearing was more combative.").empty());
  // The event's name outside the weekday's own noun phrase.
  CHECK(flags("Wednesday's vote on the Senate hearing schedule was close.").empty());
  // Another year: another hearing.
  CHECK(flags("Wednesday's Senate hearing in 2020 covered other ground.").empty());
}

TEST_CASE("weekday: the rule is in the catalogue", "[figures][weekday]") {
  const RuleInfo *rule = findRule("figure-weekday");
  REQUIRE(rule != nullptr);
  CHECK(rule->severity == Severity::Warning);
}

TEST_CASE("weekday: a wire lede's bare weekday against the occasion held on its dateline's day",
          "[figures][weekday]") {
  // The Senate hearing, 10 April 2018, was a Tuesday.
  const std::string lede = "WASHINGTON, April 10 (Newswire) - Zuckerberg told senators on "
                           "Thursday that he was sorry.";
  const auto f = flags(lede);
  REQUIRE(f.size() == 1);
  CHECK(f[0].span == "Thursday");
  CHECK(f[0].fixed == "WASHINGTON, April 10 (Newswire) - Zuckerberg told senators on Tuesday "
                      "that he was sorry.");
  CHECK(f[0].message.find("Tuesday") != std::string::npos);
  // An em dash and a year in the dateline.
  CHECK(flags("LONDON, 10 April 2018 \xE2\x80\x94 Zuckerberg faced the Senate hearing on Friday.")
            .size() == 1);
  // The right weekday; a weekday of another occasion the sentence names (the written statement
  // was published on the Monday); "last"; a weekday with its own date.
  CHECK(flags("WASHINGTON, April 10 (Newswire) - Zuckerberg told senators on Tuesday that he was "
              "sorry.")
            .empty());
  CHECK(flags("WASHINGTON, April 10 (Newswire) - Zuckerberg's written statement, published on "
              "Monday, apologised.")
            .empty());
  CHECK(flags("WASHINGTON, April 10 (Newswire) - Zuckerberg, who met senators last Thursday, "
              "apologised.")
            .empty());
  // No dateline, or the weekday outside the lede, or no occasion of the dateline's day named.
  CHECK(flags("Zuckerberg told senators on Thursday that he was sorry.").empty());
  CHECK(flags("WASHINGTON, April 10 (Newswire) - Zuckerberg apologised.\n\nHe told senators on "
              "Thursday that he was sorry.")
            .empty());
  CHECK(flags("WASHINGTON, April 12 (Newswire) - Zuckerberg said on Thursday that he was sorry.")
            .empty());
}
