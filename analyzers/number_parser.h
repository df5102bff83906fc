// NumberParser: reads one stated number (digits, words, scale, fraction or "one in N") from tokens.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzers/finding.h"
#include "analyzers/number_lexer.h"

namespace factline::analyzers {

enum class NumberForm { Digits, Words };
enum class ScaleStyle { None, Word, Suffix }; // "87 million", "87m" / "2.5bn", "87,000,000"

// How the number is written, so that a replacement can be written the same way.
struct NumberStyle {
  NumberForm form = NumberForm::Digits;
  ScaleStyle scale_style = ScaleStyle::None;
  std::string_view scale_text; // as written: "million", "m", "bn"
  bool separators = false;     // "87,000,000", not "87000000"
  bool capitalized = false;    // words starting a sentence: "Seventy million"
  bool ratio_words = false;    // "one in 50" (numerator in words), not "1 in 50"
};

// One number as the draft states it, before qualifiers and units are read around it.
struct StatedNumber {
  double value = 0;     // the quantity: 87e6 for "87 million", 0.02 for "one in 50", 0.5 for "half"
  double written = 0;   // the number before its scale word: 87 of "87 million"; 50 of "one in 50"
  double scale = 1;     // 1e6 for "million" and "m"
  int decimals = 0;     // digits after the point as written
  double precision = 1; // the place of the last significant digit, in the quantity's own terms
                        // (for "one in N", in the denominator's)
  double rounding = 1;  // the place an unqualified statement of it is rounded at (same terms)
  bool ratio = false;   // a fraction: "one in 50", "nearly half", "two-thirds"
  double denominator = 0; // "one in 50": 50; fractions written as words: 0
  // A range ("between 80 and 90 million") or an amount named by its order ("hundreds of"): the
  // values are [value, upper). 0 for a single number.
  double upper = 0;
  bool order_only = false; // "hundreds of", "tens of thousands of": named by its order alone
  bool lone_one = false;   // "one" or "a"/"an" with nothing else: usually not a figure
  NumberStyle style;
  std::size_t first = 0; // token range [first, last) of the number
  std::size_t last = 0;
  Span span;                    // bytes of the number, scale word or suffix included
  std::string_view hyphen_tail; // "day" of "one-day", "hour" of "five-hour": a compound adjective
};

// The number starting at tokens[i], if one does. Plural and vague amounts ("hundreds",
// "thousands of", "millions", "dozens") are not numbers; digits glued to letters other than a
// scale suffix ("2nd", "5pm", "4G", "1990s") are not either.
std::optional<StatedNumber> parseNumberAt(const std::vector<ProseToken> &tokens, std::size_t i);

// The value of a single cardinal word ("seven", "seventy", "twelve"), or -1.
double cardinalWordValue(std::string_view word);

} // namespace factline::analyzers
