// Tests for the figure analyzer on small fact bases: linking, verdicts, exact messages and fixes.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "analyzers/figure_analyzer.h"
#include "test_text.h"

using namespace factline::analyzers;
namespace facts = factline::facts;
namespace testing = factline::testing;

namespace {

facts::Figure figure(std::string id, facts::FigureKind kind, double value, std::string text,
                     std::string qualifier, std::string unit, std::vector<std::string> units,
                     std::vector<std::string> keywords, std::string subject) {
  facts::Figure f;
  f.id = testing::kept(id);
  f.kind = kind;
  f.value = value;
  f.text = testing::kept(text);
  f.qualifier = testing::kept(qualifier);
  f.unit = testing::kept(unit);
  f.units = testing::kept(units);
  f.keywords = testing::kept(keywords);
  f.subject = testing::kept(subject);
  return f;
}

// A small record in the shape of the bundled one.
std::shared_ptr<const facts::FactBase> smallBase() {
  auto base = std::make_shared<facts::FactBase>();
  facts::Person fb;
  fb.id = "facebook";
  fb.kind = facts::EntityKind::Organisation;
  fb.name = "Facebook";
  base->people.push_back(fb);
  facts::Person mz;
  mz.id = "mark-zuckerberg";
  mz.name = "Mark Zuckerberg";
  mz.aliases = {"Zuckerberg"};
  base->people.push_back(mz);

  auto users = figure("f-users", facts::FigureKind::Count, 87e6, "87 million", "up to", "users",
                      {"users", "accounts", "people"},
                      {"affected", "data", "shared", "worldwide", "caught up"},
                      "Facebook users affected worldwide");
  users.stated_by = "facebook";
  users.date = "2018-04-04";
  base->figures.push_back(users);
  auto old = figure("f-users-50m", facts::FigureKind::Count, 50e6, "50 million", "", "users",
                    {"users", "accounts", "people"}, {"previous estimate", "affected", "data"},
                    "the earlier estimate of Facebook users affected");
  old.superseded_by = "f-users";
  base->figures.push_back(old);
  base->figures.push_back(figure("f-monthly", facts::FigureKind::Count, 2e9, "two billion",
                                 "more than", "monthly users", {"monthly users", "users"},
                                 {"monthly", "monopoly"}, "Facebook's monthly users"));
  auto hours = figure("f-hearing", facts::FigureKind::Duration, 5, "more than five hours", "",
                      "hours", {"hours"}, {"hearing", "questions", "lasted", "senate"},
                      "length of the Senate hearing");
  hours.date = "2018-04-10";
  base->figures.push_back(hours);
  base->figures.push_back(figure("f-shares", facts::FigureKind::Percent, 4.5, "4.5 per cent", "",
                                 "per cent", {"per cent"}, {"shares", "closed", "rose"},
                                 "rise in Facebook's share price"));
  base->figures.push_back(figure("f-ratio", facts::FigureKind::Ratio, 0.02, "one in 50",
                                 "as many as", "local users", {"users", "Australian users"},
                                 {"australian", "affected"}, "share of Australian users affected"));
  base->figures.push_back(figure("f-platform", facts::FigureKind::Year, 2014, "2014", "", "year",
                                 {"year"}, {"platform", "big changes"},
                                 "year Facebook changed its platform"));
  facts::Quote q;
  q.id = "q-50m";
  q.text = "We never put out the 50 million number, that was other parties.";
  q.speaker = "mark-zuckerberg";
  base->quotes.push_back(q);
  base->reindex();
  return base;
}

const facts::FactIndex &smallIndex() {
  static const facts::FactIndex index(smallBase());
  return index;
}

struct Checked {
  std::string text;
  std::vector<Finding> findings;
  std::string span(std::size_t i = 0) const {
    const Span &s = findings.at(i).span;
    return text.substr(s.begin, s.end - s.begin);
  }
  std::string edited(std::size_t i = 0) const { // the text with the first fix applied
    std::string out = text;
    const auto &edits = findings.at(i).fixes.at(0).edits;
    for (auto it = edits.rbegin(); it != edits.rend(); ++it)
      out.replace(it->span.begin, it->span.end - it->span.begin, it->text);
    return out;
  }
};

Checked check(std::string text, const facts::FactIndex &index = smallIndex()) {
  Document doc(text, DraftFormat::Markdown);
  return {text, makeFigureAnalyzer()->analyze(doc, index, CancelToken())};
}

} // namespace

