// Tests for Document: the Markdown prose mask, blocks, sentences and suppression comments.
#include <catch2/catch.hpp>

#include "analyzers/document.h"

using factline::analyzers::BlockKind;
using factline::analyzers::Document;
using factline::analyzers::DraftFormat;
using factline::analyzers::Span;

namespace {

Span spanOf(const Document &doc, std::string_view needle) {
  auto at = doc.text().find(needle);
  REQUIRE(at != std::string::npos);
  return {at, at + needle.size()};
}

bool blanked(const Document &doc, std::string_view needle) {
  Span s = spanOf(doc, needle);
  for (std::size_t i = s.begin; i < s.end; ++i)
    if (doc.prose()[i] != ' ' && doc.prose()[i] != '\n')
      return false;
  return true;
}

bool kept(const Document &doc, std::string_view needle) {
  Span s = spanOf(doc, needle);
  return doc.prose().substr(s.begin, s.end - s.begin) == needle;
}

} // namespace

TEST_CASE("prose keeps offsets and length") {
  Document doc("# Title\n\nSome “text” with émoji 😀.\n", DraftFormat::Markdown);
  REQUIRE(doc.prose().size() == doc.text().size());
  CHECK(kept(doc, "Some “text” with émoji 😀."));
  CHECK(doc.prose()[0] == ' ');
}

TEST_CASE("front matter, fenced and indented code, inline code and comments are not prose") {
  const std::string text = "---\ntitle: \"Draft\"\nwords: 87\n---\n\nIntro has 3 words.\n\n"
                           "```\n\"We didn't do enough,\" 12 million\n```\n\n"
                           "Use `87 million` here.\n\n"
                           "    indented 5 million\n\n"
                           "<!-- \"quoted\" 5 million -->\nAfter.\n";
  Document doc(text, DraftFormat::Markdown);
  CHECK(blanked(doc, "words: 87"));
  CHECK(blanked(doc, "\"We didn't do enough,\" 12 million"));
  CHECK(blanked(doc, "`87 million`"));
  CHECK(blanked(doc, "indented 5 million"));
  CHECK(blanked(doc, "<!-- \"quoted\" 5 million -->"));
  CHECK(kept(doc, "Intro has 3 words."));
  CHECK(kept(doc, "After."));
}

TEST_CASE("link destinations and URLs are blanked, link text kept") {
  Document doc("See [thousands of apps](https://example.org/apps/2018/04/10 \"t\") and "
               "https://x.org/87 and <https://y.org/5>.\n",
               DraftFormat::Markdown);
  CHECK(kept(doc, "thousands of apps"));
  CHECK(blanked(doc, "](https://example.org/apps/2018/04/10 \"t\")"));
  CHECK(blanked(doc, "https://x.org/87"));
  CHECK(blanked(doc, "<https://y.org/5>"));
}

TEST_CASE("block quotes, headings and list items become their own blocks") {
  const std::string text = "# Heading 1\n\n> “Quote one”\n> — Mark Zuckerberg\n>\n> Second para\n\n"
                           "Para line one\nline two.\n\n- item one\n- item two\n\n1. numbered\n";
  Document doc(text, DraftFormat::Markdown);
  const auto &b = doc.blocks();
  REQUIRE(b.size() == 7);
  CHECK(b[0].kind == BlockKind::Heading);
  CHECK(doc.prose(b[0].span) == "Heading 1");
  CHECK(b[1].kind == BlockKind::BlockQuote);
  CHECK(doc.prose(b[1].span) == "“Quote one”\n  — Mark Zuckerberg");
  CHECK(b[2].kind == BlockKind::BlockQuote);
  CHECK(b[1].quote_group == b[2].quote_group);
  CHECK(b[3].kind == BlockKind::Paragraph);
  CHECK(doc.prose(b[3].span) == "Para line one\nline two.");
  CHECK(b[4].kind == BlockKind::ListItem);
  CHECK(doc.prose(b[4].span) == "item one");
  CHECK(b[6].kind == BlockKind::ListItem);
  CHECK(doc.prose(b[6].span) == "numbered");
}

TEST_CASE("separate block quotes get separate groups") {
  Document doc("> one\n\ntext\n\n> two\n", DraftFormat::Markdown);
  REQUIRE(doc.blocks().size() == 3);
  CHECK(doc.blocks()[0].quote_group != doc.blocks()[2].quote_group);
}

