// Tests for FigureExtractor: which numbers in a draft are figures, and their kind, unit and span.
#include <catch2/catch.hpp>
#include <string>

#include "analyzers/document.h"
#include "analyzers/figure_extractor.h"

using namespace factline::analyzers;
using factline::facts::FigureKind;

namespace {
struct Found {
  std::string span; // the figure as written, qualifier and unit words included
  std::string number;
  DraftFigure figure;
};

std::vector<Found> extract(const std::string &text, DraftFormat format = DraftFormat::Markdown) {
  Document doc(text, format);
  std::vector<Found> out;
  for (const Sentence &s : doc.sentences()) {
    auto quoted = quotationSpans(doc.prose(), doc.blocks()[s.block].span);
    for (DraftFigure &f : extractFigures(doc.prose(), s.span, quoted).figures) {
      Found found;
      found.span = text.substr(f.span.begin, f.span.end - f.span.begin);
      found.number = text.substr(f.number.span.begin, f.number.span.end - f.number.span.begin);
      found.figure = std::move(f);
      out.push_back(std::move(found));
    }
  }
  return out;
}

Found only(const std::string &text) {
  auto all = extract(text);
  REQUIRE(all.size() == 1);
  return all[0];
}
} // namespace

TEST_CASE("counts with qualifiers", "[extract]") {
  auto a = only("Over 300 million users had their data shared, one analyst claimed.");
  CHECK(a.span == "Over 300 million");
  CHECK(a.number == "300 million");
  CHECK(a.figure.kind == FigureKind::Count);
  CHECK(a.figure.qualifier == Qualifier::MoreThan);
  CHECK(a.figure.number.value == 300e6);

  auto b = only("Facebook has more than three billion monthly users.");
  CHECK(b.span == "more than three billion");
  CHECK(b.figure.qualifier == Qualifier::MoreThan);

  auto c = only("As many as one in 20 Australian users may have been affected.");
  CHECK(c.span == "As many as one in 20");
  CHECK(c.figure.kind == FigureKind::Ratio);
  CHECK(c.figure.qualifier == Qualifier::UpTo);

  CHECK(only("nearly 90 million people").figure.qualifier == Qualifier::Nearly);
  CHECK(only("almost 90 million people").figure.qualifier == Qualifier::Nearly);
  CHECK(only("about 87 million people").figure.qualifier == Qualifier::About);
  CHECK(only("around 87 million people").figure.qualifier == Qualifier::About);
  CHECK(only("roughly 87 million people").figure.qualifier == Qualifier::About);
  CHECK(only("some 87 million people").figure.qualifier == Qualifier::About);
  CHECK(only("up to 87 million people").figure.qualifier == Qualifier::UpTo);
  CHECK(only("at least 80 million people").figure.qualifier == Qualifier::AtLeast);
  CHECK(only("fewer than 80 million people").figure.qualifier == Qualifier::FewerThan);
  CHECK(only("less than 80 million people").figure.qualifier == Qualifier::FewerThan);
  CHECK(only("under 80 million people").figure.qualifier == Qualifier::FewerThan);
  CHECK(only("just over 80 million people").figure.qualifier == Qualifier::MoreThan);
  CHECK(only("just over 80 million people").span == "just over 80 million");
  CHECK(only("just under 90 million people").figure.qualifier == Qualifier::Nearly);
  CHECK(only("87 million or so people").figure.qualifier == Qualifier::About);
  CHECK(only("five hours or more").figure.qualifier == Qualifier::AtLeast);
  CHECK(only("87 million people").figure.qualifier == Qualifier::None);
}

TEST_CASE("percentages, money and durations", "[extract]") {
  auto a = only("Facebook shares closed up 2.5 per cent after the hearing.");
  CHECK(a.span == "2.5 per cent");
  CHECK(a.number == "2.5");
  CHECK(a.figure.kind == FigureKind::Percent);
  CHECK(a.figure.unit == "per cent");
  CHECK(only("shares rose 4.5%").span == "4.5%");
  CHECK(only("shares rose 4.5 percent").figure.unit == "per cent");
  CHECK(only("support fell 3 percentage points").figure.unit == "percentage points");

  auto m = only("The fine was $2.5bn last year.");
  CHECK(m.figure.kind == FigureKind::Money);
  CHECK(m.span == "$2.5bn");
  CHECK(m.number == "2.5bn");
  CHECK(m.figure.unit == "$");
  CHECK(only("a fine of \xC2\xA3"
             "500,000")
            .figure.unit == "\xC2\xA3");
  CHECK(only("a fine of \xE2\x82\xAC"
             "5m")
            .figure.kind == FigureKind::Money);
  CHECK(only("a fine of 5 million dollars").figure.unit == "$");

  auto d = only("The Senate session lasted more than 5 hours.");
  CHECK(d.span == "more than 5 hours");
  CHECK(d.figure.kind == FigureKind::Duration);
  CHECK(d.figure.unit == "hours");
  CHECK(d.figure.frame == DurationFrame::Length);

  auto h = only("He gave an hour-long press conference.");
  CHECK(h.span == "hour-long");
  CHECK(h.figure.kind == FigureKind::Duration);
  CHECK(h.figure.number.value == 1);
  CHECK(h.figure.unit == "hours");

  // Plural units with no number ("hours-long", "days-long") state no length at all.
  CHECK(extract("He faced an hours-long grilling.").empty());
  CHECK(extract("It was a days-long standoff.").empty());

  auto f = only("It was a five-hour hearing.");
  CHECK(f.span == "five-hour");
  CHECK(f.figure.unit == "hours");
  CHECK(only("It was a 5-hour hearing.").span == "5-hour");
  CHECK(only("He spoke for two years.").figure.unit == "years");
  CHECK(only("He spoke for 90 minutes.").figure.unit == "minutes");

  auto w = only("Facebook shares had the biggest rise in two years.");
  CHECK(w.figure.frame == DurationFrame::Within);
  auto ago = only("About a month ago, we heard new reports.");
  CHECK(ago.figure.frame == DurationFrame::Ago);
  CHECK(ago.span == "About a month");
  CHECK(ago.figure.qualifier == Qualifier::About);
}

