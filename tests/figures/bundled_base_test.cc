// End-to-end tests of the figure analyzer against the bundled base (the Cambridge Analytica
// record).
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "analyzers/figure_analyzer.h"
#include "facts/loader.h"
#include "bundled_index.h"

using namespace factline::analyzers;

namespace {
using factline::testing::bundledIndex;

struct Result {
  std::string rule; // "" when nothing was said
  std::string span;
  std::string message;
};

// The findings for `text`, with the spans they cover.
std::vector<Result> check(const std::string &text, DraftFormat format = DraftFormat::Markdown) {
  Document doc(text, format);
  std::vector<Result> out;
  for (const Finding &f : makeFigureAnalyzer()->analyze(doc, bundledIndex(), CancelToken()))
    out.push_back({f.rule, text.substr(f.span.begin, f.span.end - f.span.begin), f.message});
  return out;
}

// The one finding on `text` that is a warning, or an empty result.
Result warning(const std::string &text) {
  Result found;
  int warnings = 0;
  for (const Result &r : check(text))
    if (r.rule != "figure-verified") {
      found = r;
      ++warnings;
    }
  REQUIRE(warnings <= 1);
  return found;
}

// `text` with the first fix of its one warning applied.
std::string fixed(const std::string &text) {
  Document doc(text, DraftFormat::Markdown);
  for (const Finding &f : makeFigureAnalyzer()->analyze(doc, bundledIndex(), CancelToken()))
    if (f.severity && !f.fixes.empty()) {
      std::string out = text;
      const auto &edits = f.fixes[0].edits;
      for (auto it = edits.rbegin(); it != edits.rend(); ++it)
        out.replace(it->span.begin, it->span.end - it->span.begin, it->text);
      return out;
    }
  return text;
}

bool silent(const std::string &text) {
  for (const Result &r : check(text))
    if (r.rule != "figure-verified")
      return false;
  return true;
}
} // namespace

TEST_CASE("bundled: the development drafts' wrong figures", "[bundled]") {
  auto a = warning("Facebook said 311,127 Australians were among the 87 million users affected, "
                   "while 97 million users worldwide had their data shared, by one count.");
  CHECK(a.rule == "figure-wrong");
  CHECK(a.span == "97 million users");
  CHECK(a.message.find("up to 87 million users") != std::string::npos);
  CHECK(a.message.find("Facebook, 4 April 2018") != std::string::npos);

  auto b = warning("The privacy commissioner believes as many as one in 40 Australian users may "
                   "have been affected.");
  CHECK(b.rule == "figure-wrong");
  CHECK(b.span == "as many as one in 40 Australian users");
  CHECK(b.message.find("as many as one in 50") != std::string::npos);

  auto c = warning("Facebook shares closed up 2.5 per cent after the hearing, the biggest one-day "
                   "rise in two years.");
  CHECK(c.span == "2.5 per cent");
  CHECK(c.message.find("4.5 per cent") != std::string::npos);

  CHECK(warning("Over 300 million users had their data shared, one analyst claimed.").span ==
        "Over 300 million users");
  CHECK(warning("As many as one in 20 Australian users may have been affected, the regulator "
                "said.")
            .span == "As many as one in 20 Australian users");
  auto d = warning("Facebook, which has more than three billion monthly users, saw its shares "
                   "close up 4.5 per cent.");
  CHECK(d.span == "more than three billion monthly users");
  CHECK(d.message.find("more than two billion") != std::string::npos);
}

TEST_CASE("bundled: the development drafts' right figures stay clean", "[bundled]") {
  CHECK(silent("Facebook said 311,127 Australians were among the 87 million users affected."));
  CHECK(silent("The company has more than two billion monthly users, and eighty-seven million "
               "accounts were caught up in the scandal."));
  CHECK(silent("The Senate session lasted more than 5 hours."));
  CHECK(silent("Zuckerberg answered questions for more than five hours from 44 members of the "
               "Senate."));
  CHECK(silent("Seventy million small businesses use Facebook, he said."));
  CHECK(silent("Zuckerberg said the company was investigating [thousands of "
               "apps](https://example.org/apps/2018/04/10)."));
  auto verified = check("Seventy million small businesses use Facebook, he said.");
  REQUIRE(verified.size() == 1);
  CHECK(verified[0].rule == "figure-verified");
  CHECK(verified[0].span == "Seventy million small businesses");
}

