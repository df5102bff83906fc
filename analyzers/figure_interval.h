// Interval: the set of values a stated figure allows, from its number, precision and qualifier.
#pragma once
#include <optional>
#include <string_view>

namespace factline::analyzers {

// How a writer (or the record) hedges a number. The names say which side of the number the true
// value lies on; the words that map to each are in qualifierFromWords().
enum class Qualifier {
  None,     // "87 million": rounded to its last stated digit
  MoreThan, // more than, over, above, exceeding, just over
  AtLeast,  // at least, no fewer than, no less than
  Nearly,   // nearly, almost, just under, close to, approaching
  About,    // about, around, roughly, some, approximately, an estimated
  UpTo,     // up to, as many as, as much as, at most, no more than
  FewerThan // fewer than, less than, under, below
};

// The qualifier a lower-case phrase names ("more than", "as many as", "" for None), if any. Used
// for the record's `qualifier` field and for the words the extractor finds before a number.
std::optional<Qualifier> qualifierFromWords(std::string_view phrase);

// A real interval with open or closed ends. Empty when lo > hi, or lo == hi with an open end.
struct Interval {
  double lo = 0;
  double hi = 0;
  bool lo_open = false;
  bool hi_open = false;

  bool empty() const;
  bool contains(double v) const;
  // True when some value lies in both. Ends closer than a relative 1e-9 count as equal, so that
  // "more than three billion" (3e9, 4e9] and "more than two billion" (2e9, 3e9] do not meet
  // through rounding noise.
  bool intersects(const Interval &o) const;
  // True when the values both allow are more than one point: "at least 87 million" and "up to
  // 87 million" share only 87 million itself, and a writer who turns the record's maximum into a
  // minimum (or its minimum into a maximum) has the figure wrong. An exact value (a closed
  // point) overlaps every interval that contains it.
  bool overlaps(const Interval &o) const;
};

// The values a number N stated with precision p (the place of its last significant digit) allows
// under a qualifier. Each qualified interval is one unit of precision wide, on the side the
// qualifier names: more than N is (N, N+p], nearly N is [N-p, N), about N is [N-p, N+p] (but
// never wider than half of N either side), up to N is [N-p, N], at least N is [N, N+p], fewer
// than N is [N-p, N). An unqualified N is rounded: [N-h, N+h) with h half of `rounding`, the
// place a writer rounds at (see roundingPlace()).
Interval intervalFor(double n, double p, double rounding, Qualifier q);

// The same for a ratio stated as "one in D" (value 1/D): the qualifier speaks of the ratio, so
// the interval is built on the denominator with the qualifier mirrored ("as many as one in 50"
// means the denominator is at least 50) and then inverted.
Interval ratioIntervalFor(double denominator, double p, double rounding, Qualifier q);

// The place of the last non-zero digit of a number written with `decimals` digits after the
// point: 87 -> 1, 80 -> 10, 300 -> 100, 4.5 -> 0.1, 2.50 -> 0.01 (a written trailing decimal zero
// is significant). Values are in the number's own scale (87 of "87 million").
double precisionOf(double written, int decimals);

// The place an unqualified number is taken to be rounded at: its precision, but never coarser
// than its second significant digit, because a writer who states a bare round number asserts it
// ("90 million" is not 87 million, "100 million" is not 87 million).
double roundingPlace(double written, double precision);

} // namespace factline::analyzers
