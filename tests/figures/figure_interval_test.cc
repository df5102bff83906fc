// Tests for Interval: how a stated number, its precision and its qualifier bound what it allows.
#include <catch2/catch.hpp>
#include <limits>

#include "analyzers/figure_interval.h"

using namespace factline::analyzers;

namespace {
// The interval of a count written as `written` x `scale` with `decimals`, under `q`.
Interval stated(double written, double scale, Qualifier q, int decimals = 0) {
  double p = precisionOf(written, decimals);
  return intervalFor(written * scale, p * scale, roundingPlace(written, p) * scale, q);
}
constexpr double M = 1e6, B = 1e9;
} // namespace

TEST_CASE("precision is the place of the last significant digit", "[interval]") {
  CHECK(precisionOf(87, 0) == 1);
  CHECK(precisionOf(80, 0) == 10);
  CHECK(precisionOf(300, 0) == 100);
  CHECK(precisionOf(311127, 0) == 1);
  CHECK(precisionOf(87000000, 0) == 1e6);
  CHECK(precisionOf(4.5, 1) == Approx(0.1));
  CHECK(precisionOf(2.50, 2) == Approx(0.01));
  CHECK(precisionOf(0, 0) == 1);
}

TEST_CASE("a bare round number is read to its second significant digit", "[interval]") {
  CHECK(roundingPlace(90, 10) == 1);
  CHECK(roundingPlace(100, 100) == 10);
  CHECK(roundingPlace(87, 1) == 1);
  CHECK(roundingPlace(5, 1) == Approx(0.1));
  CHECK(roundingPlace(4.5, 0.1) == Approx(0.1));
  CHECK(roundingPlace(311127, 1) == 1);
}

TEST_CASE("qualifiers give one unit of precision on their side", "[interval]") {
  Interval more = stated(5, 1, Qualifier::MoreThan);
  CHECK(more.lo == 5);
  CHECK(more.hi == 6);
  CHECK(more.lo_open);
  CHECK_FALSE(more.hi_open);
  CHECK_FALSE(more.contains(5));
  CHECK(more.contains(5.5));
  CHECK(more.contains(6));

  Interval nearly = stated(90, M, Qualifier::Nearly);
  CHECK(nearly.contains(87 * M));
  CHECK(nearly.contains(80 * M));
  CHECK_FALSE(nearly.contains(90 * M));

  Interval about = stated(87, M, Qualifier::About);
  CHECK(about.contains(86 * M));
  CHECK(about.contains(88 * M));
  CHECK_FALSE(about.contains(89 * M));

  Interval upto = stated(87, M, Qualifier::UpTo);
  CHECK(upto.contains(87 * M));
  CHECK(upto.contains(86 * M)); // both ends closed: "up to 45 senators" may be 44
  CHECK_FALSE(upto.contains(85.9 * M));
  CHECK_FALSE(upto.contains(87.5 * M));

  Interval atleast = stated(1000, 1, Qualifier::AtLeast);
  CHECK(atleast.contains(1000));
  CHECK_FALSE(atleast.contains(999));

  Interval fewer = stated(80, M, Qualifier::FewerThan);
  CHECK(fewer.contains(75 * M));
  CHECK_FALSE(fewer.contains(80 * M));

  Interval bare = stated(87, M, Qualifier::None);
  CHECK(bare.contains(86.5 * M));
  CHECK_FALSE(bare.contains(87.5 * M));
}

TEST_CASE("draft and record intervals meet when the draft can be right", "[interval]") {
  const Interval record = stated(87, M, Qualifier::UpTo); // "up to 87 million"
  CHECK(stated(87, M, Qualifier::None).intersects(record));
  CHECK(stated(87000000, 1, Qualifier::None).intersects(record));
  CHECK(stated(80, M, Qualifier::MoreThan).intersects(record));
  CHECK(stated(90, M, Qualifier::Nearly).intersects(record));
  CHECK(stated(87, M, Qualifier::About).intersects(record));
  CHECK(stated(87, M, Qualifier::UpTo).intersects(record));
  CHECK_FALSE(stated(100, M, Qualifier::MoreThan).intersects(record));
  CHECK_FALSE(stated(80, M, Qualifier::FewerThan).intersects(record));
  CHECK_FALSE(stated(78, M, Qualifier::None).intersects(record));
  CHECK_FALSE(stated(97, M, Qualifier::None).intersects(record));
  CHECK_FALSE(stated(300, M, Qualifier::MoreThan).intersects(record));
  CHECK_FALSE(stated(90, M, Qualifier::None).intersects(record));
  CHECK_FALSE(stated(100, M, Qualifier::None).intersects(record));
}