TEST_CASE("bundled: more wrong figures a writer might type", "[bundled]") {
  CHECK(warning("Facebook admitted 311,172 Australians were among those affected.").rule ==
        "figure-wrong");
  CHECK(warning("Facebook says up to 78 million users were affected by the breach.").rule ==
        "figure-wrong");
  CHECK(warning("Zuckerberg faced nearly five hours of questions from the Senate.").rule ==
        "figure-wrong");
  CHECK(warning("Facebook shares closed up 5.4 per cent.").rule == "figure-wrong");
  CHECK(warning("Eighty million small businesses use Facebook, he said.").rule == "figure-wrong");
  CHECK(warning("He gave a two-hour press conference to reporters.").rule == "figure-wrong");
  CHECK(warning("Facebook made big changes to its platform in 2015.").rule == "figure-wrong");
  CHECK(warning("More than half of the Senate questioned him.").rule == "figure-wrong");
  CHECK(warning("It was the biggest gain in four years for Facebook shares.").rule ==
        "figure-wrong");
  CHECK(warning("Facebook is investigating 200 apps.").rule == "figure-wrong");
  CHECK(warning("Facebook is investigating hundreds of apps.").rule == "figure-wrong");
  CHECK(warning("Facebook is investigating dozens of apps for misuse.").rule == "figure-wrong");
  CHECK(silent("Facebook is investigating tens of thousands of apps."));
  // Only a record as vague is checked against a vague amount.
  CHECK(silent("Hundreds of millions of users had their data shared."));
  CHECK(silent("Millions of users were affected by the data breach."));
  // A share in per cent is the record's ratio in other words.
  auto share = warning("As many as 20 per cent of Australian users were affected, the watchdog "
                       "fears.");
  CHECK(share.rule == "figure-wrong");
  CHECK(share.message.find("one in 50") != std::string::npos);
  CHECK(silent("About 2 per cent of Australian users were affected, the watchdog fears."));
  CHECK(warning("Some 60 per cent of the Senate questioned him.").rule == "figure-wrong");
  CHECK(silent("About 44 per cent of the Senate questioned him."));
  CHECK(silent("Zuckerberg said 2.5 per cent of users changed their settings."));
  // A record about one place needs the sentence to name it, or to speak of local users.
  CHECK(silent("Up to 87 million users were affected, or about 4 per cent of its users."));
  CHECK(silent("One in 40 users deleted the app after the scandal."));
  CHECK(warning("As many as one in 40 local users may have been affected.").rule == "figure-wrong");
  // "up from" gives the replaced estimate as the earlier one.
  CHECK(warning("The data of some 87 million users (up from 50 million) was shared.").rule == "");
  // The senators he testified before, faced or appeared before: the hearing's 44.
  CHECK(warning("Zuckerberg testified before 40 senators.").rule == "figure-wrong");
  CHECK(warning("Mark Zuckerberg faced 40 senators over more than five hours.").rule ==
        "figure-wrong");
  CHECK(warning("Zuckerberg appeared before 42 senators on Tuesday.").rule == "figure-wrong");
  CHECK(silent("Zuckerberg testified before 44 senators."));
  CHECK(silent("Facebook faced 40 lawsuits."));
}

