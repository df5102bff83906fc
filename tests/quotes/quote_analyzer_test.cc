// Tests for the quote analyzer end to end on a small fact base: what each quotation is found to be.
#include <catch2/catch.hpp>

#include "analyzers/analyzer_group.h"
#include "analyzers/quote_analyzer.h"
#include "annotations.h"
#include "test_facts.h"

using namespace factline::analyzers;
using factline::tests::Annotations;

namespace {

std::vector<Finding> analyze(const std::string &text) {
  static auto facts = factline::tests::smallFactIndex();
  AnalyzerGroup group;
  group.add(makeQuoteAnalyzer());
  Document doc(text, DraftFormat::Markdown);
  return group.analyze(doc, *facts, CancelToken{}, {});
}

// The one finding of `marked`, whose span must be the marked range.
Finding only(std::string_view marked) {
  Annotations a(marked);
  INFO(a.text());
  auto all = analyze(a.text());
  REQUIRE(all.size() == 1);
  if (!a.ranges().empty())
    CHECK(a.of(all[0].span) == a.of(a.range()));
  return all[0];
}

bool hasWarning(const std::vector<Finding> &all) {
  return std::any_of(all.begin(), all.end(), [](const Finding &f) {
    return f.severity && *f.severity <= Severity::Warning;
  });
}

} // namespace

TEST_CASE("a verbatim quote is verified, with its record as evidence") {
  Finding f = only("[[“We didn't take a broad enough view,”]] Zuckerberg said.");
  CHECK(f.rule == "quote-verified");
  CHECK(f.status == Status::Verified);
  CHECK_FALSE(f.severity);
  REQUIRE_FALSE(f.evidence.empty());
  CHECK(f.evidence[0].id == "q-enough");
  CHECK(f.message ==
        "Verified: said by Mark Zuckerberg (conference call with reporters, 4 April 2018).");
  CHECK(f.attributed_to == "zuck");
}

TEST_CASE("ellipses skip words in order and brackets are the writer's") {
  CHECK(only("“We didn't do enough … that was a huge mistake,” Zuckerberg said.").rule ==
        "quote-verified");
  CHECK(only("“We have stood down temporarily to let [Britain's] UK government do their "
             "investigation,” Zuckerberg said.")
            .rule == "quote-verified");
}

TEST_CASE("a variant wording is verified against that variant") {
  Finding f = only("“We deleted all the data Facebook gave us,” Cambridge Analytica said.");
  CHECK(f.rule == "quote-verified");
  CHECK(f.evidence[0].variant == 0);
}

TEST_CASE("an altered quote names the exact difference and offers the recorded wording") {
  Annotations a("Zuckerberg said: “[[We didn't focus enough on preventing fraud]].”");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 1);
  const Finding &f = all[0];
  CHECK(f.rule == "quote-altered");
  CHECK(f.status == Status::Altered);
  CHECK(f.severity == Severity::Warning);
  CHECK(f.message.find("'fraud' where the record has 'abuse'") != std::string::npos);
  CHECK(f.span.overlaps(a.range()));
  REQUIRE(f.fixes.size() == 1);
  REQUIRE(f.fixes[0].edits.size() == 1);
  CHECK(f.fixes[0].edits[0].span == a.range());
  CHECK(f.fixes[0].edits[0].text == "We didn't focus enough on preventing abuse");
  std::vector<DiffPiece::Kind> kinds;
  for (auto &p : f.diff)
    kinds.push_back(p.kind);
  CHECK(kinds == std::vector<DiffPiece::Kind>{DiffPiece::Kind::Same, DiffPiece::Kind::DraftOnly,
                                              DiffPiece::Kind::RecordOnly});
  CHECK(f.diff[1].text == "fraud");
  CHECK(f.diff[2].text == "abuse");
}

TEST_CASE("altered: substituted phrases, omissions and additions") {
  CHECK(only("“We never put out the 50 million number, that was somebody else,” Zuckerberg said.")
            .message.find("'somebody else' where the record has 'other parties'") !=
        std::string::npos);
  Finding f = only("“My top priority has always been our social mission of connecting people, "
                   "building community and bringing the world together,” Zuckerberg said.");
  CHECK(f.rule == "quote-altered");
  CHECK(f.message.find("omits 'closer'") != std::string::npos);
  CHECK(f.fixes[0].edits[0].text.find("bringing the world closer together") != std::string::npos);
  f = only("“This is going to be a never-ending and costly battle,” Zuckerberg said.");
  CHECK(f.message.find("adds 'and costly'") != std::string::npos);
}