TEST_CASE("a wrong figure: message, evidence, span and fix", "[analyzer]") {
  auto c = check("Facebook said 78 million users were affected.");
  REQUIRE(c.findings.size() == 1);
  const Finding &f = c.findings[0];
  CHECK(f.rule == "figure-wrong");
  CHECK(f.status == Status::Wrong);
  CHECK(f.severity == Severity::Warning);
  CHECK(c.span() == "78 million users");
  CHECK(f.claim == "78 million users");
  CHECK(f.message == "Draft says 78 million; the record says up to 87 million users (Facebook "
                     "users affected worldwide; Facebook, 4 April 2018).");
  REQUIRE(f.evidence.size() == 1);
  CHECK(f.evidence[0].kind == FactRef::Kind::Figure);
  CHECK(f.evidence[0].id == "f-users");
  REQUIRE(f.fixes.size() == 1);
  CHECK(f.fixes[0].title == "Replace with \xE2\x80\x9C"
                            "87 million\xE2\x80\x9D");
  CHECK(c.edited() == "Facebook said 87 million users were affected.");
}

TEST_CASE("the fix writes the record in the draft's style", "[analyzer]") {
  CHECK(check("Facebook said 78m users were affected.").edited() ==
        "Facebook said 87m users were affected.");
  CHECK(check("Facebook said 78,000,000 users were affected.").edited() ==
        "Facebook said 87,000,000 users were affected.");
  CHECK(check("Facebook said seventy-eight million users were affected.").edited() ==
        "Facebook said eighty-seven million users were affected.");
  CHECK(check("Seventy-eight million users were affected, Facebook said.").edited() ==
        "Eighty-seven million users were affected, Facebook said.");
  CHECK(check("As many as one in 40 Australian users were affected.").edited() ==
        "As many as one in 50 Australian users were affected.");
  CHECK(check("As many as 1 in 40 Australian users were affected.").edited() ==
        "As many as 1 in 50 Australian users were affected.");
  CHECK(check("Facebook shares closed up 2.5 per cent.").edited() ==
        "Facebook shares closed up 4.5 per cent.");
  CHECK(check("The hearing lasted more than three hours.").edited() ==
        "The hearing lasted more than five hours.");
  CHECK(check("The hearing lasted 120 minutes.").edited() == "The hearing lasted 300 minutes.");
  // The unit word follows the number into or out of the singular.
  CHECK(check("The hearing lasted an hour.").edited() == "The hearing lasted five hours.");
  CHECK(check("The hearing lasted 1 hour.").edited() == "The hearing lasted 5 hours.");
}

TEST_CASE("a qualifier that stays wrong is replaced with the record's", "[analyzer]") {
  auto c = check("Over 300 million users had their data shared, one analyst claimed.");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.span() == "Over 300 million users");
  CHECK(c.findings[0].message.starts_with("Draft says Over 300 million; the record says up to 87 "
                                          "million users"));
  CHECK(c.edited() == "Up to 87 million users had their data shared, one analyst claimed.");
  // "nearly 87 million" can be the record's "up to 87 million": the qualifier stays.
  CHECK(check("Nearly 80 million users were affected.").edited() ==
        "Nearly 87 million users were affected.");
  // "more than 3 billion" -> "more than 2 billion" is right again: the qualifier stays.
  CHECK(check("It has more than three billion monthly users.").edited() ==
        "It has more than two billion monthly users.");
}

TEST_CASE("figures that agree with the record are verified", "[analyzer]") {
  for (const char *text :
       {"Eighty-seven million accounts were caught up in it.",
        "Up to 87 million users were affected.", "More than 80 million users were affected.",
        "Nearly 90 million users were affected.", "About 87 million users were affected.",
        "It has more than two billion monthly users.", "The hearing lasted more than 5 hours.",
        "The hearing lasted 300 minutes.", "Facebook shares closed up 4.5%.",
        "As many as one in 50 Australian users were affected.",
        "It made big changes to its platform in 2014."}) {
    auto c = check(text);
    INFO(text);
    REQUIRE(c.findings.size() == 1);
    CHECK(c.findings[0].rule == "figure-verified");
    CHECK(c.findings[0].status == Status::Verified);
    CHECK_FALSE(c.findings[0].severity.has_value());
    CHECK(c.findings[0].message.starts_with("Matches the record: "));
    CHECK(c.findings[0].fixes.empty());
  }
}

