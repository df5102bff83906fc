// Interval: the set of values a stated figure allows, from its number, precision and qualifier.
#include "analyzers/figure_interval.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace factline::analyzers {
namespace {

struct QualifierWords {
  std::string_view words;
  Qualifier qualifier;
};

constexpr std::array<QualifierWords, 47> kQualifiers = {{
    {"", Qualifier::None},
    {"exactly", Qualifier::None},
    {"precisely", Qualifier::None},
    {"more than", Qualifier::MoreThan},
    {"over", Qualifier::MoreThan},
    {"above", Qualifier::MoreThan},
    {"exceeding", Qualifier::MoreThan},
    {"in excess of", Qualifier::MoreThan},
    {"just over", Qualifier::MoreThan},
    {"just above", Qualifier::MoreThan},
    {"upwards of", Qualifier::MoreThan},
    {"greater than", Qualifier::MoreThan},
    {"slightly more than", Qualifier::MoreThan},
    {"well over", Qualifier::MoreThan},
    {"at least", Qualifier::AtLeast},
    {"no fewer than", Qualifier::AtLeast},
    {"no less than", Qualifier::AtLeast},
    {"not less than", Qualifier::AtLeast},
    {"not fewer than", Qualifier::AtLeast},
    {"a minimum of", Qualifier::AtLeast},
    {"nearly", Qualifier::Nearly},
    {"almost", Qualifier::Nearly},
    {"just under", Qualifier::Nearly},
    {"just below", Qualifier::Nearly},
    {"close to", Qualifier::Nearly},
    {"approaching", Qualifier::Nearly},
    {"just shy of", Qualifier::Nearly},
    {"about", Qualifier::About},
    {"around", Qualifier::About},
    {"roughly", Qualifier::About},
    {"some", Qualifier::About},
    {"approximately", Qualifier::About},
    {"an estimated", Qualifier::About},
    {"estimated", Qualifier::About},
    {"circa", Qualifier::About},
    {"up to", Qualifier::UpTo},
    {"as many as", Qualifier::UpTo},
    {"as much as", Qualifier::UpTo},
    {"at most", Qualifier::UpTo},
    {"no more than", Qualifier::UpTo},
    {"not more than", Qualifier::UpTo}, // "confident it's not more than 87 million"
    {"a maximum of", Qualifier::UpTo},
    {"as high as", Qualifier::UpTo},
    {"fewer than", Qualifier::FewerThan},
    {"less than", Qualifier::FewerThan},
    {"under", Qualifier::FewerThan},
    {"below", Qualifier::FewerThan},
}};

// Two interval ends are the same point when they differ by less than rounding noise.
bool samePoint(double a, double b) {
  if (std::isinf(a) || std::isinf(b))
    return a == b;
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

} // namespace

std::optional<Qualifier> qualifierFromWords(std::string_view phrase) {
  for (const auto &q : kQualifiers)
    if (q.words == phrase)
      return q.qualifier;
  return std::nullopt;
}

bool Interval::empty() const {
  if (samePoint(lo, hi))
    return lo_open || hi_open;
  return lo > hi;
}

bool Interval::contains(double v) const {
  if (samePoint(v, lo))
    return !lo_open;
  if (samePoint(v, hi))
    return !hi_open;
  return lo < v && v < hi;
}

bool Interval::intersects(const Interval &o) const {
  if (empty() || o.empty())
    return false;
  // The intersection's lower end is the larger of the two lower ends; open if either is open there.
  double l, h;
  bool lopen, hopen;
  if (samePoint(lo, o.lo)) {
    l = lo;
    lopen = lo_open || o.lo_open;
  } else {
    l = lo > o.lo ? lo : o.lo;
    lopen = lo > o.lo ? lo_open : o.lo_open;
  }
  if (samePoint(hi, o.hi)) {
    h = hi;
    hopen = hi_open || o.hi_open;
  } else {
    h = hi < o.hi ? hi : o.hi;
    hopen = hi < o.hi ? hi_open : o.hi_open;
  }
  return !Interval{l, h, lopen, hopen}.empty();
}

bool Interval::overlaps(const Interval &o) const {
  if (!intersects(o))
    return false;
  // An exact value (a point) overlaps whatever contains it.
  if ((samePoint(lo, hi) && !lo_open && !hi_open) ||
      (samePoint(o.lo, o.hi) && !o.lo_open && !o.hi_open))
    return true;
  double l = std::max(lo, o.lo), h = std::min(hi, o.hi);
  return !samePoint(l, h);
}

Interval intervalFor(double n, double p, double rounding, Qualifier q) {
  switch (q) {
  case Qualifier::None:
    return {n - rounding / 2, n + rounding / 2, false, true};
  case Qualifier::MoreThan:
    return {n, n + p, true, false};
  case Qualifier::AtLeast:
    return {n, n + p, false, false};
  case Qualifier::Nearly:
  case Qualifier::FewerThan:
    return {n - p, n, false, true};
  case Qualifier::About: {
    // Never more than a quarter of the number either side: "about two months" is not "about a
    // month" (a precision of one would allow one to three of the first, half the number still
    // one), "about four hours" is not "more than five", "about 100 million" is not 70 million.
    double half = std::min(p, std::fabs(n) / 4);
    return {n - half, n + half, false, false};
  }
  case Qualifier::UpTo:
    return {n - p, n, false, false};
  }
  return {n, n, false, false};
}

Interval ratioIntervalFor(double denominator, double p, double rounding, Qualifier q) {
  // A qualifier on the ratio points the other way on the denominator.
  Qualifier mirrored = q;
  switch (q) {
  case Qualifier::MoreThan:
    mirrored = Qualifier::FewerThan;
    break;
  case Qualifier::AtLeast:
    mirrored = Qualifier::UpTo;
    break;
  case Qualifier::Nearly:
  case Qualifier::FewerThan:
    mirrored = Qualifier::MoreThan;
    break;
  case Qualifier::UpTo:
    mirrored = Qualifier::AtLeast;
    break;
  case Qualifier::None:
  case Qualifier::About:
    break;
  }
  Interval d = intervalFor(denominator, p, rounding, mirrored);
  // 1/x reverses order and keeps each end's openness with the end it maps to. A denominator
  // interval reaching zero or below allows ratios without bound.
  Interval r;
  r.lo = d.hi > 0 ? 1.0 / d.hi : 0;
  r.lo_open = d.hi_open;
  if (d.lo > 0) {
    r.hi = 1.0 / d.lo;
    r.hi_open = d.lo_open;
  } else {
    r.hi = 1.0;
    r.hi_open = false;
  }
  return r;
}

double precisionOf(double written, int decimals) {
  if (decimals > 0)
    return std::pow(10.0, -decimals);
  double v = std::fabs(std::round(written));
  double p = 1;
  while (v >= 10 && std::fmod(v, 10) == 0) {
    v /= 10;
    p *= 10;
  }
  return p;
}

double roundingPlace(double written, double precision) {
  double v = std::fabs(written);
  if (v == 0)
    return precision;
  double leading = std::pow(10.0, std::floor(std::log10(v) + 1e-12));
  return std::min(precision, leading / 10);
}

} // namespace factline::analyzers