TEST_CASE("an altered quote with gaps is fixed hunk by hunk, keeping the gaps") {
  Annotations a("“We didn't do enough … that was a [[big]] mistake,” Zuckerberg said.");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 1);
  CHECK(all[0].rule == "quote-altered");
  REQUIRE(all[0].fixes.size() == 1);
  REQUIRE(all[0].fixes[0].edits.size() == 1);
  CHECK(all[0].fixes[0].edits[0].span == a.range());
  CHECK(all[0].fixes[0].edits[0].text == "huge");
}

TEST_CASE("words on record from someone else are misattributed, spanning quote and name") {
  Annotations a("[[“This is going to be a never-ending battle,” said [[Cambridge Analytica]]]].");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 1);
  const Finding &f = all[0];
  CHECK(f.rule == "quote-misattributed");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.span == a.range(0));
  CHECK(f.message == "These words are on record from Mark Zuckerberg (conference call with "
                     "reporters, 4 April 2018), not Cambridge Analytica.");
  REQUIRE(f.fixes.size() == 1);
  CHECK(f.fixes[0].edits[0].span == a.range(1));
  CHECK(f.fixes[0].edits[0].text == "Mark Zuckerberg");
}

TEST_CASE("altered and misattributed says both") {
  Finding f = only("“We never put out the 50 million number, that was somebody else,” Ms Sandberg "
                   "said.");
  CHECK(f.rule == "quote-misattributed");
  CHECK(f.message.find("not Sheryl Sandberg") != std::string::npos);
  CHECK(f.message.find("'somebody else' where the record has 'other parties'") !=
        std::string::npos);
  CHECK(f.fixes.size() == 2);
}

TEST_CASE("words said at another occasion") {
  Finding f = only("“We never put out the 50 million number, that was other parties,” Zuckerberg "
                   "said at the Senate hearing.");
  CHECK(f.rule == "quote-wrong-occasion");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.message == "These words are on record from the conference call with reporters (4 April "
                     "2018), not the Senate hearing.");
  CHECK(only("“We never put out the 50 million number, that was other parties,” Zuckerberg told "
             "reporters.")
            .rule == "quote-verified");
}

TEST_CASE("a known speaker's words not on record are unverified, as information") {
  Finding f = only("“We will fix everything by Friday,” Zuckerberg said.");
  CHECK(f.rule == "quote-unverified");
  CHECK(f.status == Status::Unverified);
  CHECK(f.severity == Severity::Information);
  REQUIRE(f.evidence.size() == 1);
  CHECK(f.evidence[0].kind == FactRef::Kind::Person);
  CHECK(f.evidence[0].id == "zuck");
}

TEST_CASE("an unknown speaker's words, or unattributed words not on record, are left alone") {
  CHECK(analyze("“We will fix everything by Friday,” a spokesman for the BBC said.").empty());
  CHECK(analyze("“We will fix everything by Friday,” a BBC reporter said.").empty());
  CHECK(analyze("# Notes\n\n“Nobody knows what happens next.”").empty());
}

TEST_CASE("short common phrases are never misattributed or altered") {
  auto all = analyze("Mr Graham asked whether the company \"would work\" with Congress, to which "
                     "Mr Zuckerberg replied: “Absolutely.”");
  // First the link: Mr Zuckerberg's "Absolutely" is found on record and verified...
  auto linkedTo = [&](const char *id) {
    return std::any_of(all.begin(), all.end(), [&](const Finding &f) {
      return f.status == Status::Verified &&
             std::any_of(f.evidence.begin(), f.evidence.end(),
                         [&](const FactRef &e) { return e.id == id; });
    });
  };
  CHECK(linkedTo("q-absolutely"));
  // ...then the silence: neither his word nor the senator's phrase is a warning.
  CHECK_FALSE(hasWarning(all));
  CHECK(analyze("“Absolutely,” Mr Graham replied.").size() <= 1);
  CHECK_FALSE(hasWarning(analyze("“Absolutely,” Mr Graham replied.")));
  CHECK_FALSE(hasWarning(analyze("Ms Sandberg called it a “huge mistake” and 'scraping'.")));
  CHECK_FALSE(hasWarning(analyze("“We didn't do so much,” Zuckerberg said.")));
}