TEST_CASE("figures inconsistent with the record are wrong", "[analyzer]") {
  for (const char *text :
       {"More than 100 million users were affected.", "Fewer than 80 million users were affected.",
        "78 million users were affected.", "90 million users were affected.",
        "It has more than three billion monthly users.",
        "The hearing lasted more than three hours.", "The hearing lasted nearly five hours.",
        "Facebook shares closed up 5.4 per cent.",
        "As many as one in 20 Australian users were affected.",
        "It made big changes to its platform in 2015."}) {
    auto c = check(text);
    INFO(text);
    REQUIRE(c.findings.size() == 1);
    INFO(c.findings[0].message);
    CHECK(c.findings[0].rule == "figure-wrong");
    CHECK(c.findings[0].severity == Severity::Warning);
  }
}

TEST_CASE("a bound turned the other way is wrong, and the fix restores the record's",
          "[analyzer]") {
  auto c = check("Facebook said at least 87 million users were affected.");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].rule == "figure-wrong");
  CHECK(c.edited() == "Facebook said up to 87 million users were affected.");
  auto d = check("The hearing lasted up to five hours.");
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings[0].rule == "figure-wrong");
  CHECK(d.edited() == "The hearing lasted more than five hours.");
  CHECK(check("The hearing lasted at least five hours.").findings.at(0).rule == "figure-verified");
}

TEST_CASE("the record's rise given as a fall is wrong, and the fix turns the word", "[analyzer]") {
  auto c = check("Facebook shares fell 4.5 per cent.");
  REQUIRE(c.findings.size() == 1);
  const Finding &f = c.findings[0];
  CHECK(f.rule == "figure-wrong");
  CHECK(f.severity == Severity::Warning);
  CHECK(c.span() == "fell 4.5 per cent");
  CHECK(f.message == "Draft says fell 4.5 per cent; the record has a rise of 4.5 per cent (rise "
                     "in Facebook's share price).");
  CHECK(f.evidence.at(0).id == "f-shares");
  CHECK(c.edited() == "Facebook shares rose 4.5 per cent.");
  CHECK(check("Facebook shares closed down 4.5%.").edited() == "Facebook shares closed up 4.5%.");
  CHECK(check("Facebook shares were 4.5 per cent lower at the close.").edited() ==
        "Facebook shares were 4.5 per cent higher at the close.");
  CHECK(check("Dropping 4.5 per cent, the shares closed.").edited() ==
        "Rising 4.5 per cent, the shares closed.");
}

TEST_CASE("a fall that is not the record's number, or is dated otherwise, is another change",
          "[analyzer]") {
  CHECK(check("Facebook shares fell 7 per cent.").findings.empty());
  CHECK(check("Facebook shares fell 4.5 per cent the next day.").findings.empty());
  CHECK(check("Facebook shares fell 4.5 per cent in March.").findings.empty());
  // Each percentage takes the direction of its own clause.
  auto c = check("Shares, which fell 18 per cent in March, closed up 4.5 per cent.");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].rule == "figure-verified");
  CHECK(c.span() == "4.5 per cent");
}

TEST_CASE("percentage points for the record's per cent are wrong", "[analyzer]") {
  auto c = check("Facebook shares closed up 4.5 percentage points.");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].rule == "figure-wrong");
  CHECK(c.findings[0].message ==
        "Draft says 4.5 percentage points; the record gives it in per cent, not percentage "
        "points: 4.5 per cent (rise in Facebook's share price).");
  CHECK(c.edited() == "Facebook shares closed up 4.5 per cent.");
  CHECK(check("As many as 20 per cent of Australian users were affected.").edited() ==
        "As many as 2 per cent of Australian users were affected.");
  CHECK(check("Facebook shares closed up 4.5% points.").edited() ==
        "Facebook shares closed up 4.5%.");
  CHECK(check("Facebook shares closed up 2 percentage points.").findings.empty());
}

TEST_CASE("a count narrowed to a place the record does not name is a part of it", "[analyzer]") {
  CHECK(check("Some 10 million users in Britain were affected.").findings.empty());
  CHECK(check("Around 1 million British users were affected.").findings.empty());
  CHECK(check("In Britain, 10 million users were affected.").findings.empty());
  CHECK(check("Britain's 10 million users were affected.").findings.empty());
  CHECK(check("Some 70 million US users were affected.").findings.empty());
  CHECK(check("Some 70 million users in the U.S. were affected.").findings.empty());
  CHECK(check("About 1 million U.K. users were affected.").findings.empty());
  CHECK(check("The data of 1.2 million users across the Philippines was shared.").findings.empty());
  // The pronoun is not the country.
  CHECK(check("Facebook told us 78 million users were affected.").findings.at(0).rule ==
        "figure-wrong");
  // A place elsewhere in the sentence does not narrow the count.
  CHECK(check("78 million users were affected worldwide, a British paper said.")
            .findings.at(0)
            .rule == "figure-wrong");
  // A record about a place links when the draft names it.
  CHECK(check("As many as one in 40 Australian users were affected.").findings.at(0).rule ==
        "figure-wrong");
}