TEST_CASE("bundled: wrong figures the last probes missed", "[bundled]") {
  auto a = warning("Facebook admitted that 311,172 of them were Australians.");
  CHECK(a.rule == "figure-wrong");
  CHECK(a.span == "311,172 of them were Australians");
  CHECK(a.message.find("311,127 Australians") != std::string::npos);

  // Two figures in one sentence: each is checked on its own.
  auto two = check("Zuckerberg answered questions for more than four hours before 44 senators.");
  REQUIRE(two.size() == 2);
  CHECK(two[0].rule == "figure-wrong");
  CHECK(two[0].span == "more than four hours");
  CHECK(two[0].message.find("more than five hours") != std::string::npos);
  CHECK(two[1].rule == "figure-verified");
  CHECK(two[1].span == "44 senators");

  auto fell = warning("Facebook shares fell 4.5 per cent during the hearing.");
  CHECK(fell.rule == "figure-wrong");
  CHECK(fell.span == "fell 4.5 per cent");
  CHECK(fell.message.find("rise of 4.5 per cent") != std::string::npos);

  CHECK(warning("The firm admitted at least 87 million users had their data shared.").rule ==
        "figure-wrong");
  CHECK(warning("The watchdog fears at least one in 50 local users may have been affected.").rule ==
        "figure-wrong");
  CHECK(warning("Facebook's stock closed up 4.5 percentage points after the hearing.").rule ==
        "figure-wrong");
  // Another unit of time far from the record's links only through a phrase only it has.
  CHECK(warning("About a year ago, Facebook heard new reports that the data had not been "
                "deleted.")
            .rule == "figure-wrong");
  CHECK(silent("He testified for two days, before the Senate and then the House."));
  CHECK(warning("Facebook first learned of the data misuse in 2013 but did not tell users.").rule ==
        "figure-wrong");
  CHECK(warning("Zuckerberg testified before three Senate committees.").rule == "figure-wrong");
  CHECK(warning("Between 20 and 30 million users were affected.").rule == "figure-wrong");
  // A place a keyword names ("Russian interference") is not one the record counts in.
  CHECK(warning("Cambridge Analytica worked on the Trump campaign in 2012.").rule ==
        "figure-wrong");
  CHECK(warning("Russian interference in the 2012 election was investigated by Mueller.").rule ==
        "figure-wrong");
  CHECK(warning("In 2013, Facebook changed its platform to stop apps collecting data.").rule ==
        "figure-wrong");
  // The record's digits under another scale are a slip of the scale, however far off.
  CHECK(warning("Facebook said 87,000 users were affected.").rule == "figure-wrong");
  CHECK(warning("Facebook said 87 billion users were affected.").rule == "figure-wrong");
  CHECK(warning("Facebook has more than two million monthly users.").rule == "figure-wrong");
  CHECK(silent("Facebook said 311 Australians were affected."));
  CHECK(silent("Facebook said 87,000 were affected, and users were angry."));
  CHECK(warning("Zuckerberg answered questions for three to four hours.").rule == "figure-wrong");
  CHECK(warning("The hearing lasted 3-plus hours.").rule == "figure-wrong");
  // A count the record states exactly is exact.
  CHECK(warning("More than 44 senators questioned Zuckerberg at the hearing.").rule ==
        "figure-wrong");
  CHECK(silent("About 45 senators questioned Zuckerberg at the hearing."));
  CHECK(warning("Facebook said nearly 311,127 Australians were affected.").rule == "figure-wrong");
  CHECK(silent("Facebook said more than 311,000 Australians were affected."));
  CHECK(silent("The hearing lasted 5-plus hours."));
  CHECK(warning("He answered questions for four hours and 54 minutes.").span ==
        "four hours and 54 minutes");
  CHECK(silent("He answered questions for five hours and 10 minutes."));
  // A count of lawmakers far from any word of the hearing is another count.
  CHECK(silent("Facebook stock closed sharply up on Tuesday, as Congressional testimony by "
               "Zuckerberg had caused no upset by the time the bell rang, giving at least 28 "
               "lawmakers a financial reason to celebrate."));
  // A window or a time before in another unit is framed tightly enough by itself.
  CHECK(warning("Facebook shares closed up 4.5 per cent, the biggest gain in a decade.").rule ==
        "figure-wrong");
  CHECK(
      warning("About a week ago, Facebook heard new reports that the data was not deleted.").rule ==
      "figure-wrong");
  // "hour-long" is about an hour: 90 minutes is not, 45 may be.
  CHECK(warning("He spoke in a 90-minute press conference.").rule == "figure-wrong");
  CHECK(silent("He spoke in a 45-minute press conference."));
  CHECK(warning("Zuckerberg held a half-hour call with reporters.").rule == "figure-wrong");
  CHECK(warning("He spoke to reporters on the call for half an hour.").rule == "figure-wrong");
  CHECK(silent("He spoke to reporters for an hour."));
  // Words every duration's record shares ("lasted") do not make a link beside a word of its
  // own: the hearing did not last one hour, the call did.
  CHECK(warning("The hearing lasted one hour.").message.find("more than five hours") !=
        std::string::npos);
  CHECK(silent("The call with reporters lasted one hour."));
  // A wrong earlier estimate is wrong against the earlier estimate.
  auto earlier = warning("The number of users affected grew from a previous estimate of 30 "
                         "million to 87 million.");
  CHECK(earlier.rule == "figure-wrong");
  CHECK(earlier.span == "30 million");
  CHECK(earlier.message.find("the record says 50 million") != std::string::npos);
  // A part narrowed to the place the record is about links to that record.
  auto part = warning("Up to 87 million users were affected, 311,172 of them in Australia.");
  CHECK(part.rule == "figure-wrong");
  CHECK(part.span == "311,172");
  CHECK(part.message.find("311,127 Australians") != std::string::npos);
  CHECK(silent("Up to 87 million users were affected, 311,127 of them in Australia."));
  CHECK(silent("Up to 87 million users were affected, 1.1 million of them in Britain."));
  // The record's own day does not date the change otherwise; another day does.
  CHECK(warning("Facebook shares ended 4.5 per cent lower on Tuesday.").rule == "figure-wrong");
  CHECK(silent("Facebook shares fell 4.5 per cent on Wednesday, the day after the hearing."));
  CHECK(silent("Zuckerberg testified before two Senate committees."));
}

