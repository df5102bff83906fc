// NumberWriter: writes a recorded number the way the draft wrote its own, for quick fixes.
#pragma once
#include <string>

#include "analyzers/number_parser.h"

namespace factline::analyzers {

// `value` written in `style`, to the place `precision` (both in the quantity's own terms):
// digits stay digits ("87 million", "87m", "87,000,000"), words stay words ("eighty-seven
// million", "Seventy million"), a scale word or suffix is kept when the value allows it.
std::string writeNumber(double value, double precision, const NumberStyle &style);

// A ratio "one in D" written in `style`: "one in 50", "1 in 50", "one in fifty".
std::string writeRatio(double denominator, const NumberStyle &style);

// Cardinal words for 0 <= n < 1000: 87 -> "eighty-seven", 120 -> "one hundred and twenty".
std::string cardinalWords(int n);

} // namespace factline::analyzers
