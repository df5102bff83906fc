// Tests for QuoteExtractor: every quotation form, with the expected quoted words marked [[...]].
#include <catch2/catch.hpp>

#include "analyzers/quote_extractor.h"
#include "annotations.h"
#include "test_facts.h"

using factline::analyzers::Document;
using factline::analyzers::DraftFormat;
using factline::analyzers::extractQuotations;
using factline::analyzers::Quotation;
using factline::analyzers::QuoteStyle;
using factline::analyzers::Span;
using factline::tests::Annotations;

namespace {

// The quoted words of every terminated quotation, in order (all depths).
std::vector<Span> quotedWords(const std::string &text, DraftFormat format = DraftFormat::Markdown) {
  Document doc(text, format);
  std::vector<Span> out;
  for (const Quotation &q : extractQuotations(doc))
    if (q.terminated)
      out.push_back(q.words);
  return out;
}

void checkMarked(std::string_view marked, DraftFormat format = DraftFormat::Markdown) {
  Annotations a(marked);
  INFO(a.text());
  auto got = quotedWords(a.text(), format);
  std::vector<std::string> got_text, want_text;
  for (Span s : got)
    got_text.emplace_back(a.of(s));
  for (Span s : a.ranges())
    want_text.emplace_back(a.of(s));
  CHECK(got_text == want_text);
  CHECK(got == a.ranges());
}

} // namespace

TEST_CASE("straight and curly double quotation marks") {
  checkMarked("He said \"[[We didn't do enough.]]\" and left.");
  checkMarked("“[[We didn't do enough,]]” Zuckerberg said.");
  checkMarked("“[[Mixed marks close too,]]\" he said. \"[[And again.]]”");
  checkMarked("Guillemets: «[[Nous avons fait une erreur]]», a-t-il dit.");
  checkMarked("German: „[[Wir haben nicht genug getan]]“, sagte er.");
}

TEST_CASE("single quotation marks are told from apostrophes") {
  checkMarked("Facebook said the '[[scraping]]' had been discovered.");
  checkMarked("Facebook's users didn't know the ‘[[scraping]]’ happened.");
  checkMarked("In the '90s nobody said '[[rock 'n' roll]]' was ‘[[over]]’.");
  checkMarked("The students' union said '[[no]]'.");
  checkMarked("‘[[We didn’t do enough,]]’ Zuckerberg said of the ’90s.");
  checkMarked("It was '[[the students' union]]' that '[[won]]'", DraftFormat::PlainText);
}

TEST_CASE("nested quotations are found inside the outer one") {
  Annotations a("“[[He called it a ‘[[huge mistake]]’ on the call,]]” she said.");
  Document doc(a.text(), DraftFormat::Markdown);
  auto qs = extractQuotations(doc);
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].words == a.range(0));
  CHECK(qs[0].depth == 0);
  CHECK(qs[1].words == a.range(1));
  CHECK(qs[1].depth == 1);
  CHECK(qs[1].style == QuoteStyle::Single);
}

TEST_CASE("a fragment quoted mid-sentence") {
  checkMarked("Zuckerberg called it a “[[huge mistake]]” and a \"[[closed case]]\" on Tuesday.");
}

TEST_CASE("a quotation running over several paragraphs") {
  Annotations a("“[[Life is about learning from the mistakes.\n\n"
                "“The reality is that you mess up.\n\n"
                "“And if we had gotten this right, we would have messed something else up.]]”\n\n"
                "Then he left.\n");
  Document doc(a.text(), DraftFormat::Markdown);
  auto qs = extractQuotations(doc);
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].terminated);
  CHECK(qs[0].multi_paragraph);
  CHECK(qs[0].words == a.range());
}