TEST_CASE("bundled: the share of the Senate, whatever the questioning is called", "[bundled]") {
  for (const char *sentence : {"More than half of the Senate took turns questioning Zuckerberg.",
                               "More than half the Senate grilled Zuckerberg for hours.",
                               "More than half of the Senate quizzed him over the scandal."}) {
    INFO(sentence);
    const Result r = warning(sentence);
    CHECK(r.rule == "figure-wrong");
    CHECK(r.message.find("nearly half the US Senate") != std::string::npos);
  }
  CHECK(silent("Nearly half of the Senate took turns questioning Zuckerberg."));
  CHECK(silent("More than half of the senators who questioned him were Democrats."));
}

TEST_CASE("bundled: the 50 million estimate", "[bundled]") {
  auto s = warning("Facebook said 50 million users had their data harvested by Cambridge "
                   "Analytica.");
  CHECK(s.rule == "figure-superseded");
  CHECK(s.message.find("87 million") != std::string::npos);
  CHECK(s.message.find("other parties") != std::string::npos);
  CHECK(silent("The number of affected users rose from 50 million to 87 million."));
  CHECK(silent("Initially, 50 million users were thought to be affected."));
}

TEST_CASE("bundled: numbers the record does not hold stay silent", "[bundled]") {
  CHECK(silent("Cambridge Analytica harvested data from 270,000 people who took a quiz."));
  // From real reports: another party's claim beside the earlier estimate, a difference, and a
  // share of another whole.
  CHECK(silent("Facebook announced on Thursday that 87 million users globally may have been "
               "caught up in the scandal, far more than previous estimates of 50 million and "
               "Cambridge Analytica's own claim of 30 million."));
  CHECK(silent("The statement revealed the data of up to 87 million people had been shared, 37 "
               "million more than previously reported."));
  CHECK(silent("The 311,127 Australians who Facebook suspects had their data shared amount to "
               "0.4% of the users affected by the data breach."));
  // A number with a noun of its own counts that noun, not a unit noun elsewhere.
  CHECK(silent("Facebook users shared 78 million posts about the data breach."));
  CHECK(warning("Of the users affected, 78 million had their data shared.").rule == "figure-wrong");
  CHECK(warning("Australians numbered 311,172 among those affected.").rule == "figure-wrong");
  CHECK(silent("Zuckerberg, 33, told reporters on 4 April 2018 that he was sorry."));
  CHECK(silent("Facebook's stock fell 2 per cent in March."));
  CHECK(silent("Twelve senators asked about privacy."));
  CHECK(silent("Seven billion people live on Earth."));
  CHECK(silent("Facebook has 1.4 billion daily users."));
  CHECK(silent("Zuckerberg said 2.5 per cent of users changed their settings."));
  CHECK(silent("Shares fell 4.5 per cent the next day."));
  // Another occasion: another day than the record's, or the other chamber.
  CHECK(silent("On Monday, Zuckerberg met 12 senators in private."));
  // A range is right when the record's value lies in it.
  CHECK(silent("Between 80 and 90 million users were affected."));
  CHECK(silent("Zuckerberg answered questions for five or six hours."));
  // A percentage no word says rose or fell is a proportion, not the recorded move.
  CHECK(silent("Facebook's share of the US ad market is about 20 per cent."));
  CHECK(silent("Facebook users spend 5 per cent of their day on the app."));
  // A share move dated otherwise is another move, whichever way it went.
  CHECK(silent("The stock rose 0.5 per cent in after-hours trading."));
  CHECK(silent("Facebook shares have risen 3 per cent since the hearing."));
  CHECK(warning("Facebook shares rose 2.5 per cent on Tuesday.").rule == "figure-wrong");
  CHECK(warning("Facebook shares added 2.5 per cent during the hearing.").rule == "figure-wrong");
  CHECK(silent("Facebook now says 87 million, not 50 million, users were affected."));
  // A month in another clause dates the other figure, and a draft that gives the current
  // figure is never told it is wrong against it.
  CHECK(silent("He said up to 87 million people had their data improperly shared, up from the "
               "50 million first reported in March."));
  CHECK(silent("Zuckerberg met senators for two hours on Monday."));
  CHECK(silent("He faced four hours of questions from the House Energy and Commerce Committee."));
  // A number alone in its table cell counts what the next cell starts with.
  CHECK(warning("| Figure | What it counts |\n| --- | --- |\n| 312,127 | Australians among the "
                "Facebook users affected |")
            .rule == "figure-wrong");
  CHECK(silent("| Figure | What it counts |\n| --- | --- |\n| 311,127 | Australians among the "
               "Facebook users affected |"));
  CHECK(silent("| Senator | Questions |\n| --- | --- |\n| Grassley | 12 |"));
  CHECK(silent("He spent 10 hours answering questions over two days."));
  // A longer span that is another figure's window ("the biggest gain in two years") does not
  // make the hours a total over it.
  CHECK(warning("He faced more than three hours of questions, and the shares had their biggest "
                "gain in two years.")
            .rule == "figure-wrong");
  CHECK(warning("He spent 10 hours answering questions from senators.").rule == "figure-wrong");
  CHECK(warning("Zuckerberg faced four hours of questions from senators on Tuesday.").rule ==
        "figure-wrong");
  CHECK(warning("On Wednesday, Zuckerberg told reporters that 78 million users were affected.")
            .rule == "figure-wrong");
  // The day its source reported it dates a figure too (the call's report is of the next day).
  CHECK(warning("Facebook revealed on Thursday that up to 78 million users were affected.").rule ==
        "figure-wrong");
  CHECK(silent("On Friday, Facebook said 78 million users had deleted the app."));
  CHECK(silent("Some 10 million users in Britain were affected by the data scandal."));
  CHECK(silent("Of the 87 million users affected, 70 million Americans had their data shared."));
  CHECK(silent("Facebook said 70.6 million of the affected users were in the United States."));
  CHECK(silent("44 of the 100 senators questioned him at the hearing."));
  CHECK(silent("Shares, which fell 18 per cent in March, closed up 4.5 per cent on the day."));
  CHECK(silent("The 2nd hearing, on 11 April, was in the House; see section 3."));
}