TEST_CASE("an unterminated quotation is reported at its opening mark") {
  Annotations a("Zuckerberg said [[“]]we didn't do enough.\n\n"
                "Later, Cambridge Analytica said: “This is going to be a never-ending battle.”\n");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 3);
  CHECK(all[0].rule == "quote-unterminated");
  CHECK(all[0].status == Status::Problem);
  CHECK(all[0].severity == Severity::Information); // a slip of typing, not a wrong fact
  CHECK(all[0].span == a.range());
  CHECK(all[0].message.find("“") != std::string::npos);
  CHECK(all[1].rule == "quote-verified");      // its words, to the paragraph's end, are checked
  CHECK(all[2].rule == "quote-misattributed"); // the next paragraph is still checked
  // The words of an unterminated quotation can be altered all the same.
  auto altered = analyze("Zuckerberg said: “We didn't focus enough on preventing fraud.\n");
  CHECK(std::any_of(altered.begin(), altered.end(),
                    [](const Finding &f) { return f.rule == "quote-altered"; }));
}

TEST_CASE("a multi-paragraph quote is not unterminated") {
  auto all = analyze("“We didn't do enough.\n\n“We didn't focus enough on preventing abuse.”\n");
  for (auto &f : all)
    CHECK(f.rule != "quote-unterminated");
  // Wire style: the paragraph it runs on into does not reopen it, and closes it.
  auto wire = analyze("Zuckerberg said: “We didn't do enough.\n\nWe didn't focus enough on "
                      "preventing abuse,” he added.\n");
  CHECK(std::none_of(wire.begin(), wire.end(),
                     [](const Finding &f) { return f.rule == "quote-unterminated"; }));
  CHECK(std::all_of(wire.begin(), wire.end(),
                    [](const Finding &f) { return f.rule == "quote-verified"; }));
  // A paragraph whose first mark opens a quotation of its own leaves the first unterminated.
  auto open = analyze("Zuckerberg said: “We didn't do enough.\n\nGraham said “no”.\n");
  CHECK(std::any_of(open.begin(), open.end(),
                    [](const Finding &f) { return f.rule == "quote-unterminated"; }));
}

TEST_CASE("quotes in code and comments are ignored") {
  CHECK(
      analyze("```\n\"This is going to be a never-ending battle,\" said Cambridge Analytica.\n```\n"
              "\n<!-- \"This is going to be a never-ending battle,\" said Cambridge Analytica -->\n"
              "\n`\"This is going to be a never-ending battle,\" said Cambridge Analytica`\n")
          .empty());
}

TEST_CASE("a block quote credited with a dash line is checked against that name") {
  Finding f = only("> This is going to be a never-ending battle.\n>\n> — Cambridge Analytica\n");
  CHECK(f.rule == "quote-misattributed");
  f = only("> “This is going to be a never-ending battle.”\n> — Mark Zuckerberg, 4 April 2018\n");
  CHECK(f.rule == "quote-verified");
}

TEST_CASE("disable comments silence the findings they cover") {
  const std::string bad = "“This is going to be a never-ending battle,” said Cambridge Analytica.";
  CHECK(analyze("<!-- factline-disable-next-line -->\n" + bad + "\n").empty());
  CHECK(analyze("<!-- factline-disable -->\n\n" + bad + "\n\n<!-- factline-enable -->\n").empty());
  CHECK(analyze(bad + "\n").size() == 1);
}

TEST_CASE("cancellation stops between quotations") {
  auto facts = factline::tests::smallFactIndex();
  Document doc("“Absolutely,” Zuckerberg said. “Absolutely,” Zuckerberg said.",
               DraftFormat::Markdown);
  CancelToken cancel;
  cancel.cancel();
  CHECK(makeQuoteAnalyzer()->analyze(doc, *facts, cancel).empty());
}

