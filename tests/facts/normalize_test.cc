// Tests for tokenize/normalizeText/foldWord/isValidUtf8: folding, gaps, brackets, exact offsets.
#include <catch2/catch.hpp>

#include <algorithm>

#include "facts/normalize.h"

using namespace factline::facts;

namespace {

std::vector<std::string> norms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token &t : tokenize(text))
    out.push_back(t.kind == TokenKind::Gap         ? "<gap>"
                  : t.kind == TokenKind::Editorial ? "[" + t.norm + "]"
                                                   : t.norm);
  return out;
}

// The bytes of `text` each token covers.
std::vector<std::string> spans(std::string_view text) {
  std::vector<std::string> out;
  for (const Token &t : tokenize(text))
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("words are case folded and split on punctuation and spaces", "[normalize]") {
  CHECK(norms("We didn't do ENOUGH.") == V{"we", "didn't", "do", "enough"});
  CHECK(norms("  hello,\tworld!\n") == V{"hello", "world"});
}

TEST_CASE("curly and straight quotes and apostrophes fold to one apostrophe", "[normalize]") {
  CHECK(norms("didn\u2019t") == V{"didn't"});
  CHECK(norms("didn\u2018t") == V{"didn't"});
  CHECK(norms("didn\u2032t") == V{"didn't"});
  CHECK(norms("didn\u02BCt") == V{"didn't"});
  CHECK(norms("Facebook\u2019s") == V{"facebook's"});
  // Quotation marks around words are dropped, an apostrophe at a word's edge too.
  CHECK(norms("\u201Chuge mistake\u201D") == V{"huge", "mistake"});
  CHECK(norms("'scraping'") == V{"scraping"});
  CHECK(norms("\u2018improperly\u2019") == V{"improperly"});
  CHECK(norms("users' data") == V{"users", "data"});
}

TEST_CASE("hyphens stay inside words, dashes separate", "[normalize]") {
  CHECK(norms("a never-ending battle") == V{"a", "never-ending", "battle"});
  CHECK(norms("never\u2010ending") == V{"never-ending"});
  CHECK(norms("never\u2011ending") == V{"never-ending"});
  CHECK(norms("security\u2014it's") == V{"security", "it's"});
  CHECK(norms("security \u2013 it's") == V{"security", "it's"});
  CHECK(norms("security--it's") == V{"security", "it's"});
  CHECK(norms("-dash- at edges") == V{"dash", "at", "edges"});
}

TEST_CASE("numbers keep their inner separators", "[normalize]") {
  CHECK(norms("311,127 Australians") == V{"311,127", "australians"});
  CHECK(norms("4.5 per cent") == V{"4.5", "per", "cent"});
  CHECK(norms("87,000,000.") == V{"87,000,000"});
  CHECK(norms("In 2018, 87 people.") == V{"in", "2018", "87", "people"});
  CHECK(norms("end.Next") == V{"end", "next"});
}

TEST_CASE("NFKC and case folding", "[normalize]") {
  CHECK(norms("\uFB01nal") == V{"final"});        // ﬁ ligature
  CHECK(norms("\uFF21\uFF22\uFF23") == V{"abc"}); // fullwidth letters
  CHECK(norms("Stra\u00DFe") == V{"strasse"});    // ß case folds to ss
  CHECK(norms("Cafe\u0301") == V{"caf\u00E9"});   // combining accent composes
  CHECK(norms("CAF\u00C9") == V{"caf\u00E9"});
  CHECK(norms("soft\u00ADhyphen") == V{"softhyphen"}); // ignorable format character
  CHECK(foldWord("Zuckerberg\u2019s") == "zuckerberg's");
  CHECK(foldWord("\uFF2D\uFF52") == "mr");
}

TEST_CASE("ellipses become gap tokens", "[normalize]") {
  CHECK(norms("preventing abuse ... that goes") ==
        V{"preventing", "abuse", "<gap>", "that", "goes"});
  CHECK(norms("ours \u2026 and") == V{"ours", "<gap>", "and"});
  CHECK(norms("ours. . . and") == V{"ours", "<gap>", "and"});
  CHECK(norms("ours....and") == V{"ours", "<gap>", "and"});
  CHECK(norms("...bringing") == V{"<gap>", "bringing"});
  CHECK(norms("abuse... \u2026 that") == V{"abuse", "<gap>", "that"}); // one omission
  CHECK(norms("end. Next") == V{"end", "next"});
  CHECK(norms("end.. Next") == V{"end", "next"});
  CHECK(normalizeText("Ours \u2026 and Then") == "ours \u2026 and then");
}

TEST_CASE("words inside square brackets are editorial", "[normalize]") {
  CHECK(norms("to let the [UK government] do") ==
        V{"to", "let", "the", "[uk]", "[government]", "do"});
  CHECK(normalizeText("to let the [UK government] do") == "to let the do");
  // A "[" that nothing closes is punctuation: it must not hide the rest of the quote.
  CHECK(norms("a [stray bracket") == V{"a", "stray", "bracket"});
  CHECK(norms("an [omission \u2026] here") == V{"an", "[omission]", "<gap>", "here"});
  CHECK(norms("[He] said") == V{"[he]", "said"});
}

TEST_CASE("offsets are exact byte offsets, multi-byte text included", "[normalize]") {
  std::string text = "\u201CWe didn\u2019t\u201D \u2014 caf\u00E9 \u2026 311,127";
  auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 5);
  CHECK(spans(text) == V{"We", "didn\u2019t", "caf\u00E9", "\u2026", "311,127"});
  CHECK(tokens[0].begin == 3); // after the 3-byte left double quotation mark
  CHECK(tokens[0].end == 5);
  CHECK(tokens[1].begin == 6);
  CHECK(tokens[1].end == 6 + 4 + 3 + 1);
  CHECK(tokens[3].kind == TokenKind::Gap);
  CHECK(tokens[4].end == text.size());
}

