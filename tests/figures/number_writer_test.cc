// Tests for NumberWriter: a recorded number written back in the draft's own style.
#include <catch2/catch.hpp>

#include "analyzers/number_writer.h"

using namespace factline::analyzers;

namespace {
NumberStyle style(NumberForm form, ScaleStyle scale, std::string_view text = "",
                  bool separators = false, bool capitalized = false) {
  NumberStyle s;
  s.form = form;
  s.scale_style = scale;
  s.scale_text = text;
  s.separators = separators;
  s.capitalized = capitalized;
  return s;
}
} // namespace

TEST_CASE("digits stay digits, in the draft's scale style", "[writer]") {
  CHECK(writeNumber(87e6, 1e6, style(NumberForm::Digits, ScaleStyle::Word, "million")) ==
        "87 million");
  CHECK(writeNumber(87e6, 1e6, style(NumberForm::Digits, ScaleStyle::Suffix, "m")) == "87m");
  CHECK(writeNumber(87e6, 1e6, style(NumberForm::Digits, ScaleStyle::Suffix, "mn")) == "87mn");
  CHECK(writeNumber(87e6, 1e6, style(NumberForm::Digits, ScaleStyle::None, "", true)) ==
        "87,000,000");
  CHECK(writeNumber(87e6, 1e6, style(NumberForm::Digits, ScaleStyle::None)) == "87000000");
  CHECK(writeNumber(2e9, 1e9, style(NumberForm::Digits, ScaleStyle::Word, "million")) ==
        "2 billion");
  CHECK(writeNumber(2.5e9, 1e8, style(NumberForm::Digits, ScaleStyle::Suffix, "bn")) == "2.5bn");
  CHECK(writeNumber(311127, 1, style(NumberForm::Digits, ScaleStyle::None, "", true)) == "311,127");
  CHECK(writeNumber(311127, 1, style(NumberForm::Digits, ScaleStyle::Word, "million")) == "311127");
  CHECK(writeNumber(4.5, 0.1, style(NumberForm::Digits, ScaleStyle::None)) == "4.5");
  CHECK(writeNumber(44, 1, style(NumberForm::Digits, ScaleStyle::None)) == "44");
  CHECK(writeNumber(5000, 1000, style(NumberForm::Digits, ScaleStyle::Word, "thousand")) ==
        "5 thousand");
}

TEST_CASE("words stay words", "[writer]") {
  CHECK(writeNumber(87e6, 1e6, style(NumberForm::Words, ScaleStyle::Word, "million")) ==
        "eighty-seven million");
  CHECK(
      writeNumber(70e6, 1e7, style(NumberForm::Words, ScaleStyle::Word, "million", false, true)) ==
      "Seventy million");
  CHECK(writeNumber(2e9, 1e9, style(NumberForm::Words, ScaleStyle::Word, "billion")) ==
        "two billion");
  CHECK(writeNumber(5, 1, style(NumberForm::Words, ScaleStyle::None)) == "five");
  CHECK(writeNumber(44, 1, style(NumberForm::Words, ScaleStyle::None, "", false, true)) ==
        "Forty-four");
  // Not sayable briefly in words: digits with separators.
  CHECK(writeNumber(311127, 1, style(NumberForm::Words, ScaleStyle::None)) == "311,127");
  CHECK(writeNumber(2.5e9, 1e8, style(NumberForm::Words, ScaleStyle::Word, "billion")) ==
        "2.5 billion");
}

TEST_CASE("cardinal words", "[writer]") {
  CHECK(cardinalWords(0) == "zero");
  CHECK(cardinalWords(13) == "thirteen");
  CHECK(cardinalWords(40) == "forty");
  CHECK(cardinalWords(87) == "eighty-seven");
  CHECK(cardinalWords(120) == "one hundred and twenty");
  CHECK(cardinalWords(300) == "three hundred");
}

TEST_CASE("ratios keep the draft's numerator form", "[writer]") {
  NumberStyle words = style(NumberForm::Digits, ScaleStyle::None);
  words.ratio_words = true;
  CHECK(writeRatio(50, words) == "one in 50");
  CHECK(writeRatio(50, style(NumberForm::Digits, ScaleStyle::None)) == "1 in 50");
  NumberStyle all_words = style(NumberForm::Words, ScaleStyle::None);
  all_words.ratio_words = true;
  CHECK(writeRatio(50, all_words) == "one in fifty");
  words.capitalized = true;
  CHECK(writeRatio(50, words) == "One in 50");
}