TEST_CASE("a multi-paragraph quote whose paragraphs are separate records is verified by parts") {
  Annotations a("Zuckerberg said:\n\n“[[We have stood down temporarily to let the UK government do "
                "their investigation and their audit.]]\n\n“[[This is going to be a never-ending "
                "battle.]]”\n");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 2);
  CHECK(all[0].rule == "quote-verified");
  CHECK(all[0].evidence[0].id == "q-audit");
  CHECK(all[0].span.overlaps(a.range(0)));
  CHECK(all[1].rule == "quote-verified");
  CHECK(all[1].evidence[0].id == "q-battle");
  CHECK(all[1].span.overlaps(a.range(1)));
}

TEST_CASE("a pronoun that cannot mean the recorded speaker is a misattribution") {
  Annotations a("Cambridge Analytica denied it. [[“This is going to be a never-ending battle,” "
                "[[it]]]] said.");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 1);
  CHECK(all[0].rule == "quote-misattributed");
  CHECK(all[0].span == a.range(0));
  CHECK(all[0].message.find("not Cambridge Analytica") != std::string::npos);
  REQUIRE(all[0].fixes.size() == 1);
  CHECK(all[0].fixes[0].edits[0].span == a.range(1));
  CHECK(all[0].fixes[0].edits[0].text == "Mark Zuckerberg");
  // "he" could mean Zuckerberg even if we resolved it to someone else: not flagged.
  CHECK_FALSE(hasWarning(analyze("Mr Graham questioned Mr Zuckerberg. “This is going to be a "
                                 "never-ending battle,” he said.")));
  CHECK_FALSE(
      hasWarning(analyze("Mr Zuckerberg spoke.\n\nLater, Mr Graham took the floor.\n\n“This "
                         "is going to be a never-ending battle,” he said.")));
}

TEST_CASE("a pronoun only one person can be is as plain as their name") {
  // Graham is the only man the draft has named: "he" is Graham.
  Annotations a("Mr Graham spoke first. [[“This is going to be a never-ending battle,” "
                "[[he]]]] said.");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 1);
  CHECK(all[0].rule == "quote-misattributed");
  CHECK(all[0].message.find("not Lindsey Graham") != std::string::npos);
  CHECK(all[0].fixes.at(0).edits.at(0).span == a.range(1));
  // The sentence before names him alone, in the same paragraph: "He said:" goes on with him,
  // though Zuckerberg was named paragraphs before.
  CHECK(only("Mr Zuckerberg spoke.\n\nSenator Lindsey Graham asked about apps. He said: “This "
             "is going to be a never-ending battle.”")
            .rule == "quote-misattributed");
  // A reply to a question is the other party's: not the asker's.
  CHECK_FALSE(hasWarning(
      analyze("Senator Graham pressed him. “Is there an alternative?” Graham asked. “It certainly "
              "doesn't feel that way to me,” he replied.")));
  // A question's asker is the name after it, not the speaker before.
  auto asked = analyze("Zuckerberg testified for hours. “Would you share the name of the hotel "
                       "you stayed in last night?” Mr Graham asked.");
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].attributed_to == "graham");
}

TEST_CASE("five words rare in the base are distinctive enough to be misattributed") {
  Annotations a("[[“You never fully solve security,” [[Mr Graham]]]] said.");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 1);
  CHECK(all[0].rule == "quote-misattributed");
  CHECK(all[0].span == a.range(0));
  CHECK(all[0].fixes.at(0).edits.at(0).span == a.range(1));
  // Five words, but common ones: anyone may have said them.
  CHECK_FALSE(hasWarning(analyze("“that was a huge mistake,” Mr Graham said.")));
  CHECK_FALSE(hasWarning(analyze("“We didn't do enough,” Ms Sandberg said.")));
}