TEST_CASE("invalid UTF-8 separates words and is never read past", "[normalize]") {
  std::string text = "abc\xFF"
                     "def \xE2\x80 ghi \xC3";
  CHECK(norms(text) == V{"abc", "def", "ghi"});
  auto tokens = tokenize(text);
  CHECK(tokens[1].begin == 4);
  CHECK(tokens[2].end == text.size() - 2);
  // A truncated sequence at the very end of the buffer.
  std::string cut = "word\xE2\x80";
  CHECK(norms(std::string_view(cut)) == V{"word"});
}

TEST_CASE("isValidUtf8 finds the first bad byte", "[normalize]") {
  std::size_t bad = 0;
  CHECK(isValidUtf8("plain ascii text that is longer than eight bytes"));
  CHECK(isValidUtf8("caf\u00E9 \u2019 \U0001F600"));
  CHECK_FALSE(isValidUtf8("0123456789\xFF", &bad));
  CHECK(bad == 10);
  CHECK_FALSE(isValidUtf8("ab\xC0\xAF", &bad)); // overlong
  CHECK(bad == 2);
  CHECK_FALSE(isValidUtf8("ab\xED\xA0\x80", &bad)); // surrogate
  CHECK(bad == 2);
  CHECK_FALSE(isValidUtf8("abc\xE2\x80", &bad)); // truncated
  CHECK(bad == 3);
  CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80", &bad)); // above U+10FFFF
  CHECK(bad == 0);
}