TEST_CASE("an unterminated quotation ends at its paragraph and is marked") {
  Annotations a("Zuckerberg said [[“]]we didn't do enough.\n\n"
                "Facebook said “[[improperly]]” shared.\n");
  Document doc(a.text(), DraftFormat::Markdown);
  auto qs = extractQuotations(doc);
  REQUIRE(qs.size() == 2);
  CHECK_FALSE(qs[0].terminated);
  CHECK(qs[0].open == a.range(0));
  CHECK(qs[0].words.end == doc.blocks()[0].span.end); // the rest of the draft is not swallowed
  CHECK(qs[1].terminated);
  CHECK(qs[1].words == a.range(1));
}

TEST_CASE("an unterminated straight quotation inside a paragraph of others") {
  Document doc("He said \"no\" and then \"maybe so.\n\nNext paragraph.", DraftFormat::Markdown);
  auto qs = extractQuotations(doc);
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].terminated);
  CHECK_FALSE(qs[1].terminated);
}

TEST_CASE("a stray closing mark opens nothing") {
  CHECK(quotedWords("A 15\" screen and a 17\" one.").empty());
  CHECK(quotedWords("It ended.” Then nothing.").empty());
}

TEST_CASE("code, comments, front matter and link destinations hold no quotations") {
  const std::string text =
      "---\ntitle: \"Draft: a title\"\n---\n\n"
      "```\n\"We didn't do enough,\" said nobody.\n```\n\n"
      "<!-- \"We didn't focus enough,\" an editor's comment -->\n\n"
      "Use `\"inline code\"` and [a link](https://x.org/\"path\" \"title\").\n\n"
      "    \"indented code\"\n\n"
      "Real: “[[We didn't do enough.]]”\n";
  checkMarked(std::string("---\ntitle: \"Draft: a title\"\n---\n\n") +
              "```\n\"We didn't do enough,\" said nobody.\n```\n\n"
              "<!-- \"We didn't focus enough,\" an editor's comment -->\n\n"
              "Use `\"inline code\"` and [a link](https://x.org/p \"title\").\n\n"
              "    \"indented code\"\n\n"
              "Real: “[[We didn't do enough.]]”\n");
  (void)text;
}

TEST_CASE("a block quote with quotation marks and a credit line") {
  Annotations a("> “[[Across the board, we have a responsibility.]]”\n"
                "> — [[Mark Zuckerberg]], 10 April 2018\n\nAfter.\n");
  Document doc(a.text(), DraftFormat::Markdown);
  auto qs = extractQuotations(doc);
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].words == a.range(0));
  CHECK(qs[0].credit == a.range(1));
}

TEST_CASE("a block quote without quotation marks, credited on the line after") {
  for (std::string dash : {"—", "--", "―"}) {
    Annotations a("Intro.\n\n> [[We didn't do enough.\n>\n> We didn't focus enough.]]\n\n" + dash +
                  " [[Mark Zuckerberg]] (on a call)\n");
    Document doc(a.text(), DraftFormat::Markdown);
    auto qs = extractQuotations(doc);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].style == QuoteStyle::BlockQuote);
    CHECK(qs[0].words == a.range(0));
    CHECK(qs[0].credit == a.range(1));
  }
}

TEST_CASE("a block quote with no credit line is an excerpt, not a quotation") {
  CHECK(quotedWords("> Some excerpt of a report.\n\nText.").empty());
}

TEST_CASE("a quote standing as its own paragraph takes a credit line below it") {
  Annotations a("“[[We didn't do enough.]]”\n— [[Mark Zuckerberg]]\n");
  Document doc(a.text(), DraftFormat::Markdown);
  auto qs = extractQuotations(doc);
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].credit == a.range(1));
}

TEST_CASE("a quotation interrupted by a caption is not reported as unterminated") {
  Annotations a("“[[Life is about learning from the mistakes.\n\n"
                "“The reality is that you mess up.]]\n\n"
                "A file photo of the speaker. Source: AAP\n\n"
                "“[[And if we had gotten this right, we would have messed something else up.]]”\n");
  Document doc(a.text(), DraftFormat::Markdown);
  auto qs = extractQuotations(doc);
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].terminated);
  CHECK(qs[0].words == a.range(0));
  CHECK(qs[1].words == a.range(1));
  // Without a sentence end before the interruption, it is a typo.
  Document typo("“We didn't do enough\n\nA caption\n\n“Something else.”\n", DraftFormat::Markdown);
  CHECK_FALSE(extractQuotations(typo)[0].terminated);
}

