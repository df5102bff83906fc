// NumberWriter: writes a recorded number the way the draft wrote its own, for quick fixes.
#include "analyzers/number_writer.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace factline::analyzers {
namespace {

constexpr std::array<const char *, 20> kUnits = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<const char *, 10> kTens = {"",      "",      "twenty",  "thirty", "forty",
                                                "fifty", "sixty", "seventy", "eighty", "ninety"};

struct Scale {
  double value;
  const char *word;
  const char *suffix;
};
constexpr std::array<Scale, 4> kScales = {{{1e12, "trillion", "tn"},
                                           {1e9, "billion", "bn"},
                                           {1e6, "million", "m"},
                                           {1e3, "thousand", "k"}}};

int decimalsFor(double precision) {
  if (precision >= 1)
    return 0;
  return std::min(6, static_cast<int>(std::ceil(-std::log10(precision) - 1e-9)));
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string withSeparators(const std::string &digits) {
  std::size_t dot = digits.find('.');
  std::string whole = digits.substr(0, dot),
              rest = dot == std::string::npos ? "" : digits.substr(dot);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0)
      out += ',';
    out += whole[i];
  }
  return out + rest;
}

std::string capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

bool isWhole(double v) { return std::fabs(v - std::round(v)) < 1e-9 * std::max(1.0, std::fabs(v)); }

} // namespace

std::string cardinalWords(int n) {
  if (n < 20)
    return kUnits[n];
  if (n < 100)
    return std::string(kTens[n / 10]) + (n % 10 ? std::string("-") + kUnits[n % 10] : "");
  std::string out = std::string(kUnits[n / 100]) + " hundred";
  if (n % 100)
    out += " and " + cardinalWords(n % 100);
  return out;
}

std::string writeNumber(double value, double precision, const NumberStyle &style) {
  // The largest scale that leaves a number of at least one, stated to the record's precision;
  // "thousand" only when the draft used it.
  const Scale *scale = nullptr;
  if (style.scale_style != ScaleStyle::None || style.form == NumberForm::Words)
    for (const Scale &s : kScales) {
      if (s.value == 1e3 && !(style.scale_text == "thousand" || style.scale_text == "k"))
        continue;
      if (std::fabs(value) >= s.value && precision >= s.value / 1000) {
        scale = &s;
        break;
      }
    }
  std::string out;
  if (style.form == NumberForm::Words) {
    double n = scale ? value / scale->value : value;
    if (isWhole(n) && n >= 0 && n < 1000) {
      out = cardinalWords(static_cast<int>(std::round(n)));
      if (scale)
        out += std::string(" ") + scale->word;
      return style.capitalized ? capitalize(out) : out;
    }
  }
  if (scale) {
    double n = value / scale->value;
    out = fixed(n, decimalsFor(precision / scale->value));
    if (style.scale_style == ScaleStyle::Suffix) {
      bool mn = style.scale_text == "mn" || style.scale_text == "mln";
      out += scale->value == 1e6 && mn ? std::string(style.scale_text) : scale->suffix;
    } else {
      out += std::string(" ") + scale->word;
    }
    return out;
  }
  out = fixed(value, decimalsFor(precision));
  if (style.separators || (style.form == NumberForm::Words && std::fabs(value) >= 10000))
    out = withSeparators(out);
  return out;
}

std::string writeRatio(double denominator, const NumberStyle &style) {
  std::string one = style.ratio_words ? (style.capitalized ? "One" : "one") : "1";
  NumberStyle d = style;
  d.capitalized = false;
  d.scale_style = ScaleStyle::None;
  return one + " in " + writeNumber(denominator, 1, d);
}

} // namespace factline::analyzers