TEST_CASE("touching ends do not meet when either is open", "[interval]") {
  const Interval two = stated(2, B, Qualifier::MoreThan);   // (2e9, 3e9]
  const Interval three = stated(3, B, Qualifier::MoreThan); // (3e9, 4e9]
  CHECK_FALSE(three.intersects(two));
  CHECK_FALSE(two.intersects(three));
  CHECK(stated(2, B, Qualifier::None).intersects(two)); // "two billion" may be a little over
  CHECK(stated(2, B, Qualifier::MoreThan).intersects(two));

  const Interval hours = stated(5, 1, Qualifier::MoreThan);
  CHECK_FALSE(stated(3, 1, Qualifier::MoreThan).intersects(hours));
  CHECK_FALSE(stated(4, 1, Qualifier::MoreThan).intersects(hours)); // (4, 5] vs (5, 6]
  CHECK(stated(5, 1, Qualifier::MoreThan).intersects(hours));
  CHECK(stated(6, 1, Qualifier::Nearly).intersects(hours));
  CHECK(Interval{1, 2, false, false}.intersects(Interval{2, 3, false, false}));
  CHECK_FALSE(Interval{1, 2, false, true}.intersects(Interval{2, 3, false, false}));
  CHECK(Interval{1, 1, false, false}.contains(1));
  CHECK(Interval{1, 1, true, false}.empty());
}

TEST_CASE("a draft that meets the record at one point only does not overlap it", "[interval]") {
  const Interval record = stated(87, M, Qualifier::UpTo);      // (86e6, 87e6]
  const Interval at_least = stated(87, M, Qualifier::AtLeast); // [87e6, 88e6)
  CHECK(at_least.intersects(record));                          // both allow exactly 87 million...
  CHECK_FALSE(at_least.overlaps(record)); // ...but a minimum is not the record's maximum
  CHECK_FALSE(record.overlaps(at_least));
  CHECK(stated(87, M, Qualifier::None).overlaps(record));
  CHECK(stated(87, M, Qualifier::Nearly).overlaps(record));
  CHECK(stated(90, M, Qualifier::Nearly).overlaps(record));
  CHECK_FALSE(stated(97, M, Qualifier::None).overlaps(record));
  const Interval hours = stated(5, 1, Qualifier::MoreThan);
  CHECK(stated(5, 1, Qualifier::AtLeast).overlaps(hours));
  CHECK_FALSE(stated(5, 1, Qualifier::UpTo).overlaps(hours));
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(Interval{1000, inf, false, true}.overlaps(stated(5000, 1, Qualifier::None)));
  CHECK_FALSE(Interval{1, 2, false, false}.overlaps(Interval{2, 3, false, false}));
}

TEST_CASE("an exact value overlaps whatever contains it", "[interval]") {
  const Interval exact{44, 44, false, false}; // "44 legislators"
  CHECK(stated(44, 1, Qualifier::None).overlaps(exact));
  CHECK(stated(45, 1, Qualifier::About).overlaps(exact));
  CHECK(stated(43, 1, Qualifier::AtLeast).overlaps(exact));
  CHECK(stated(45, 1, Qualifier::UpTo).overlaps(exact));
  CHECK_FALSE(stated(44, 1, Qualifier::MoreThan).overlaps(exact));
  CHECK_FALSE(stated(44, 1, Qualifier::FewerThan).overlaps(exact));
  CHECK_FALSE(stated(45, 1, Qualifier::None).overlaps(exact));
}

TEST_CASE("about N allows at most a quarter of N either side", "[interval]") {
  const Interval month = stated(1, 1, Qualifier::About); // "about a month"
  CHECK(month.lo == Approx(0.75));
  CHECK(month.hi == Approx(1.25));
  CHECK_FALSE(stated(12, 1, Qualifier::None).overlaps(month)); // "a year" in months
  CHECK_FALSE(stated(2, 1, Qualifier::About).overlaps(month)); // "about two months"
  CHECK(stated(1, 1, Qualifier::About).overlaps(month));
  // "about four hours" against "more than five hours"; "about five" and "about six" are right.
  const Interval hearing = stated(5, 1, Qualifier::MoreThan);
  CHECK_FALSE(stated(4, 1, Qualifier::About).overlaps(hearing));
  CHECK(stated(5, 1, Qualifier::About).overlaps(hearing));
  CHECK(stated(6, 1, Qualifier::About).overlaps(hearing));
  CHECK(stated(87, M, Qualifier::None).overlaps(stated(100, M, Qualifier::About)));
  CHECK_FALSE(stated(70, M, Qualifier::None).overlaps(stated(100, M, Qualifier::About)));
  // Numbers with more than one significant digit keep one unit of precision either side.
  const Interval ninety = stated(90, M, Qualifier::About);
  CHECK(ninety.lo == Approx(80 * M));
  CHECK(ninety.hi == Approx(100 * M));
}