TEST_CASE("the paragraphs of an unmarked block quote keep their first letters when split") {
  Annotations a("> [[One paragraph of the record.]]\n>\n> [[But another follows it.]]\n>\n"
                "> — Mark Zuckerberg\n");
  Document doc(a.text(), DraftFormat::Markdown);
  auto quotes = extractQuotations(doc);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].style == QuoteStyle::BlockQuote);
  auto parts = factline::analyzers::splitParagraphs(doc, quotes[0]);
  REQUIRE(parts.size() == 2);
  CHECK(a.of(parts[0].words) == a.of(a.range(0)));
  CHECK(a.of(parts[1].words) == a.of(a.range(1)));
  // A quotation's continuation mark is still left out of the later paragraph's words.
  Annotations b("“[[One paragraph.]]\n\n“[[Another.]]”\n");
  Document doc2(b.text(), DraftFormat::Markdown);
  auto marked = extractQuotations(doc2);
  REQUIRE(marked.size() == 1);
  auto parts2 = factline::analyzers::splitParagraphs(doc2, marked[0]);
  REQUIRE(parts2.size() == 2);
  CHECK(b.of(parts2[1].words) == b.of(b.range(1)));
}

TEST_CASE("an outermost quotation lists the quotations nested in it") {
  Annotations a("“You said [[‘we didn't do enough’]] and [[‘sorry’]],” he said. “Next.”");
  Document doc(a.text(), DraftFormat::Markdown);
  auto quotes = extractQuotations(doc);
  REQUIRE(quotes.size() == 4);
  CHECK(quotes[0].nested == a.ranges());
  CHECK(quotes[3].nested.empty());
}

TEST_CASE("a transcript's speaker turns are quotations credited to their labels") {
  checkMarked("Senator Thune: [[Would you work with us on regulation?]]\n\n"
              "ZUCKERBERG: [[We will work with you on that.]]\n\n"
              "**Sen. Nelson:** [[Do you sell the data of users?]]",
              DraftFormat::PlainText);
  checkMarked("SEN. JOHN THUNE (R-S.D.): [[Would you work with us on regulation?]]\n\n"
              "MR. ZUCKERBERG: [[We will work with you on that.]]",
              DraftFormat::PlainText);
  Document doc("Thune: Would you work with us?\n\nZuckerberg: We will work with you.\n",
               DraftFormat::PlainText);
  auto all = extractQuotations(doc);
  REQUIRE(all.size() == 2);
  CHECK(all[1].style == QuoteStyle::Turn);
  CHECK(doc.prose().substr(all[1].credit.begin, all[1].credit.end - all[1].credit.begin) ==
        "Zuckerberg");
  // Marks inside a turn say what is quoted; short answers and notes are not turns.
  checkMarked("Thune: Would you work with us?\n\nZuckerberg: “[[We will work with you.]]”\n\n"
              "Graham: Yes.",
              DraftFormat::PlainText);
}

TEST_CASE("a lone label, notes, and list items are not speaker turns") {
  checkMarked("Zuckerberg: the week in review for Facebook.\n\nThe hearing went on for hours.");
  checkMarked("Update: the hearing has resumed after a break.\n\n"
              "Correction: an earlier version misnamed the senator.");
  checkMarked("- Zuckerberg: apologised for the data breach\n- Graham: asked about regulation of "
              "the company");
  // Notes of what each said are not their words.
  checkMarked("Zuckerberg: apologised for the breach and the mistakes.\n\n"
              "Graham: Asked whether Facebook would work with Congress.\n\n"
              "Thune: said the company's record was troubling.",
              DraftFormat::PlainText);
  // One label twice is a heading style, not a dialogue.
  checkMarked("Zuckerberg: the week in review.\n\nZuckerberg: the month in review.");
}
