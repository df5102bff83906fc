// NumberParser: reads one stated number (digits, words, scale, fraction or "one in N") from tokens.
#include "analyzers/number_parser.h"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>

#include "analyzers/figure_interval.h"

namespace factline::analyzers {
namespace {

using Kind = ProseToken::Kind;

struct WordValue {
  std::string_view word;
  double value;
};

constexpr std::array<WordValue, 28> kCardinals = {{
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},
}};

constexpr std::array<WordValue, 4> kScaleWords = {
    {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}}};

// Suffixes glued to digits: "10k", "87m", "2.5bn", "1.2tn".
constexpr std::array<WordValue, 8> kScaleSuffixes = {{{"k", 1e3},
                                                      {"m", 1e6},
                                                      {"mn", 1e6},
                                                      {"mln", 1e6},
                                                      {"bn", 1e9},
                                                      {"bln", 1e9},
                                                      {"tn", 1e12},
                                                      {"trn", 1e12}}};

// Abbreviations wire copy writes after a space ("87 mln", "2.5 bn"); "k" and "m" are left out,
// being units too ("5 m" is five metres).
constexpr std::array<WordValue, 4> kSpacedScaleAbbreviations = {
    {{"mln", 1e6}, {"mn", 1e6}, {"bln", 1e9}, {"bn", 1e9}}};

// Fractions named by a word: the value of one part ("third" is 1/3).
constexpr std::array<WordValue, 18> kFractions = {{
    {"half", 0.5},
    {"halves", 0.5},
    {"third", 1.0 / 3},
    {"thirds", 1.0 / 3},
    {"quarter", 0.25},
    {"quarters", 0.25},
    {"fifth", 0.2},
    {"fifths", 0.2},
    {"sixth", 1.0 / 6},
    {"sixths", 1.0 / 6},
    {"seventh", 1.0 / 7},
    {"sevenths", 1.0 / 7},
    {"eighth", 0.125},
    {"eighths", 0.125},
    {"ninth", 1.0 / 9},
    {"ninths", 1.0 / 9},
    {"tenth", 0.1},
    {"tenths", 0.1},
}};

template <std::size_t N>
double lookup(const std::array<WordValue, N> &table, std::string_view word) {
  for (const auto &w : table)
    if (equalsFolded(word, w.word))
      return w.value;
  return -1;
}

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

// A singular unit of time, as in "half an hour", "half a day".
bool isTimeUnitWord(std::string_view w) {
  for (std::string_view u : {"second", "minute", "hour", "day", "week", "month", "year", "decade"})
    if (equalsFolded(w, u))
      return true;
  return false;
}

// Precision of a fraction named in words ("nearly half"): a tenth either side is what such a
// phrase can mean; unqualified it is read to the nearest twentieth.
constexpr double kFractionPrecision = 0.1;
constexpr double kFractionRounding = 0.05;

// Digits as written: "311,127" -> 311127 with 0 decimals; false for malformed groupings
// ("12,34", "1.2.3") which are codes or versions rather than quantities.
bool readDigits(std::string_view s, double *value, int *decimals, bool *separators) {
  std::string plain;
  std::size_t dot = s.find('.');
  if (dot != std::string_view::npos && s.find('.', dot + 1) != std::string_view::npos)
    return false;
  std::string_view whole = s.substr(0, dot);
  std::size_t comma = whole.find(',');
  *separators = comma != std::string_view::npos;
  if (*separators) {
    if (comma == 0 || comma > 3)
      return false;
    for (std::size_t i = comma; i < whole.size(); i += 4)
      if (whole[i] != ',' || i + 4 > whole.size() ||
          whole.substr(i + 1, 3).find(',') != std::string_view::npos)
        return false;
  }
  for (char c : s)
    if (c != ',')
      plain += c;
  *decimals = dot == std::string_view::npos ? 0 : static_cast<int>(s.size() - dot - 1);
  *value = std::strtod(plain.c_str(), nullptr);
  return true;
}

void setPrecision(StatedNumber &n) {
  n.precision = precisionOf(n.written, n.decimals) * n.scale;
  n.rounding = roundingPlace(n.written, precisionOf(n.written, n.decimals)) * n.scale;
}

// Splits a hyphenated word into its parts.
std::vector<std::string_view> hyphenParts(std::string_view w) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= w.size(); ++i)
    if (i == w.size() || w[i] == '-') {
      parts.push_back(w.substr(start, i - start));
      start = i + 1;
    }
  return parts;
}

