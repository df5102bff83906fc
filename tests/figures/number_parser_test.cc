// Tests for NumberParser and NumberLexer: every written form of a number, its value and precision.
#include <catch2/catch.hpp>
#include <string>

#include "analyzers/number_parser.h"

using namespace factline::analyzers;

namespace {
struct Parsed {
  std::optional<StatedNumber> n;
  std::string text; // the number's span as written
};

// The number at the first token of `s`.
Parsed parse(const std::string &s, std::size_t token = 0) {
  static std::string keep; // the tokens view into the text
  keep = s;
  auto tokens = lexProse(keep);
  Parsed p;
  p.n = parseNumberAt(tokens, token);
  if (p.n)
    p.text = keep.substr(p.n->span.begin, p.n->span.end - p.n->span.begin);
  return p;
}
} // namespace

TEST_CASE("lexer splits words, numbers and symbols with offsets", "[number]") {
  std::string s = "Over 311,127 Australians’ data—$2.5bn, 4.5%.";
  auto t = lexProse(s, 10);
  REQUIRE(t.size() >= 10);
  CHECK(t[0].text == "Over");
  CHECK(t[0].begin == 10);
  CHECK(t[1].kind == ProseToken::Kind::Number);
  CHECK(t[1].text == "311,127");
  CHECK(t[2].text == "Australians");
  CHECK(t[3].text == "\xE2\x80\x99");
  CHECK(t[4].text == "data");
  CHECK(t[5].text == "\xE2\x80\x94");
  CHECK(t[6].text == "$");
  CHECK(t[7].text == "2.5");
  CHECK_FALSE(t[7].space_before);
  CHECK(t[8].text == "bn");
  CHECK(t[9].text == ",");
  auto w = lexProse("eighty-seven Zuckerberg’s hour-long");
  REQUIRE(w.size() == 3);
  CHECK(w[0].text == "eighty-seven");
  CHECK(w[1].text == "Zuckerberg\xE2\x80\x99s");
  CHECK(w[2].text == "hour-long");
}

TEST_CASE("digits with separators and decimals", "[number]") {
  auto a = parse("311,127 Australians");
  REQUIRE(a.n);
  CHECK(a.n->value == 311127);
  CHECK(a.n->precision == 1);
  CHECK(a.n->style.separators);
  CHECK(a.text == "311,127");

  auto b = parse("4.5 per cent");
  REQUIRE(b.n);
  CHECK(b.n->value == Approx(4.5));
  CHECK(b.n->decimals == 1);
  CHECK(b.n->precision == Approx(0.1));

  auto c = parse("87,000,000 users");
  REQUIRE(c.n);
  CHECK(c.n->value == 87e6);
  CHECK(c.n->precision == 1e6);
  CHECK(c.n->rounding == 1e6);
  CHECK(c.n->style.scale_style == ScaleStyle::None);

  CHECK_FALSE(parse("12,34 things").n);
  CHECK_FALSE(parse("1.2.3 release").n);
  CHECK_FALSE(parse("1,2345").n);
}

TEST_CASE("scale words and suffixes", "[number]") {
  auto a = parse("87 million users");
  REQUIRE(a.n);
  CHECK(a.n->value == 87e6);
  CHECK(a.n->written == 87);
  CHECK(a.n->scale == 1e6);
  CHECK(a.n->precision == 1e6);
  CHECK(a.n->style.scale_style == ScaleStyle::Word);
  CHECK(a.text == "87 million");

  auto b = parse("87m users");
  REQUIRE(b.n);
  CHECK(b.n->value == 87e6);
  CHECK(b.n->style.scale_style == ScaleStyle::Suffix);
  CHECK(b.n->style.scale_text == "m");
  CHECK(b.text == "87m");

  auto c = parse("2.5bn");
  REQUIRE(c.n);
  CHECK(c.n->value == Approx(2.5e9));
  CHECK(c.n->precision == Approx(1e8));

  // Wire copy's abbreviations after a space; "m" alone after a space is metres, not millions.
  auto spaced = parse("87 mln users");
  REQUIRE(spaced.n);
  CHECK(spaced.n->value == 87e6);
  CHECK(spaced.n->precision == 1e6);
  CHECK(spaced.text == "87 mln");
  auto spaced_bn = parse("2.5 bn");
  REQUIRE(spaced_bn.n);
  CHECK(spaced_bn.n->value == Approx(2.5e9));
  auto glued_bln = parse("2.5bln");
  REQUIRE(glued_bln.n);
  CHECK(glued_bln.n->value == Approx(2.5e9));
  auto metres = parse("5 m");
  REQUIRE(metres.n);
  CHECK(metres.n->value == 5);

  auto d = parse("2 billion");
  REQUIRE(d.n);
  CHECK(d.n->value == 2e9);
  CHECK(d.n->precision == 1e9);
  CHECK(d.n->rounding == Approx(1e8));

  auto e = parse("10k followers");
  REQUIRE(e.n);
  CHECK(e.n->value == 10000);
  auto f = parse("1.2 trillion");
  REQUIRE(f.n);
  CHECK(f.n->value == Approx(1.2e12));
  auto g = parse("5 thousand");
  REQUIRE(g.n);
  CHECK(g.n->value == 5000);
}