TEST_CASE("bundled: words a headline or a recap uses", "[bundled]") {
  CHECK(warning("# Facebook data scandal hits 78m users").rule == "figure-wrong");
  auto first = warning("The first estimate of 40 million users was wrong.");
  CHECK(first.rule == "figure-wrong");
  CHECK(first.message.find("50 million") != std::string::npos);
  CHECK(warning("Sixty million small companies use Facebook, he said.").rule == "figure-wrong");
}

TEST_CASE("bundled: figures in a table's cells", "[bundled]") {
  auto found = check("| Figure | Value |\n| --- | --- |\n| Users affected | 78 million |\n"
                     "| Australians affected | 311,127 |\n");
  std::vector<std::string> warned;
  for (const Result &r : found)
    if (r.rule != "figure-verified")
      warned.push_back(r.span);
  CHECK(warned == std::vector<std::string>{"78 million"});
}

TEST_CASE("bundled: fixes write the record in the draft's style", "[bundled]") {
  CHECK(fixed("About six months ago, Facebook heard new reports.") ==
        "About a month ago, Facebook heard new reports.");
  CHECK(fixed("Forty senators questioned Zuckerberg at the hearing.") ==
        "Forty-four senators questioned Zuckerberg at the hearing.");
  CHECK(fixed("More than half the Senate questioned him at the hearing.") ==
        "Nearly half the Senate questioned him at the hearing.");
  CHECK(fixed("He gave a two-hour press conference to reporters.") ==
        "He gave a one-hour press conference to reporters.");
  CHECK(fixed("He spoke in a 90-minute press conference.") ==
        "He spoke in a 60-minute press conference.");
  CHECK(fixed("Facebook shares closed up 3.5%.") == "Facebook shares closed up 4.5%.");
  CHECK(fixed("The hearing lasted 3-plus hours.") == "The hearing lasted 5-plus hours.");
  CHECK(fixed("Zuckerberg held a half-hour call with reporters.") ==
        "Zuckerberg held a one-hour call with reporters.");
  CHECK(fixed("More than 44 senators questioned Zuckerberg at the hearing.") ==
        "44 senators questioned Zuckerberg at the hearing.");
  CHECK(fixed("Facebook shares closed down 4.5 per cent on the day of the hearing.") ==
        "Facebook shares closed up 4.5 per cent on the day of the hearing.");
  CHECK(fixed("Facebook admitted that 311,172 of them were Australians.") ==
        "Facebook admitted that 311,127 of them were Australians.");
  CHECK(fixed("Facebook said 87 thousand users had their data shared.") ==
        "Facebook said 87 million users had their data shared.");
  CHECK(fixed("Facebook says 780,000,000 users were affected.") ==
        "Facebook says 87,000,000 users were affected.");
  CHECK(fixed("Facebook first learned of the data misuse in 2013 but did not tell users.") ==
        "Facebook first learned of the data misuse in 2015 but did not tell users.");
}