TEST_CASE("a partitive names its unit after its verb, or a part of the whole", "[analyzer]") {
  auto c = check("Facebook said 78 million of them were users affected by the breach.");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].rule == "figure-wrong");
  CHECK(c.span() == "78 million of them were users");
  CHECK(check("Of them, 70 million of the 87 million users were affected.").findings.size() == 1);
  CHECK(check("Facebook said 70 million of the affected users were in one country.")
            .findings.empty());
}

TEST_CASE("a replaced estimate given as current is superseded", "[analyzer]") {
  auto c = check("Facebook said 50 million users had their data shared.");
  REQUIRE(c.findings.size() == 1);
  const Finding &f = c.findings[0];
  CHECK(f.rule == "figure-superseded");
  CHECK(f.status == Status::Superseded);
  CHECK(f.severity == Severity::Warning);
  CHECK(f.message ==
        "Draft gives 50 million as the current figure; the record has it as an earlier estimate, "
        "replaced by up to 87 million users (Facebook users affected worldwide; Facebook, 4 April "
        "2018); Mark Zuckerberg said: \xE2\x80\x9CWe never put out the 50 million number, that "
        "was other parties.\xE2\x80\x9D");
  REQUIRE(f.evidence.size() == 3);
  CHECK(f.evidence[0].id == "f-users");
  CHECK(f.evidence[1].id == "f-users-50m");
  CHECK(f.evidence[2].kind == FactRef::Kind::Quote);
  CHECK(c.edited() == "Facebook said 87 million users had their data shared.");
}

TEST_CASE("the replaced estimate given as the earlier one is fine", "[analyzer]") {
  // ("The count of users affected grew from 50 million to 87 million." links neither figure, so
  // it cannot show the estimate is accepted as the earlier one: not among these.)
  for (const char *text : {"A previous estimate put it at 50 million users affected.",
                           "Initially 50 million users were thought affected."}) {
    auto c = check(text);
    INFO(text);
    // First the link: the earlier estimate is found and checked against its record...
    const Finding *linked = nullptr;
    for (const Finding &f : c.findings)
      for (const FactRef &e : f.evidence)
        if (e.id == "f-users-50m" || e.id == "f-users")
          linked = &f;
    REQUIRE(linked);
    CHECK(linked->status == Status::Verified);
    // ...then the silence: nothing about it, or anything else, is flagged.
    for (const Finding &f : c.findings)
      CHECK_FALSE(f.severity.has_value());
  }
}

TEST_CASE("a figure links only when the sentence says what it counts", "[analyzer]") {
  CHECK(check("Facebook has 78 million users.").findings.empty());           // no keyword
  CHECK(check("78 million were affected.").findings.empty());                // no unit noun
  CHECK(check("78 per cent of users were affected.").findings.empty());      // another kind
  CHECK(check("Shares fell 2.5 per cent when it closed.").findings.empty()); // a fall, not a rise
  CHECK(check("Two users were affected.").findings.empty());           // far off: another count
  CHECK(check("He was born in 1984 on a platform.").findings.empty()); // a year, weakly linked
  CHECK(check("It was a one-day rise before the hearing.").findings.empty()); // modifies "rise"
  CHECK(check("The hearing lasted two days.").findings.empty()); // another unit, far off
}

TEST_CASE("an ambiguous link says nothing unless one value is clearly closer", "[analyzer]") {
  auto base = std::make_shared<facts::FactBase>();
  base->figures.push_back(figure("a", facts::FigureKind::Count, 10e6, "10 million", "", "users",
                                 {"users"}, {"affected"}, "users affected in A"));
  base->figures.push_back(figure("b", facts::FigureKind::Count, 40e6, "40 million", "", "users",
                                 {"users"}, {"affected"}, "users affected in B"));
  base->reindex();
  facts::FactIndex index(base);
  CHECK(check("20 million users were affected.", index).findings.empty());
  auto c = check("11 million users were affected.", index);
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].evidence[0].id == "a");
  auto d = check("40 million users were affected.", index);
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings[0].rule == "figure-verified");
  CHECK(d.findings[0].evidence[0].id == "b");
}