TEST_CASE("a proper name the base does not know is given someone else's distinctive words") {
  Annotations a("[[“This is going to be a never-ending battle,” said [[Senator Jane Roe]]]].");
  auto all = analyze(a.text());
  REQUIRE(all.size() == 1);
  CHECK(all[0].rule == "quote-misattributed");
  CHECK(all[0].span == a.range(0));
  CHECK(all[0].message == "These words are on record from Mark Zuckerberg (conference call with "
                          "reporters, 4 April 2018), not Senator Jane Roe.");
  CHECK(all[0].fixes.at(0).edits.at(0).span == a.range(1));
  CHECK(all[0].fixes.at(0).edits.at(0).text == "Mark Zuckerberg");
  CHECK(only("“We never put out the 50 million number, that was somebody else,” Jane Roe said.")
            .rule == "quote-misattributed");
  // A description saying what the speaker is (a reporter, critics) that the recorded speaker is
  // not gives his words to someone else too; one he may be, or words nobody recorded, do not.
  CHECK(only("“This is going to be a never-ending battle,” a BBC reporter said.").rule ==
        "quote-misattributed");
  CHECK(only("Critics said: “This is going to be a never-ending battle.”").rule ==
        "quote-misattributed");
  CHECK(analyze("The rest said: “This is going to be a never-ending battle.”").empty());
  CHECK(analyze("“We will fix everything by Friday,” Jane Roe said.").empty());
  CHECK(analyze("“We didn't do enough,” Jane Roe said.").empty());
}

TEST_CASE("a compound spelt without its hyphen is the recorded word") {
  Finding f = only("“This is going to be a never ending battle,” Zuckerberg said.");
  CHECK(f.rule == "quote-verified");
  Annotations a("“This is going to be a never ending [[fight]],” Zuckerberg said.");
  f = only(a.text());
  CHECK(f.rule == "quote-altered");
  CHECK(f.message.find("'fight' where the record has 'battle'") != std::string::npos);
  REQUIRE(f.fixes.size() == 1);
  CHECK(f.fixes[0].edits.at(0).text == "This is going to be a never-ending battle");
}

TEST_CASE("words moved within a quote are reported as moved") {
  Finding f = only("“My top priority has always been our social mission of building community, "
                   "connecting people and bringing the world closer together,” Zuckerberg said.");
  CHECK(f.rule == "quote-altered");
  CHECK(f.message.find("moves 'connecting people'") != std::string::npos);
  CHECK(f.message.find("omits") == std::string::npos);
}

TEST_CASE("recorded sentences put in another order are altered, and the fix restores the order") {
  Annotations a("“[[You never fully solve security. This is going to be a never-ending battle]],” "
                "Zuckerberg said.");
  Finding f = only(a.text());
  CHECK(f.rule == "quote-altered");
  CHECK(f.message.find("puts the recorded sentences in another order") != std::string::npos);
  REQUIRE(f.fixes.size() == 1);
  REQUIRE(f.fixes[0].edits.size() == 1);
  CHECK(f.fixes[0].edits[0].span == a.range());
  CHECK(f.fixes[0].edits[0].text ==
        "This is going to be a never-ending battle. You never fully solve security");
  REQUIRE(f.diff.size() == 2);
  CHECK(f.diff[0].kind == DiffPiece::Kind::DraftOnly);
  CHECK(f.diff[1].kind == DiffPiece::Kind::RecordOnly);
}

TEST_CASE("recorded sentences joined without the words between them: an unmarked omission") {
  Finding f = only("“We didn't do enough. We didn't take a broad enough view and that was a huge "
                   "mistake,” Zuckerberg said.");
  CHECK(f.rule == "quote-altered");
  CHECK(f.message.find("omits 'We didn't focus enough on preventing abuse ... that goes for fake "
                       "news'") != std::string::npos);
  CHECK(f.fixes.at(0).edits.at(0).text.find("We didn't focus enough") != std::string::npos);
  // The same with the omission marked is the record.
  CHECK(only("“We didn't do enough. … We didn't take a broad enough view and that was a huge "
             "mistake,” Zuckerberg said.")
            .rule == "quote-verified");
  // Someone else's distinctive words, joined so: misattributed and altered.
  f = only("“We didn't do enough. We didn't take a broad enough view and that was a huge "
           "mistake,” Ms Sandberg said.");
  CHECK(f.rule == "quote-misattributed");
  CHECK(f.message.find("and altered: omits") != std::string::npos);
}