// A cardinal written as one word or a hyphenated pair ("seven", "eighty-seven"). Returns the
// value and how many hyphen parts it used, or -1.
double compoundCardinal(const std::vector<std::string_view> &parts, std::size_t *used) {
  double a = cardinalWordValue(parts[0]);
  if (a < 0)
    return -1;
  *used = 1;
  if (a >= 20 && std::fmod(a, 10) == 0 && parts.size() > 1) {
    double b = cardinalWordValue(parts[1]);
    if (b >= 1 && b <= 9) {
      *used = 2;
      return a + b;
    }
  }
  return a;
}

// Cheap test run on every word of a draft: can a number in words start with it? Only the first
// hyphen part counts ("eighty-seven", "two-thirds", "one-day").
bool mayStartNumberWord(std::string_view word) {
  std::string_view first = word.substr(0, word.find('-'));
  if (first.empty() || first.size() > 9)
    return false;
  char c = first[0];
  if (c >= 'A' && c <= 'Z')
    c = static_cast<char>(c - 'A' + 'a');
  switch (c) {
  case 'a':
    return equalsFolded(first, "a") || equalsFolded(first, "an");
  case 'h':
    return equalsFolded(first, "half");
  case 'z':
  case 'o':
  case 't':
  case 'f':
  case 's':
  case 'e':
  case 'n':
    return lookup(kCardinals, first) >= 0;
  default:
    return false;
  }
}