namespace {

// Random texts built from the characters whose neighbours decide what they are: letters, digits,
// the joiners (apostrophes, hyphens, inner separators of numbers), brackets, ellipses, non-ASCII
// letters, a soft hyphen, a curly apostrophe, an invalid byte; up to `max_pieces` of them.
enum class Pieces {
  All,
  Ascii,       // only the plain ASCII ones ("[" among them)
  AsciiNoGaps, // and none that makes "..": what foldedWordsOf reads 64 bytes a step
};
std::vector<std::string> trickyTexts(int count, Pieces alphabet, std::uint32_t max_pieces = 24) {
  std::vector<std::string> pieces = {"a",
                                     "Zu",
                                     "ck",
                                     "9",
                                     "87",
                                     "'",
                                     "`",
                                     "-",
                                     ".",
                                     ",",
                                     "[",
                                     "]",
                                     " ",
                                     "\"",
                                     "…",
                                     "é",
                                     "É",
                                     "\xC2\xAD",
                                     "\xE2\x80\x99",
                                     "\xFF",
                                     "\n",
                                     "fb",
                                     "’s",
                                     "...",
                                     "1.5",
                                     "n't",
                                     "ﬁ",
                                     "\xE2\x80\x93",
                                     "Senator"};
  if (alphabet != Pieces::All)
    std::erase_if(pieces, [](const std::string &p) {
      return std::any_of(p.begin(), p.end(),
                         [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    });
  if (alphabet == Pieces::AsciiNoGaps)
    std::erase_if(pieces, [](const std::string &p) { return p == "..." || p == "." || p == "["; });
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 8) & 0xffffffu;
  };
  std::vector<std::string> texts;
  for (int round = 0; round < count; ++round) {
    std::string text;
    const std::uint32_t length = next() % max_pieces;
    for (std::uint32_t k = 0; k < length; ++k)
      text += pieces[next() % pieces.size()];
    texts.push_back(std::move(text));
  }
  return texts;
}

} // namespace

TEST_CASE("the ASCII shortcuts give the tokens the general scan gives", "[normalize]") {
  for (const std::string &text : trickyTexts(20000, Pieces::All)) {
    const auto fast = tokenize(text), general = tokenizeWithoutShortcuts(text);
    INFO("text: " << text);
    REQUIRE(fast.size() == general.size());
    for (std::size_t k = 0; k < fast.size(); ++k) {
      REQUIRE(fast[k].norm == general[k].norm);
      REQUIRE(fast[k].begin == general[k].begin);
      REQUIRE(fast[k].end == general[k].end);
      REQUIRE(fast[k].kind == general[k].kind);
    }
  }
}

TEST_CASE("foldedWordsOf gives the general scan's words, and where gaps and insertions were",
          "[normalize]") {
  FoldedWords got; // reused, as the index reuses it
  auto check = [&](const std::string &text) {
    INFO("text: " << text);
    std::vector<std::pair<std::string, bool>> want;
    bool pending = false;
    for (const Token &t : tokenizeWithoutShortcuts(text)) {
      if (t.kind != TokenKind::Word) {
        pending = true;
        continue;
      }
      want.emplace_back(t.norm, pending);
      pending = false;
    }
    foldedWordsOf(text, got);
    REQUIRE(got.words.size() == want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
      REQUIRE(std::string(got.word(got.words[k])) == want[k].first);
      REQUIRE(got.words[k].break_before == want[k].second);
    }
  };
  for (const std::string &text : trickyTexts(20000, Pieces::Ascii))
    check(text);
  for (const std::string &text : trickyTexts(5000, Pieces::All))
    check(text);
  // Across the 64-byte steps, and above the 4 KiB the steps are taken for.
  for (const std::string &text : trickyTexts(20000, Pieces::AsciiNoGaps))
    check(text);
  for (const std::string &text : trickyTexts(3000, Pieces::AsciiNoGaps, 200))
    check(text);
  for (const std::string &text : trickyTexts(50, Pieces::AsciiNoGaps, 3000))
    check(text);
  for (const std::string &text : trickyTexts(1000, Pieces::Ascii, 200))
    check(text);
  check("We didn't ... protect 87,000,000 people's data. . . [the company] was wrong, 4.5 times");
  check("It's my mistake...and I'm sorry");
  check("");
}