TEST_CASE("an occasion the draft places the words before or after is not where they were said") {
  CHECK_FALSE(hasWarning(analyze("“We never put out the 50 million number, that was other "
                                 "parties,” Zuckerberg said, days before the Senate hearing.")));
  CHECK_FALSE(hasWarning(analyze("A week before the hearing, Zuckerberg said: “This is going to be "
                                 "a never-ending battle.”")));
  CHECK_FALSE(hasWarning(analyze("“This is going to be a never-ending battle,” Zuckerberg said as "
                                 "he prepared for the Senate hearing.")));
  CHECK(only("“We never put out the 50 million number, that was other parties,” Zuckerberg said at "
             "the Senate hearing, before lunch.")
            .rule == "quote-wrong-occasion");
}

TEST_CASE("words a speaker quotes from someone else are not theirs") {
  // Graham quoting Zuckerberg back is neither Graham's misattributed words nor an altered quote.
  CHECK_FALSE(hasWarning(analyze("“You said ‘This is going to be a never-ending battle’,” Mr "
                                 "Graham said.")));
  // A term in scare quotes stays part of the speaker's words.
  CHECK(only("“This is going to be a never-ending ‘battle’,” Zuckerberg said.").rule ==
        "quote-verified");
}

TEST_CASE("draft words where the source marked an omission are added, not changed") {
  // Words past the record's own "..." may be what the source left out: the quote goes on past
  // the record, which is only partly on record, an Information note without a fix.
  Finding f = only("“We didn't focus enough on preventing abuse of the platform,” Zuckerberg "
                   "said.");
  CHECK(f.rule == "quote-unverified");
  CHECK(f.severity == Severity::Information);
  CHECK(f.message.find("Partly on record") != std::string::npos);
  CHECK(f.message.find("adds 'of the platform'") != std::string::npos);
  CHECK(f.message.find("that goes for") == std::string::npos);
  CHECK(f.fixes.empty());
  // A word changed inside the recorded words is still altered, with the fix.
  Annotations a("“[[We didn't focus enough on preventing fraud]],” Zuckerberg said.");
  Finding g = only(a.text());
  CHECK(g.rule == "quote-altered");
  CHECK(g.severity == Severity::Warning);
  REQUIRE(g.fixes.size() == 1);
  CHECK(g.fixes[0].edits.at(0).span == a.range());
  CHECK(g.fixes[0].edits.at(0).text == "We didn't focus enough on preventing abuse");
}

TEST_CASE("how much a difference matters sets the severity") {
  // Only a contraction spelled out: the record's words, an Information note.
  Finding c = only("“We did not do enough,” Zuckerberg said.");
  CHECK(c.rule == "quote-altered");
  CHECK(c.severity == Severity::Information);
  CHECK(c.message.find("only in contractions") != std::string::npos);
  // Words before the record's, none changed: partly on record.
  Finding p = only("“Yes. This is going to be a never-ending battle,” Zuckerberg said.");
  CHECK(p.rule == "quote-unverified");
  CHECK(p.severity == Severity::Information);
  CHECK(p.message.find("adds 'Yes'") != std::string::npos);
  // One small word heard as another, as transcripts do: a note.
  Finding t = only("“We didn't focus enough on preventing abuse ... that goes from fake news,” "
                   "Zuckerberg said.");
  CHECK(t.severity == Severity::Information);
  CHECK(t.message.find("small words") != std::string::npos);
  // A word changed: a Warning.
  CHECK(only("“This is going to be a never-ending fight,” Zuckerberg said.").severity ==
        Severity::Warning);
  // The draft names another occasion than the nearest record's: the record does not correct it.
  Finding o = only("At the hearing, Zuckerberg said: “This is going to be a never-ending fight.”");
  CHECK(o.rule == "quote-unverified");
  CHECK(o.severity == Severity::Information);
  // The draft's setting: the paragraph names the hearing, the record is the call's.
  Finding s = only("At the Senate hearing things were tense. “This is going to be a never-ending "
                   "fight,” Zuckerberg said.");
  CHECK(s.severity == Severity::Information);
  CHECK(s.message.find("Not on record from the Senate hearing") != std::string::npos);
  // A heading names the section's occasion: by a name of its own it keeps the record of another
  // occasion from calling the quote altered; by a word like "Senate" alone it does not.
  Finding h = only("# The Senate hearing\n\nThings were tense. “This is going to be a "
                   "never-ending fight,” Zuckerberg said.");
  CHECK(h.severity == Severity::Information);
  Finding g = only("# What the Senate asked\n\nThings were tense. “This is going to be a "
                   "never-ending fight,” Zuckerberg said.");
  CHECK(g.rule == "quote-altered");
  CHECK(g.severity == Severity::Warning);
}