// Numbers in words: "eighty-seven million", "two billion", "one hundred and twenty", "a dozen",
// "half a million", "five and a half", "two-thirds", "a quarter".
std::optional<StatedNumber> parseWords(const std::vector<ProseToken> &t, std::size_t i) {
  StatedNumber n;
  n.style.form = NumberForm::Words;
  n.style.capitalized = !t[i].text.empty() && isUpper(t[i].text[0]);
  n.first = i;
  double total = 0, current = 0, last_scale = 0;
  bool any = false, article = false, expect_more = false;
  std::size_t j = i;

  auto word = [&](std::size_t k) { return k < t.size() && t[k].kind == Kind::Word; };

  // "a"/"an"/"one" before a fraction: "a quarter", "one half", "a third of".
  if (word(j) && (t[j].is("a") || t[j].is("an") || t[j].is("one")) && word(j + 1) &&
      lookup(kFractions, t[j + 1].text) > 0 && !t[j + 1].is("halves")) {
    double f = lookup(kFractions, t[j + 1].text);
    // "a half" alone is a fraction; "half a million" is handled below.
    n.value = f;
    n.ratio = true;
    n.written = f;
    n.precision = kFractionPrecision;
    n.rounding = kFractionRounding;
    n.last = j + 2;
    n.span = {t[j].begin, t[j + 1].end};
    return n;
  }
  // "half-hour", "half a day", "half an hour": half of one unit of time, read as a number whose
  // unit follows ("half-hour": a compound adjective, like "five-hour").
  if (word(j) && (t[j].text.size() > 5 && equalsFolded(t[j].text.substr(0, 5), "half-"))) {
    n.value = n.written = 0.5;
    n.precision = 0.5;
    n.rounding = 0.25;
    n.hyphen_tail = t[j].text.substr(5);
    n.last = j + 1;
    n.span = {t[j].begin, t[j].begin + 4}; // "half": what a fix replaces
    return n;
  }
  if (word(j) && t[j].is("half") && word(j + 1) && (t[j + 1].is("a") || t[j + 1].is("an")) &&
      word(j + 2) && isTimeUnitWord(t[j + 2].text)) {
    n.value = n.written = 0.5;
    n.precision = 0.5;
    n.rounding = 0.25;
    n.last = j + 2;
    n.span = {t[j].begin, t[j + 1].end};
    return n;
  }
  // "half" alone, "half a million".
  if (word(j) && t[j].is("half")) {
    if (word(j + 1) && (t[j + 1].is("a") || t[j + 1].is("an")) && word(j + 2) &&
        lookup(kScaleWords, t[j + 2].text) > 0) {
      n.scale = lookup(kScaleWords, t[j + 2].text);
      n.written = 0.5;
      n.value = 0.5 * n.scale;
      n.precision = 0.5 * n.scale;
      n.rounding = 0.1 * n.scale;
      n.style.scale_style = ScaleStyle::Word;
      n.style.scale_text = t[j + 2].text;
      n.last = j + 3;
      n.span = {t[j].begin, t[j + 2].end};
      return n;
    }
    n.value = n.written = 0.5;
    n.ratio = true;
    n.precision = kFractionPrecision;
    n.rounding = kFractionRounding;
    n.last = j + 1;
    n.span = {t[j].begin, t[j].end};
    return n;
  }

  while (word(j)) {
    const ProseToken &tok = t[j];
    if (j > i && !tok.space_before)
      break;
    if (!any && (tok.is("a") || tok.is("an"))) {
      if (word(j + 1) && (t[j + 1].is("hundred") || t[j + 1].is("dozen") ||
                          lookup(kScaleWords, t[j + 1].text) > 0)) {
        current = 1;
        any = article = true;
        ++j;
        continue;
      }
      break;
    }
    auto parts = hyphenParts(tok.text);
    std::size_t used = 0;
    double v = compoundCardinal(parts, &used);
    if (v >= 0) {
      if (current != 0 && !(std::fmod(current, 100) == 0 && v < 100) &&
          !(current >= 20 && current < 100 && std::fmod(current, 10) == 0 && v < 10))
        break; // "five six" is two numbers
      if (used < parts.size()) {
        // "two-thirds", "one-day", "five-hour": a number glued to what follows it.
        double f = lookup(kFractions, parts[used]);
        if (f > 0 && used + 1 == parts.size() && !any) {
          n.value = v * f;
          n.ratio = true;
          n.written = n.value;
          n.precision = kFractionPrecision;
          n.rounding = kFractionRounding;
          n.last = j + 1;
          n.span = {tok.begin, tok.end};
          return n;
        }
        current += v;
        any = true;
        std::size_t tail = 0;
        for (std::size_t p = 0; p < used; ++p)
          tail += parts[p].size() + 1;
        n.hyphen_tail = tok.text.substr(tail);
        n.last = j + 1;
        n.span = {t[i].begin, tok.begin + tail - 1};
        n.written = n.value = total + current;
        setPrecision(n);
        return n;
      }
      current += v;
      any = true;
      expect_more = false;
      ++j;
      continue;
    }
    if (tok.is("hundred") && any && current > 0 && current < 100) {
      current *= 100;
      ++j;
      continue;
    }
    if (tok.is("dozen") && any && current > 0 && current < 100) {
      current *= 12;
      ++j;
      break;
    }
    if (double s = lookup(kScaleWords, tok.text); s > 0 && any && current > 0) {
      if (last_scale != 0 && s >= last_scale)
        break;
      total += current * s;
      current = 0;
      last_scale = s;
      ++j;
      continue;
    }
    if (tok.is("and") && any && word(j + 1)) {
      // "one hundred and twenty"; "five and a half".
      if (cardinalWordValue(hyphenParts(t[j + 1].text)[0]) >= 0 &&
          (std::fmod(current, 100) == 0 || current == 0) && (current > 0 || total > 0)) {
        expect_more = true;
        ++j;
        continue;
      }
      if ((t[j + 1].is("a") || t[j + 1].is("an")) && word(j + 2) && t[j + 2].is("half") &&
          current > 0) {
        current += 0.5;
        j += 3;
        n.decimals = 1;
        continue;
      }
    }
    break;
  }
  if (!any || expect_more)
    return std::nullopt;
  if (j > i && t[j - 1].is("and"))
    --j;
  n.last = j;
  n.value = total + current;
  n.span = {t[i].begin, t[j - 1].end};
  if (last_scale != 0 && current == 0) {
    n.scale = last_scale;
    n.written = total / last_scale;
    n.style.scale_style = ScaleStyle::Word;
    n.style.scale_text = t[j - 1].text;
  } else {
    n.written = n.value;
  }
  setPrecision(n);
  if (n.decimals == 1 && std::fmod(n.written, 1) != 0) { // "and a half": to the half
    n.precision = 0.5 * n.scale;
    n.rounding = 0.5 * n.scale;
  }
  n.lone_one = n.value == 1 && n.scale == 1 && (t[i].is("one") || article);
  return n;
}