TEST_CASE("number words", "[number]") {
  auto a = parse("eighty-seven million accounts");
  REQUIRE(a.n);
  CHECK(a.n->value == 87e6);
  CHECK(a.n->written == 87);
  CHECK(a.n->precision == 1e6);
  CHECK(a.n->style.form == NumberForm::Words);
  CHECK(a.text == "eighty-seven million");

  auto b = parse("Seventy million small businesses");
  REQUIRE(b.n);
  CHECK(b.n->value == 70e6);
  CHECK(b.n->precision == 10e6);
  CHECK(b.n->rounding == 1e6);
  CHECK(b.n->style.capitalized);

  auto c = parse("five hours");
  REQUIRE(c.n);
  CHECK(c.n->value == 5);
  CHECK(c.text == "five");

  auto d = parse("two billion");
  REQUIRE(d.n);
  CHECK(d.n->value == 2e9);

  auto e = parse("a dozen senators");
  REQUIRE(e.n);
  CHECK(e.n->value == 12);
  CHECK(e.text == "a dozen");

  auto f = parse("one hundred and twenty apps");
  REQUIRE(f.n);
  CHECK(f.n->value == 120);
  CHECK(f.text == "one hundred and twenty");

  auto g = parse("two million three hundred thousand");
  REQUIRE(g.n);
  CHECK(g.n->value == 2300000);
  CHECK(g.n->precision == 100000);

  auto h = parse("half a million");
  REQUIRE(h.n);
  CHECK(h.n->value == 500000);

  auto i = parse("a million users");
  REQUIRE(i.n);
  CHECK(i.n->value == 1e6);
  CHECK_FALSE(i.n->lone_one);

  auto j = parse("five and a half hours");
  REQUIRE(j.n);
  CHECK(j.n->value == 5.5);

  auto k = parse("twenty one");
  REQUIRE(k.n);
  CHECK(k.n->value == 21);

  auto l = parse("five six");
  REQUIRE(l.n);
  CHECK(l.n->value == 5);
  CHECK(l.text == "five");
}

TEST_CASE("vague amounts are not numbers", "[number]") {
  CHECK_FALSE(parse("hundreds of apps").n);
  CHECK_FALSE(parse("thousands of apps").n);
  CHECK_FALSE(parse("millions of users").n);
  CHECK_FALSE(parse("dozens of senators").n);
  CHECK_FALSE(parse("several senators").n);
  CHECK_FALSE(parse("a few").n);
  CHECK_FALSE(parse("million").n);
}

TEST_CASE("a bare one or a is marked lone", "[number]") {
  auto a = parse("one analyst");
  REQUIRE(a.n);
  CHECK(a.n->lone_one);
  CHECK_FALSE(parse("a senator").n);
  auto b = parse("one million");
  REQUIRE(b.n);
  CHECK_FALSE(b.n->lone_one);
}

TEST_CASE("ratios and fractions", "[number]") {
  auto a = parse("one in 50 local users");
  REQUIRE(a.n);
  CHECK(a.n->ratio);
  CHECK(a.n->value == Approx(0.02));
  CHECK(a.n->denominator == 50);
  CHECK(a.n->precision == 10);
  CHECK(a.n->style.ratio_words);
  CHECK(a.text == "one in 50");

  auto b = parse("1 in 50");
  REQUIRE(b.n);
  CHECK(b.n->ratio);
  CHECK_FALSE(b.n->style.ratio_words);

  auto c = parse("one in every 40 users");
  REQUIRE(c.n);
  CHECK(c.n->denominator == 40);
  CHECK(c.text == "one in every 40");

  auto d = parse("one in fifty");
  REQUIRE(d.n);
  CHECK(d.n->denominator == 50);
  CHECK(d.n->style.form == NumberForm::Words);

  auto e = parse("half the Senate");
  REQUIRE(e.n);
  CHECK(e.n->ratio);
  CHECK(e.n->value == 0.5);
  CHECK(e.text == "half");

  auto f = parse("a quarter of users");
  REQUIRE(f.n);
  CHECK(f.n->value == 0.25);
  CHECK(f.text == "a quarter");

  auto g = parse("two-thirds of users");
  REQUIRE(g.n);
  CHECK(g.n->value == Approx(2.0 / 3));

  auto h = parse("one in 2016");
  REQUIRE(h.n); // "one", not a ratio: the year follows
  CHECK_FALSE(h.n->ratio);
}