TEST_CASE("bundled: random drafts of figure words give findings inside the text", "[bundled]") {
  // A fixed-seed soup of the words the figure rules look at, in every order: no rule may read
  // past a sentence or give a span outside the draft.
  static const char *const kWords[] = {"87",
                                       "million",
                                       "of",
                                       "them",
                                       "were",
                                       "Australians",
                                       "in",
                                       "the",
                                       "U.S.",
                                       "US",
                                       "between",
                                       "and",
                                       "to",
                                       "or",
                                       "5",
                                       "-",
                                       "plus",
                                       "+",
                                       "hours",
                                       "per",
                                       "cent",
                                       "%",
                                       "points",
                                       "fell",
                                       "rose",
                                       "up",
                                       "down",
                                       "hundreds",
                                       "thousands",
                                       "tens",
                                       "one",
                                       "50",
                                       "a",
                                       "month",
                                       "ago",
                                       "hour-long",
                                       "half-hour",
                                       "senators",
                                       "44",
                                       "100",
                                       "Monday",
                                       "Tuesday",
                                       "March",
                                       "House",
                                       "Senate",
                                       "shares",
                                       "closed",
                                       "users",
                                       "affected",
                                       "more",
                                       "than",
                                       "nearly",
                                       "at least",
                                       "2014",
                                       "(",
                                       ")",
                                       ",",
                                       ";",
                                       "|",
                                       "\xE2\x80\x9C",
                                       "\xE2\x80\x9D",
                                       "local",
                                       "British",
                                       "from",
                                       "$",
                                       "5m",
                                       "2bn",
                                       "311,127",
                                       "1.1",
                                       "billion",
                                       "for",
                                       "before",
                                       "ahead",
                                       "lasted",
                                       "over",
                                       "two",
                                       "days",
                                       "decade",
                                       "an",
                                       "hour",
                                       "minutes",
                                       "90-minute",
                                       "out",
                                       "half",
                                       "into",
                                       "added"};
  constexpr std::size_t kCount = sizeof(kWords) / sizeof(kWords[0]);
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int draft = 0; draft < 200; ++draft) {
    std::string text;
    for (int sentence = 0; sentence < 6; ++sentence) {
      std::size_t words = 1 + next() % 24;
      for (std::size_t w = 0; w < words; ++w)
        text += std::string(kWords[next() % kCount]) + " ";
      text += next() % 2 ? ".\n\n" : ". ";
    }
    Document doc(text, DraftFormat::Markdown);
    for (const Finding &f : makeFigureAnalyzer()->analyze(doc, bundledIndex(), CancelToken())) {
      INFO(text);
      REQUIRE(f.span.begin <= f.span.end);
      REQUIRE(f.span.end <= text.size());
      for (const Fix &fix : f.fixes)
        for (const auto &edit : fix.edits)
          REQUIRE(edit.span.end <= text.size());
    }
  }
}