std::optional<StatedNumber> parseDigits(const std::vector<ProseToken> &t, std::size_t i) {
  const ProseToken &tok = t[i];
  StatedNumber n;
  n.first = i;
  if (!readDigits(tok.text, &n.written, &n.decimals, &n.style.separators))
    return std::nullopt;
  // Digits glued to letters or other numbers are codes, times, dates and ordinals.
  if (i > 0 && !tok.space_before) {
    const ProseToken &p = t[i - 1];
    if (p.kind == Kind::Word || p.isSymbol("/") || p.isSymbol(":") || p.isSymbol("#") ||
        p.isSymbol(".") || p.isSymbol("-") || p.isSymbol("\xE2\x80\x93"))
      return std::nullopt;
  }
  std::size_t j = i + 1;
  n.span = {tok.begin, tok.end};
  if (j < t.size() && !t[j].space_before) {
    const ProseToken &nx = t[j];
    if (nx.kind == Kind::Word) {
      double s = lookup(kScaleSuffixes, nx.text);
      if (s < 0)
        s = lookup(kScaleWords, nx.text);
      if (s < 0)
        return std::nullopt; // "2nd", "5pm", "1990s", "4G"
      n.scale = s;
      n.style.scale_style = ScaleStyle::Suffix;
      n.style.scale_text = nx.text;
      n.span.end = nx.end;
      ++j;
    } else if (nx.kind == Kind::Number) {
      return std::nullopt;
    } else if ((nx.isSymbol("/") || nx.isSymbol(":")) && j + 1 < t.size() &&
               t[j + 1].kind == Kind::Number && !t[j + 1].space_before) {
      return std::nullopt; // "2018/04/10", "10:30", "3/4"
    } else if ((nx.isSymbol("-") || nx.isSymbol("\xE2\x80\x93")) && j + 1 < t.size() &&
               !t[j + 1].space_before && t[j + 1].kind == Kind::Word) {
      n.hyphen_tail = t[j + 1].text; // "5-hour"
    } else if ((nx.isSymbol("-") || nx.isSymbol("\xE2\x80\x93")) && j + 1 < t.size() &&
               !t[j + 1].space_before && t[j + 1].kind == Kind::Number) {
      return std::nullopt; // a range or a code: "2015-16", "555-1234"
    }
  } else if (j < t.size() && t[j].kind == Kind::Word) {
    double s = lookup(kScaleWords, t[j].text);
    if (s < 0)
      s = lookup(kSpacedScaleAbbreviations, t[j].text);
    if (s > 0) {
      n.scale = s;
      n.style.scale_style = ScaleStyle::Word;
      n.style.scale_text = t[j].text;
      n.span.end = t[j].end;
      ++j;
    }
  }
  n.last = j;
  n.value = n.written * n.scale;
  setPrecision(n);
  return n;
}

// "one in 50", "1 in 50", "one in every 50", "one out of 50": the numerator is already read.
bool readRatio(const std::vector<ProseToken> &t, StatedNumber &n) {
  if (n.scale != 1 || n.ratio || n.written < 1 || n.written > 10 || std::fmod(n.written, 1) != 0 ||
      !n.hyphen_tail.empty())
    return false;
  std::size_t j = n.last;
  if (j < t.size() && t[j].is("in")) {
    ++j;
    if (j < t.size() && t[j].is("every"))
      ++j;
  } else if (j + 1 < t.size() && t[j].is("out") && t[j + 1].is("of")) {
    j += 2;
  } else {
    return false;
  }
  if (j >= t.size())
    return false;
  std::optional<StatedNumber> d;
  if (t[j].kind == Kind::Number)
    d = parseDigits(t, j);
  else if (t[j].kind == Kind::Word)
    d = parseWords(t, j);
  if (!d || d->ratio || d->scale != 1 || d->written <= n.written || d->decimals != 0 ||
      !d->hyphen_tail.empty())
    return false;
  if (d->written >= 1900 && d->written <= 2100 && t[j].kind == Kind::Number && !d->style.separators)
    return false; // "one in 2016" is a year
  n.ratio = true;
  n.style.ratio_words = n.style.form == NumberForm::Words;
  n.style.form = d->style.form;
  n.style.separators = d->style.separators;
  n.denominator = d->written / n.written;
  n.written = d->written;
  n.value = 1.0 / n.denominator;
  n.precision = d->precision;
  n.rounding = d->rounding;
  n.lone_one = false;
  n.last = d->last;
  n.span.end = d->span.end;
  return true;
}

} // namespace

double cardinalWordValue(std::string_view word) { return lookup(kCardinals, word); }

std::optional<StatedNumber> parseNumberAt(const std::vector<ProseToken> &tokens, std::size_t i) {
  if (i >= tokens.size())
    return std::nullopt;
  std::optional<StatedNumber> n;
  if (tokens[i].kind == Kind::Number)
    n = parseDigits(tokens, i);
  else if (tokens[i].kind == Kind::Word && mayStartNumberWord(tokens[i].text))
    n = parseWords(tokens, i);
  if (n)
    readRatio(tokens, *n);
  return n;
}

} // namespace factline::analyzers