TEST_CASE("words of one occasion quoted in the setting of another are the wrong occasion") {
  // The section's heading sets the hearing; the words are the call's, verbatim.
  Finding h = only("# The Senate hearing\n\nThings were tense. “This is going to be a "
                   "never-ending battle,” Zuckerberg said.");
  CHECK(h.rule == "quote-wrong-occasion");
  CHECK(h.message.find("The draft sets the quote there") != std::string::npos);
  // The paragraph names the call too: no claim about where they were said.
  CHECK(only("# The Senate hearing\n\nOn the call with reporters things were tense. “This is "
             "going to be a never-ending battle,” Zuckerberg said.")
            .rule == "quote-verified");
  // The opening of a draft that is no live blog sets nothing so close.
  CHECK(only("The Senate hearing was long.\n\nThings were tense.\n\n“This is going to be a "
             "never-ending battle,” Zuckerberg said.")
            .rule == "quote-verified");
}

TEST_CASE("a misspelt name of the recorded speaker is no other person") {
  CHECK_FALSE(hasWarning(analyze("“This is going to be a never-ending battle,” Zuckerburg said.")));
  CHECK_FALSE(
      hasWarning(analyze("“This is going to be a never-ending battle,” Mr Zuckerbeg said.")));
  CHECK(only("“This is going to be a never-ending battle,” Goldberg said.").rule ==
        "quote-misattributed");
}

TEST_CASE("a not-on-record note names only a speaker the draft names plainly") {
  // Named: the note.
  CHECK(only("“We will fix everything by Friday,” Zuckerberg said.").rule == "quote-unverified");
  // A quote standing alone after another speaker's, with no name: no note.
  auto alone = analyze("“We didn't do enough,” Zuckerberg said.\n\nMr Graham stood up.\n\n"
                       "“You talked about your humble beginnings.”");
  CHECK(std::none_of(alone.begin(), alone.end(),
                     [](const Finding &f) { return f.rule == "quote-unverified"; }));
  // A title in quotation marks is no one's words.
  CHECK(analyze("Zuckerberg said the app was called “This Is Your Digital Life”.").empty());
  CHECK(analyze("Zuckerberg said the app was called “This is Your Digital Life”.").empty());
}

TEST_CASE("a draft dated before the record's occasion is not quoting it") {
  // A dateline of its own, the record's own day: the words may be the record's, altered.
  auto dated = analyze("Apr 4, 2018\n\nZuckerberg spoke to reporters.\n\n“This is going to be "
                       "a never-ending fight,” Zuckerberg said.");
  REQUIRE(dated.size() == 1);
  CHECK(dated[0].severity == Severity::Warning); // the call's record, dated 4 April: still altered
  auto early = analyze("3 April 2018\n\nZuckerberg spoke.\n\n“This is going to be a never-ending "
                       "fight,” Zuckerberg said.");
  REQUIRE(early.size() == 1);
  CHECK(early[0].severity == Severity::Information);
  CHECK(early[0].message.find("the draft's date") != std::string::npos);
  // A timeline's entry is no dateline.
  auto entry = analyze("**3 April 2018** — Zuckerberg spoke.\n\n“This is going to be a "
                       "never-ending fight,” Zuckerberg said.");
  REQUIRE(entry.size() == 1);
  CHECK(entry[0].severity == Severity::Warning);
}

TEST_CASE("words addressing the speaker, or a question with no asking, are not noted as theirs") {
  // Addressed to him: the senator's words, not his.
  CHECK(
      analyze("“Mr Zuckerberg, would you share the name of your hotel?” Zuckerberg said.").empty());
  // A question given him by a verb of answering: the asker's.
  CHECK(analyze("Here is how Zuckerberg responded to the question, “Do you think you are the best "
                "person to run it?”")
            .empty());
  // Asked by him: his question, and a note.
  CHECK(only("“Do you think we did enough?” Zuckerberg asked.").rule == "quote-unverified");
}