TEST_CASE("bundled: a length of time is the occasion its section's heading names", "[bundled]") {
  const std::string call = "# Zuckerberg's call with reporters\n\n";
  const std::string hearing = "# The Senate hearing\n\n";
  auto rulesOf = [](const std::string &text) {
    std::vector<std::string> rules;
    for (const Result &r : check(text))
      rules.push_back(r.rule + " " + r.span);
    return rules;
  };
  using Rules = std::vector<std::string>;
  // "questions" is the hearing's keyword; under the call's heading they are the call's.
  CHECK(rulesOf(call + "Zuckerberg took questions for an hour.") ==
        Rules{"figure-verified an hour"});
  CHECK(warning(call + "He took questions for three hours.").message.find("hour-long") !=
        std::string::npos);
  CHECK(fixed(call + "He took questions for three hours.") ==
        call + "He took questions for an hour.");
  // Elsewhere the hearing's, as before.
  CHECK(warning(hearing + "He took questions for an hour.").message.find("five hours") !=
        std::string::npos);
  CHECK(warning("He took questions for an hour.").message.find("five hours") != std::string::npos);
  // A sentence that names an occasion or a chamber of Congress speaks for itself.
  CHECK(warning(call + "The hearing lasted three hours.").message.find("five hours") !=
        std::string::npos);
  CHECK(warning(call + "Senators questioned him for an hour.").message.find("five hours") !=
        std::string::npos);
  // A length the sentence links to nothing is not made the heading's.
  CHECK(rulesOf(call + "He spent two hours preparing.").empty());
  // The heading is the section's: the next heading ends it.
  CHECK(warning(call + "A paragraph.\n\n# Background\n\nHe took questions for an hour.")
            .message.find("five hours") != std::string::npos);
}

TEST_CASE("bundled: a length still running is at least that long", "[bundled]") {
  // A live blog's "so far": the hearing ran for more than five hours in all.
  CHECK(silent("The session has now run for more than four hours."));
  CHECK(silent("So far, Zuckerberg has been questioned for three hours."));
  CHECK(warning("The hearing had already lasted seven hours.").rule == "figure-wrong");
  // The whole, said as the whole.
  CHECK(warning("The hearing lasted three hours.").rule == "figure-wrong");
  CHECK(warning("The hearing lasted three hours, so far as he knew.").rule == "figure-wrong");
  CHECK(warning("Facebook has now admitted that the hearing lasted three hours.").rule ==
        "figure-wrong");
  CHECK(warning("He had already said the hearing lasted three hours.").rule == "figure-wrong");
}

TEST_CASE("bundled: of two years in a sentence, each is the record its nearer words name",
          "[bundled]") {
  const std::string both = "Zuckerberg said the company learned of the misuse in 2016 and had "
                           "made big changes to its platform in 2014.";
  auto found = check(both);
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == "figure-wrong");
  CHECK(found[0].span == "2016");
  CHECK(found[0].message.find("the record says 2015") != std::string::npos);
  CHECK(found[1].rule == "figure-verified");
  CHECK(found[1].span == "2014");
  auto other = check("In 2015 Facebook learned of the misuse, a year after it made big changes "
                     "to its platform in 2013.");
  REQUIRE(other.size() == 2);
  CHECK(other[0].rule == "figure-verified");
  CHECK(other[1].rule == "figure-wrong");
  CHECK(other[1].message.find("the record says 2014") != std::string::npos);
  // Counts share their keywords: both ends of "from ... to ..." are read with them.
  auto range = check("The number of users affected grew from 50 million to 78 million.");
  REQUIRE(range.size() == 2);
  CHECK(range[1].rule == "figure-wrong");
}

TEST_CASE("bundled: another party's claim is not checked against Facebook's count", "[bundled]") {
  // Cambridge Analytica's own number, claimed by it: not a wrong count of the 87 million.
  CHECK(silent("Cambridge Analytica asserted that it had licensed data from no more than 30 "
               "million people."));
  CHECK(silent("Cambridge Analytica says it only ever received data on 30 million users."));
  CHECK(silent("According to Cambridge Analytica, no more than 30 million users were affected."));
  // Facebook's own people, and the sentence with no claimant, are still checked.
  CHECK(warning("Facebook says 78 million users were affected by the Cambridge Analytica "
                "scandal.")
            .rule == "figure-wrong");
  CHECK(warning("Zuckerberg said 78 million users had their data harvested by Cambridge "
                "Analytica.")
            .rule == "figure-wrong");
  CHECK(warning("Cambridge Analytica obtained the data of 78 million users.").rule ==
        "figure-wrong");
}

TEST_CASE("bundled: an old count presented as old, and a length with no number", "[bundled]") {
  CHECK(silent("For several weeks it was reported that Cambridge Analytica accessed the data of "
               "at least 50 million Facebook users."));
  CHECK(silent("It kicked off when Facebook acknowledged the firm had data on more than 50 "
               "million Facebook users."));
  CHECK(silent("Zuckerberg endured an hours-long grilling by senators."));
}