TEST_CASE("what must not be taken as a figure", "[extract]") {
  CHECK(extract("Zuckerberg testified on 10 April 2018.").empty());
  CHECK(extract("Zuckerberg testified on April 10, 2018.").empty());
  CHECK(extract("See https://example.org/apps/2018/04/10 for more.").empty());
  CHECK(extract("The call began at 10 am and again at 3 p.m. on Friday.").empty());
  CHECK(extract("It was the 2nd hearing and his first.").empty());
  CHECK(extract("Under section 230, platforms are not liable. See page 12.").empty());
  CHECK(extract("No. 5 was the question. The #1 issue.").empty());
  auto listed = extract("He made three points: (1) privacy and (2) security.");
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].span == "three");
  CHECK(extract("Cited in the report [3].").empty());
  CHECK(extract("The 33-year-old founder spoke.").empty());
  CHECK(extract("Numbering in the thousands, with hundreds more, in the millions.").empty());
  CHECK(extract("One analyst said one of the senators was a friend.").empty());
  CHECK(extract("Two years later, nothing had changed.").empty());
  CHECK(extract("Two years on, nothing had changed. Ten years from now, who knows.").empty());
  CHECK(extract("He testified for five hours on Tuesday.").size() == 1);
  CHECK(extract("In the past five years the company grew.").empty());
  CHECK(extract("He checks it every day.").empty());
  CHECK(extract("“We never put out the 50 million number,” he said.").empty());
  CHECK(extract("\"We served 2 billion people,\" he said.").empty());
  CHECK(extract("The G20 met; COVID-19 spread; the iPhone 8 sold.").size() <= 1);
}

TEST_CASE("the whole a part is counted out of is not a figure", "[extract]") {
  auto part = extract("44 of the 100 senators questioned him.");
  REQUIRE(part.size() == 1);
  CHECK(part[0].span == "44");
  auto out_of = extract("Forty-four out of 100 senators were there.");
  REQUIRE(out_of.size() == 1);
  CHECK(out_of[0].span == "Forty-four");
  // "one of the 44 senators" names a member: the 44 is the claim.
  auto member = extract("One of the 44 senators asked about it.");
  REQUIRE(member.size() == 1);
  CHECK(member[0].span == "44");
  // A whole with no part before it is still a figure: "Of the 87 million users, ..."
  CHECK(extract("Of the 87 million users affected, most were American.").size() == 1);
}

TEST_CASE("a duration after \"for\" is a length even when \"before\" follows", "[extract]") {
  auto f = only("He answered questions for more than four hours before the committees.");
  CHECK(f.span == "more than four hours");
  CHECK(f.figure.kind == FigureKind::Duration);
  CHECK(f.figure.frame == DurationFrame::Length);
  CHECK(extract("Four hours before the vote, he arrived.").empty());
  CHECK(extract("He arrived two hours after the vote.").empty());
  CHECK(extract("It tweeted some two hours ahead of his appearance.").empty());
  CHECK(extract("Two hours into the hearing, he asked for a break.").empty());
}

TEST_CASE("percentages keep the span of their unit words", "[extract]") {
  std::string text = "Shares rose 4.5 percentage points.";
  auto f = only(text);
  CHECK(text.substr(f.figure.unit_span.begin, f.figure.unit_span.end - f.figure.unit_span.begin) ==
        "percentage points");
  std::string pc = "Shares rose 4.5% on the day.";
  auto g = only(pc);
  CHECK(pc.substr(g.figure.unit_span.begin, g.figure.unit_span.end - g.figure.unit_span.begin) ==
        "%");
}

TEST_CASE("amounts named only by their order are vague counts", "[extract]") {
  auto all = extract("Thousands of apps, hundreds of developers and tens of thousands of users.");
  REQUIRE(all.size() == 3);
  CHECK(all[0].span == "Thousands");
  CHECK(all[0].figure.number.value == 2000);
  CHECK(all[0].figure.number.upper == 10000);
  CHECK(all[1].span == "hundreds");
  CHECK(all[1].figure.number.value == 200);
  CHECK(all[2].span == "tens of thousands");
  CHECK(all[2].figure.number.value == 20000);
  CHECK(all[2].figure.number.upper == 100000);
  CHECK(only("Dozens of apps were suspended.").figure.number.upper == 100);
  CHECK(extract("Tens of apps were suspended.").empty());
}