TEST_CASE("unbounded intervals", "[interval]") {
  const double inf = std::numeric_limits<double>::infinity();
  Interval thousands{1000, inf, false, true}; // "thousands", held as at least 1,000
  CHECK_FALSE(thousands.empty());
  CHECK(thousands.contains(5000));
  CHECK(stated(5000, 1, Qualifier::MoreThan).intersects(thousands));
  CHECK_FALSE(stated(200, 1, Qualifier::None).intersects(thousands));
}

TEST_CASE("percentages keep their decimal precision", "[interval]") {
  const Interval record = stated(4.5, 1, Qualifier::None, 1);
  CHECK(stated(4.5, 1, Qualifier::None, 1).intersects(record));
  CHECK_FALSE(stated(2.5, 1, Qualifier::None, 1).intersects(record));
  CHECK_FALSE(stated(5.4, 1, Qualifier::None, 1).intersects(record));
  CHECK(stated(5, 1, Qualifier::Nearly).intersects(record));
  CHECK(stated(4, 1, Qualifier::MoreThan).intersects(record));
}

TEST_CASE("ratios bound the denominator with the qualifier mirrored", "[interval]") {
  auto ratio = [](double d, Qualifier q) {
    double p = precisionOf(d, 0);
    return ratioIntervalFor(d, p, roundingPlace(d, p), q);
  };
  const Interval record = ratio(50, Qualifier::UpTo); // "as many as one in 50"
  CHECK(record.contains(0.02));
  CHECK_FALSE(record.contains(0.021));
  CHECK(record.contains(0.018));
  CHECK(ratio(50, Qualifier::None).overlaps(record));
  CHECK(ratio(50, Qualifier::UpTo).overlaps(record));
  CHECK_FALSE(ratio(40, Qualifier::UpTo).overlaps(record)); // they meet at one in 50 only
  CHECK_FALSE(ratio(40, Qualifier::None).overlaps(record));
  CHECK_FALSE(ratio(20, Qualifier::UpTo).overlaps(record));
  CHECK(ratio(60, Qualifier::None).intersects(ratio(50, Qualifier::About)));
  // "more than one in 50" is a larger share: a smaller denominator.
  CHECK(ratio(50, Qualifier::MoreThan).contains(1.0 / 45));
  CHECK_FALSE(ratio(50, Qualifier::MoreThan).contains(1.0 / 55));
}

TEST_CASE("qualifier words", "[interval]") {
  CHECK(qualifierFromWords("more than") == Qualifier::MoreThan);
  CHECK(qualifierFromWords("over") == Qualifier::MoreThan);
  CHECK(qualifierFromWords("just over") == Qualifier::MoreThan);
  CHECK(qualifierFromWords("at least") == Qualifier::AtLeast);
  CHECK(qualifierFromWords("nearly") == Qualifier::Nearly);
  CHECK(qualifierFromWords("almost") == Qualifier::Nearly);
  CHECK(qualifierFromWords("just under") == Qualifier::Nearly);
  CHECK(qualifierFromWords("about") == Qualifier::About);
  CHECK(qualifierFromWords("around") == Qualifier::About);
  CHECK(qualifierFromWords("roughly") == Qualifier::About);
  CHECK(qualifierFromWords("some") == Qualifier::About);
  CHECK(qualifierFromWords("up to") == Qualifier::UpTo);
  CHECK(qualifierFromWords("as many as") == Qualifier::UpTo);
  CHECK(qualifierFromWords("fewer than") == Qualifier::FewerThan);
  CHECK(qualifierFromWords("less than") == Qualifier::FewerThan);
  CHECK(qualifierFromWords("under") == Qualifier::FewerThan);
  CHECK(qualifierFromWords("") == Qualifier::None);
  CHECK_FALSE(qualifierFromWords("many").has_value());
}