TEST_CASE("bundled: a difference, an addition, a total over both days", "[bundled]") {
  // A difference or an addition is not the total.
  CHECK(silent("The new estimate covers 37m more users than Facebook first said were affected."));
  CHECK(silent("He may face the same questions for another four hours today."));
  // Totals over both days' hearings are no figure of the Senate's.
  CHECK(silent("Zuckerberg testified at two hearings in two days, spanning 10 hours of "
               "questioning from 91 lawmakers."));
  CHECK(silent("After nine hours of hearings, he faced no more questions."));
  // Senators sat on one day: their count is the Senate hearing's however the days are told.
  CHECK(warning("Nearly 60 senators questioned him over two days.").rule == "figure-wrong");
  CHECK(warning("The hearing lasted more than three hours.").rule == "figure-wrong");
}

TEST_CASE("bundled: whose share moved, and the estimate that replaced the old one", "[bundled]") {
  // Another entity's move in the clause of its own.
  CHECK(silent("Facebook shares rose 4.5 per cent, while the Nasdaq as a whole gained two per "
               "cent."));
  // Facebook's own, however the clause opens.
  CHECK(warning("On the day of the hearing, Facebook shares closed up 7 per cent.").rule ==
        "figure-wrong");
  CHECK(warning("Zuckerberg watched as Facebook shares closed up 7 per cent on the day of the "
                "hearing.")
            .rule == "figure-wrong");
  // "the new estimate of up to 87 million" is the replacement, not the estimate it replaced.
  CHECK(silent("He stands by the new estimate of up to 87 million people affected."));
}

TEST_CASE("bundled: a move during the day is not the close's", "[bundled]") {
  CHECK(silent("Facebook shares were up 1.7 percent in afternoon trading on the day of the "
               "hearing."));
  CHECK(warning("Facebook shares closed up 1.7 per cent on the day of the hearing.").rule ==
        "figure-wrong");
}

TEST_CASE("bundled: a year far from its keywords, a meeting's length", "[bundled]") {
  // "data misuse" names the 2015 record, far from the year of the campaign.
  CHECK(silent("The overhaul follows a data misuse allegedly perpetrated by Cambridge Analytica, "
               "a political consulting firm that was hired by the camp of Donald Trump back in "
               "2016 to assist in his campaign for his presidential bid."));
  CHECK(warning("Facebook learned of the data misuse in 2016 and did not inform users.").rule ==
        "figure-wrong");
  // A meeting is no hearing.
  CHECK(silent("Before the hearing, a top Democratic senator met with Zuckerberg for an hour."));
}

TEST_CASE("bundled: a party the base does not know, and a count in parentheses", "[bundled]") {
  // A named person the base does not know claims the old count: not Facebook's.
  CHECK(silent("Scott Stringer, the city's comptroller, said changes were needed after the leak "
               "of data from 50m users of the social network to Cambridge Analytica."));
  // Heading the clause, the unknown name is the claimant, whatever names of the base follow.
  CHECK(silent("Scott Stringer, who supervises a stake in Facebook, said changes were needed "
               "after the leak of data from 50m users to Cambridge Analytica."));
  // A count in parentheses narrowed to a place after them.
  CHECK(silent("The overwhelming majority of those affected (over 70 million people) are in the "
               "U.S."));
  CHECK(warning("Those affected (over 70 million people) had their data harvested by Cambridge "
                "Analytica.")
            .rule == "figure-wrong");
}

TEST_CASE("bundled: a count in the record's own unit, close to its number, links by itself",
          "[bundled]") {
  CHECK(warning("He sat in front of forty-two senators.").rule == "figure-wrong");
  CHECK(warning("He sat in front of 42 senators.").rule == "figure-wrong");
  CHECK(silent("He sat in front of 44 senators."));
  // Far from the record's number, a unit alone says nothing of what is counted.
  CHECK(silent("He has met 12 senators this year."));
}

TEST_CASE("bundled: a party heading the sentence puts a ceiling on what it had", "[bundled]") {
  CHECK(silent("Cambridge Analytica licensed data for no more than 30 million people from GSR."));
  // Without the ceiling, the sentence states the count.
  CHECK(warning("Cambridge Analytica obtained the data of 78 million users.").rule ==
        "figure-wrong");
  // The record's own party with a ceiling: its record says otherwise.
  CHECK(warning("Facebook shared data of no more than 30 million users with Cambridge Analytica.")
            .rule == "figure-wrong");
}