TEST_CASE("sentences split at full stops but not after abbreviations or inside numbers") {
  Document doc("Mr Zuckerberg said shares rose 4.5 per cent. He spoke to the U.S. Senate. "
               "“It was my mistake.” He apologised! Did he? Yes.",
               DraftFormat::PlainText);
  std::vector<std::string> got;
  for (auto &s : doc.sentences())
    got.emplace_back(doc.prose(s.span));
  REQUIRE(got.size() == 6);
  CHECK(got[0] == "Mr Zuckerberg said shares rose 4.5 per cent.");
  CHECK(got[1] == "He spoke to the U.S. Senate.");
  CHECK(got[2] == "“It was my mistake.”");
  CHECK(got[5] == "Yes.");
  CHECK(doc.sentenceAt(doc.text().find("apologised")) == 3);
}

TEST_CASE("a question mark that closes a quotation before its attribution ends no sentence") {
  Document doc("“Would you share the names?” Durbin asked. “Did you?” He paused. “Why?” she said.",
               DraftFormat::PlainText);
  std::vector<std::string> got;
  for (auto &s : doc.sentences())
    got.emplace_back(doc.prose(s.span));
  REQUIRE(got.size() == 4);
  CHECK(got[0] == "“Would you share the names?” Durbin asked.");
  CHECK(got[1] == "“Did you?”");
  CHECK(got[2] == "He paused.");
  CHECK(got[3] == "“Why?” she said.");
}

TEST_CASE("a lowercase word after a full stop does not start a sentence") {
  Document doc("Once that's done we'll resume ours … and ultimately finish.",
               DraftFormat::PlainText);
  CHECK(doc.sentences().size() == 1);
}

TEST_CASE("plain text is not read as Markdown") {
  Document doc("# not a heading\n`kept` <!-- kept -->\n", DraftFormat::PlainText);
  CHECK(kept(doc, "# not a heading"));
  CHECK(kept(doc, "`kept` <!-- kept -->"));
}

TEST_CASE("suppression comments") {
  const std::string text =
      "One 1.\n\n<!-- factline-disable-next-line -->\nTwo 2.\n\nThree 3.\n\n"
      "<!-- factline-disable -->\nFour 4.\n<!-- factline-enable -->\nFive 5.\n";
  Document doc(text, DraftFormat::Markdown);
  CHECK_FALSE(doc.suppressed(spanOf(doc, "One")));
  CHECK(doc.suppressed(spanOf(doc, "Two")));
  CHECK_FALSE(doc.suppressed(spanOf(doc, "Three")));
  CHECK(doc.suppressed(spanOf(doc, "Four")));
  CHECK_FALSE(doc.suppressed(spanOf(doc, "Five")));
}

TEST_CASE("CRLF line endings") {
  Document doc("# Title\r\n\r\nFirst line.\r\nSecond.\r\n", DraftFormat::Markdown);
  REQUIRE(doc.blocks().size() == 2);
  CHECK(doc.prose(doc.blocks()[1].span) == "First line. \nSecond.");
  CHECK(doc.lineOf(doc.text().find("Second")) == 3);
  CHECK(doc.lineStart(3) == doc.text().find("Second"));
}

TEST_CASE("thematic breaks and setext headings") {
  Document doc("Title\n=====\n\ntext\n\n---\n\n***\n", DraftFormat::Markdown);
  REQUIRE(doc.blocks().size() == 2);
  CHECK(doc.blocks()[0].kind == BlockKind::Heading);
  CHECK(blanked(doc, "====="));
  CHECK(blanked(doc, "***"));
}

TEST_CASE("an unclosed factline-disable runs to the end of the file") {
  const std::string text = "One 1.\n\n<!-- factline-disable -->\nTwo 2.\n\nThree 3.\n\n# Four\n\nFive 5.";
  Document doc(text, DraftFormat::Markdown);
  CHECK_FALSE(doc.suppressed(spanOf(doc, "One")));
  CHECK(doc.suppressed(spanOf(doc, "Two")));
  CHECK(doc.suppressed(spanOf(doc, "Three")));
  CHECK(doc.suppressed(spanOf(doc, "Four")));
  CHECK(doc.suppressed(spanOf(doc, "Five 5."))); // the last byte, with no newline after it
}