TEST_CASE("ranges are one figure from the first number to the second", "[extract]") {
  auto between = only("Between 80 and 90 million users were affected.");
  CHECK(between.span == "Between 80 and 90 million");
  CHECK(between.figure.number.value == Approx(79.5e6));
  CHECK(between.figure.number.upper == Approx(90.5e6));
  CHECK(only("Some 80 to 90 million users.").figure.number.upper == Approx(90.5e6));
  auto hours = only("He answered questions for five or six hours.");
  CHECK(hours.figure.kind == FigureKind::Duration);
  CHECK(hours.span == "five or six hours");
  // A change is two figures, and so are years.
  CHECK(extract("It grew from 50 million to 87 million.").size() == 2);
  CHECK(extract("It grew from an estimate of 50 million to 87 million.").size() == 2);
  CHECK(extract("Between 2014 and 2016 it changed.").size() == 2);
}

TEST_CASE("a number with \"plus\" is at least that many", "[extract]") {
  for (const char *text :
       {"It lasted 5-plus hours.", "It lasted 5+ hours.", "It lasted five-plus hours."}) {
    INFO(text);
    auto f = only(text);
    CHECK(f.figure.kind == FigureKind::Duration);
    CHECK(f.figure.qualifier == Qualifier::AtLeast);
    CHECK(f.figure.number.value == 5);
    CHECK(f.span.ends_with("hours"));
  }
}

TEST_CASE("hours and minutes are one duration", "[extract]") {
  auto f = only("Questions went on for four hours and 54 minutes.");
  CHECK(f.span == "four hours and 54 minutes");
  CHECK(f.figure.number.value == Approx(4.9));
  CHECK(f.figure.unit == "hours");
  CHECK(f.figure.compound);
  CHECK(extract("It took two hours and a lot of patience.").size() == 1);
}

TEST_CASE("a difference between two counts is not a count", "[extract]") {
  CHECK(extract("That is 37 million more than previously reported.").empty());
  CHECK(extract("It had 2 billion more users than its rivals.").empty());
  CHECK(extract("It lasted five hours or more.").size() == 1);
}

TEST_CASE("markdown structure hides code, comments, front matter and URLs", "[extract]") {
  std::string md = "---\ntitle: x\nwords: 87\n---\n\n# What was asked\n\n"
                   "He checked [thousands of apps](https://example.org/apps/2018/04/10).\n\n"
                   "```\n12 million is sample text.\n```\n\n"
                   "<!-- 5 million -->\n\nInline `44 members` code.\n\n"
                   "1. First item names no figure\n2. Second item\n";
  // Only the link's text is prose: its vague amount, not the numbers of its destination.
  auto found = extract(md);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span == "thousands");
}

TEST_CASE("years are found as years, not counts", "[extract]") {
  auto a = only("Cambridge Analytica worked on Donald Trump's 2016 run for US president.");
  CHECK(a.figure.kind == FigureKind::Year);
  auto b = only("It made big changes in 2014.");
  CHECK(b.figure.kind == FigureKind::Year);
  CHECK(only("2,016 users").figure.kind == FigureKind::Count);
}

TEST_CASE("several figures in one sentence keep their own spans", "[extract]") {
  auto all = extract("Facebook said 311,127 Australians were among the 87 million users affected, "
                     "while 97 million users worldwide had their data shared, by one count.");
  REQUIRE(all.size() == 3);
  CHECK(all[0].span == "311,127");
  CHECK(all[1].span == "87 million");
  CHECK(all[2].span == "97 million");
  auto b = extract("Zuckerberg answered questions for more than five hours from 44 members of the "
                   "Senate.");
  REQUIRE(b.size() == 2);
  CHECK(b[0].span == "more than five hours");
  CHECK(b[1].span == "44");
  auto c = extract("The company has more than two billion monthly users, and eighty-seven million "
                   "accounts were caught up in the scandal.");
  REQUIRE(c.size() == 2);
  CHECK(c[1].span == "eighty-seven million");
}

TEST_CASE("plain text drafts", "[extract]") {
  auto all =
      extract("Seventy million small businesses use Facebook, he said.", DraftFormat::PlainText);
  REQUIRE(all.size() == 1);
  CHECK(all[0].span == "Seventy million");
  CHECK(all[0].figure.number.style.capitalized);
}

TEST_CASE("days of the month beside a month name are dates, not counts", "[extract]") {
  for (const char *text : {"The hearing was on 31 March.", "The hearing was on March 31.",
                           "It happened on 1 April.", "It happened on April 1, 2018.",
                           "The call, on 4 April, was long.", "By May 9 it was over."}) {
    INFO(text);
    CHECK(extract(text).empty());
  }
  // A count next to a month is still a count when it could not be a day.
  CHECK(extract("In April, 87 million users were affected.").size() == 1);
  CHECK(extract("By April, 32 million users had left.").size() == 1);
}