TEST_CASE("digits glued to letters, dates and times are not numbers", "[number]") {
  CHECK_FALSE(parse("2nd hearing").n);
  CHECK_FALSE(parse("5pm").n);
  CHECK_FALSE(parse("1990s").n);
  CHECK_FALSE(parse("4G network").n);
  CHECK_FALSE(parse("2018/04/10").n);
  CHECK_FALSE(parse("10:30").n);
  CHECK_FALSE(parse("2015-16 season").n);
  CHECK_FALSE(parse("G20", 1).n);
  CHECK_FALSE(parse("COVID-19", 2).n);
}

TEST_CASE("compound adjectives keep their tail", "[number]") {
  auto a = parse("five-hour hearing");
  REQUIRE(a.n);
  CHECK(a.n->value == 5);
  CHECK(a.n->hyphen_tail == "hour");
  CHECK(a.text == "five");
  auto b = parse("5-hour hearing");
  REQUIRE(b.n);
  CHECK(b.n->hyphen_tail == "hour");
  auto c = parse("one-day rise");
  REQUIRE(c.n);
  CHECK(c.n->hyphen_tail == "day");
  auto d = parse("34-year-old");
  REQUIRE(d.n);
  CHECK(d.n->hyphen_tail == "year-old");
}

TEST_CASE("half of one unit of time", "[parser]") {
  auto half_hour = lexProse("a half-hour call");
  auto n = parseNumberAt(half_hour, 1);
  REQUIRE(n);
  CHECK(n->value == 0.5);
  CHECK(n->hyphen_tail == "hour");
  CHECK_FALSE(n->ratio);
  auto half_an = lexProse("for half an hour");
  auto m = parseNumberAt(half_an, 1);
  REQUIRE(m);
  CHECK(m->value == 0.5);
  CHECK(m->last == 3); // the unit word is read by the extractor
  auto senate = lexProse("half the Senate");
  auto r = parseNumberAt(senate, 0);
  REQUIRE(r);
  CHECK(r->ratio);
}

TEST_CASE("spelled-out compounds of every tens word and unit", "[number]") {
  const char *tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  const char *units[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
  for (int t = 0; t < 8; ++t)
    for (int u = 0; u < 9; ++u) {
      const std::string word = std::string(tens[t]) + "-" + units[u];
      INFO(word);
      auto p = parse(word + " users");
      REQUIRE(p.n);
      CHECK(p.n->value == (t + 2) * 10 + u + 1);
      CHECK(p.text == word);
    }
  // Hundreds and thousands spelled out, "and" included: 311,127.
  auto big = parse("three hundred and eleven thousand one hundred and twenty-seven Australians");
  REQUIRE(big.n);
  CHECK(big.n->value == 311127);
  CHECK(big.text == "three hundred and eleven thousand one hundred and twenty-seven");
  // A tens word with a unit that is not one is two numbers' worth: only the tens word reads.
  auto tenth = parse("twenty-ten");
  if (tenth.n)
    CHECK(tenth.n->value != 30);
}

TEST_CASE("abbreviated scales glued and spaced: k, m, mn, mln, bn, bln, tn", "[number]") {
  struct Case {
    const char *text;
    double value;
    const char *span;
  };
  for (const Case &c : {Case{"10k users", 1e4, "10k"}, Case{"87m users", 87e6, "87m"},
                        Case{"87mn users", 87e6, "87mn"}, Case{"87mln users", 87e6, "87mln"},
                        Case{"2.5bn users", 2.5e9, "2.5bn"}, Case{"2.5bln users", 2.5e9, "2.5bln"},
                        Case{"1.2tn dollars", 1.2e12, "1.2tn"}, Case{"87 mn users", 87e6, "87 mn"},
                        Case{"3 bln users", 3e9, "3 bln"}, Case{"3 bn users", 3e9, "3 bn"}}) {
    INFO(c.text);
    auto p = parse(c.text);
    REQUIRE(p.n);
    CHECK(p.n->value == Approx(c.value));
    CHECK(p.text == c.span);
    // Glued, a suffix; after a space, written like a scale word.
    CHECK(p.n->style.scale_style == (std::string(c.span).find(' ') == std::string::npos
                                         ? ScaleStyle::Suffix
                                         : ScaleStyle::Word));
  }
}