TEST_CASE("two records of the same number give one verdict", "[analyzer]") {
  auto base = std::make_shared<facts::FactBase>();
  base->figures.push_back(figure("a", facts::FigureKind::Count, 2e9, "two billion", "more than",
                                 "users", {"users"}, {"world"}, "monthly users"));
  base->figures.push_back(figure("b", facts::FigureKind::Count, 2e9, "two billion", "more than",
                                 "users", {"users"}, {"world"}, "people served"));
  base->reindex();
  facts::FactIndex index(base);
  auto c = check("It has more than three billion users around the world.", index);
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].rule == "figure-wrong");
  CHECK(c.findings[0].evidence[0].id == "a");
}

TEST_CASE("numbers that are not figures stay silent", "[analyzer]") {
  std::string md = "---\ntitle: 78 million users affected\n---\n\n"
                   "# Notes of 10 April 2018\n\n"
                   "Published 2018/04/10 at 10 am; see [the "
                   "report](https://example.org/78-million-users-affected/2018/04/10).\n\n"
                   "```\n78 million users were affected.\n```\n\n"
                   "<!-- 78 million users were affected -->\n\n"
                   "Inline `78 million users were affected` code.\n\n"
                   "> 78 million users were affected, a reader wrote.\n\n"
                   "\xE2\x80\x9C"
                   "78 million users were affected,\xE2\x80\x9D he said.\n\n"
                   "Section 3 of the report, page 12, lists the 2nd hearing.\n\n"
                   "Facebook said 78 million users were affected.\n";
  auto c = check(md);
  // The same claim in prose, last, is linked and found wrong: the document is read and the record
  // reachable, so the silence everywhere else is the structure's doing.
  REQUIRE(!c.findings.empty());
  CHECK(c.findings.back().span.begin > md.rfind("Facebook said"));
  CHECK(c.findings.back().rule == "figure-wrong");
  for (std::size_t i = 0; i + 1 < c.findings.size(); ++i) {
    INFO(c.span(i) << ": " << c.findings[i].message);
    CHECK_FALSE(c.findings[i].severity.has_value());
  }
}

TEST_CASE("a cancelled check stops between sentences", "[analyzer]") {
  Document doc("78 million users were affected. 97 million users were affected.",
               DraftFormat::Markdown);
  CancelToken cancel;
  cancel.cancel();
  CHECK(makeFigureAnalyzer()->analyze(doc, smallIndex(), cancel).empty());
  CHECK(makeFigureAnalyzer()->analyze(doc, smallIndex(), CancelToken()).size() == 2);
}

TEST_CASE("re-checks remember sentences and find exactly what a fresh check finds", "[analyzer]") {
  auto analyzer = makeFigureAnalyzer();
  auto same = [](const std::vector<Finding> &a, const std::vector<Finding> &b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].rule == b[i].rule);
      CHECK(a[i].span == b[i].span);
      CHECK(a[i].message == b[i].message);
      REQUIRE(a[i].fixes.size() == b[i].fixes.size());
      for (std::size_t k = 0; k < a[i].fixes.size(); ++k)
        CHECK(a[i].fixes[k].edits[0].span == b[i].fixes[k].edits[0].span);
    }
  };
  std::string text = "Facebook said 78 million users were affected. The hearing lasted more than "
                     "three hours.\n\nFacebook shares closed up 4.5 per cent.";
  Document first(text, DraftFormat::Markdown);
  auto a = analyzer->analyze(first, smallIndex(), CancelToken());
  CHECK(a.size() == 3);
  same(a, analyzer->analyze(first, smallIndex(), CancelToken()));
  // An edit earlier in the draft moves the remembered findings after it.
  std::string edited = "Facebook said 97 million users were affected in all. " + text.substr(46);
  Document second(edited, DraftFormat::Markdown);
  same(analyzer->analyze(second, smallIndex(), CancelToken()),
       makeFigureAnalyzer()->analyze(second, smallIndex(), CancelToken()));
  // Another base: nothing remembered from the first one is used.
  auto other = std::make_shared<facts::FactBase>(*smallBase());
  other->figures[0].value = 78e6;
  other->figures[0].text = "78 million";
  other->reindex();
  facts::FactIndex other_index(other);
  auto c = analyzer->analyze(first, other_index, CancelToken());
  REQUIRE(c.size() == 3);
  CHECK(c[0].rule == "figure-verified");
}