// Markdown structure as CommonMark (https://spec.commonmark.org/0.30/) reads it: what is prose
// and what is code, a heading, a list item or a block quote.
TEST_CASE("a fence closes only with a fence of its own character, at least as long") {
  const std::string text = "````\n```\nshort fence 5 million\n```\nstill code 6 million\n````\n\n"
                           "~~~ python\n```\ntilde 7 million\n~~~\n\nAfter the fences.\n";
  Document doc(text, DraftFormat::Markdown);
  CHECK(blanked(doc, "short fence 5 million"));
  CHECK(blanked(doc, "still code 6 million"));
  CHECK(blanked(doc, "tilde 7 million"));
  CHECK(kept(doc, "After the fences."));
  REQUIRE(doc.blocks().size() == 1);
  CHECK(doc.prose(doc.blocks()[0].span) == "After the fences.");
}

TEST_CASE("an unclosed fence runs to the end of the document") {
  Document doc("Before.\n\n```\ncode 5 million\n\nmore code 6 million\n", DraftFormat::Markdown);
  CHECK(kept(doc, "Before."));
  CHECK(blanked(doc, "code 5 million"));
  CHECK(blanked(doc, "more code 6 million"));
  CHECK(doc.blocks().size() == 1);
}

TEST_CASE("a list item continued by an indented paragraph, and a paragraph by an indented line") {
  // Two spaces (the item's content indent) continue the item with a paragraph of prose.
  Document para("- foo\n\n  bar 5 million\n", DraftFormat::Markdown);
  CHECK(kept(para, "bar 5 million"));
  // An indented line right after a paragraph continues it (no code without a blank line).
  Document lazy("Para line one\n    still prose 5 million\n", DraftFormat::Markdown);
  CHECK(kept(lazy, "still prose 5 million"));
  REQUIRE(lazy.blocks().size() == 1);
  CHECK(lazy.blocks()[0].kind == BlockKind::Paragraph);
}

TEST_CASE("a setext heading underlined with dashes, and a thematic break after a blank line") {
  Document doc("Subtitle\n--------\n\ntext\n\n---\n\nend\n", DraftFormat::Markdown);
  const auto &b = doc.blocks();
  REQUIRE(b.size() == 3);
  CHECK(b[0].kind == BlockKind::Heading);
  CHECK(doc.prose(b[0].span) == "Subtitle");
  CHECK(blanked(doc, "--------"));
  CHECK(b[1].kind == BlockKind::Paragraph);
  CHECK(doc.prose(b[1].span) == "text");
  CHECK(blanked(doc, "\n---\n"));
  CHECK(b[2].kind == BlockKind::Paragraph);
  CHECK(doc.prose(b[2].span) == "end");
}

TEST_CASE("ATX headings: closing hashes are not prose, seven hashes are not a heading") {
  Document doc("## Title ##\n\n####### not a heading\n", DraftFormat::Markdown);
  const auto &b = doc.blocks();
  REQUIRE(b.size() == 2);
  CHECK(b[0].kind == BlockKind::Heading);
  CHECK(doc.prose(b[0].span).find("Title") == 0);
  CHECK(b[1].kind == BlockKind::Paragraph);
}

TEST_CASE("block quotes: the markers of nested quotes are not prose") {
  Document nested("> > nested words\n", DraftFormat::Markdown);
  REQUIRE(nested.blocks().size() == 1);
  CHECK(nested.blocks()[0].kind == BlockKind::BlockQuote);
  CHECK(nested.prose(nested.blocks()[0].span) == "nested words");
}

TEST_CASE("HTML comments over several lines and inside a paragraph are not prose") {
  Document doc("Before <!-- a 5 million\nnote --> after.\n\n<!--\n6 million\n\n7 million\n-->\n\nEnd.\n",
               DraftFormat::Markdown);
  CHECK(blanked(doc, "<!-- a 5 million\nnote -->"));
  CHECK(kept(doc, "Before"));
  CHECK(kept(doc, "after."));
  CHECK(blanked(doc, "6 million"));
  CHECK(blanked(doc, "7 million"));
  CHECK(kept(doc, "End."));
}
