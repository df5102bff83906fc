// FigureComparison: the values a draft's figure and a recorded figure allow, in the record's unit.
#include "analyzers/figure_comparison.h"

#include <cmath>
#include <limits>

#include "analyzers/number_lexer.h"

namespace factline::analyzers {

namespace {

DurationFrame recordFrame(const facts::Figure &f) {
  // A base without keyword lists says it in the subject: "how long before the hearing ...".
  if (f.keywords.empty()) {
    const std::string subject = lowerAscii(f.subject);
    if (subject.starts_with("how long before ") || subject.starts_with("how long ago ") ||
        subject.find(" ago") != std::string::npos)
      return DurationFrame::Ago;
  }
  for (std::string_view k : f.keywords) {
    std::string w = lowerAscii(k);
    if (w == "ago" || w.ends_with(" ago"))
      return DurationFrame::Ago;
  }
  for (std::string_view k : f.keywords) {
    std::string w = lowerAscii(k);
    if (w.starts_with("in ") || w.starts_with("within ")) {
      std::string rest = w.substr(w.find(' ') + 1);
      auto found = extractFigures(rest, Span{0, rest.size()});
      if (!found.figures.empty() && found.figures[0].kind == facts::FigureKind::Duration)
        return DurationFrame::Within;
    }
  }
  return DurationFrame::Length;
}

} // namespace

std::string currencyOf(std::string_view unit) {
  std::string u = lowerAscii(unit);
  if (u == "$" || u == "usd" || u == "dollars" || u == "us dollars" || u == "dollar")
    return "$";
  if (u == "\xC2\xA3" || u == "gbp" || u == "pounds" || u == "pounds sterling" || u == "pound")
    return "\xC2\xA3";
  if (u == "\xE2\x82\xAC" || u == "eur" || u == "euros" || u == "euro")
    return "\xE2\x82\xAC";
  return "";
}

Interval statedInterval(const StatedNumber &n, Qualifier q) {
  if (n.upper > 0)
    return {n.value, n.upper, false, true};
  if (n.denominator > 0)
    return ratioIntervalFor(n.denominator, n.precision, n.rounding, q);
  return intervalFor(n.value, n.precision, n.rounding, q);
}

RecordReading readRecord(const facts::Figure &figure) {
  RecordReading r;
  auto found = extractFigures(figure.text, Span{0, figure.text.size()});
  const DraftFigure *stated = nullptr;
  for (const DraftFigure &f : found.figures)
    if (std::fabs(f.number.value - figure.value) <= 1e-6 * std::max(1.0, std::fabs(figure.value))) {
      stated = &f;
      break;
    }
  auto q = qualifierFromWords(lowerAscii(figure.qualifier));
  if (stated) {
    r.number = stated->number;
    r.qualifier = figure.qualifier.empty() ? stated->qualifier : q.value_or(stated->qualifier);
  } else {
    // The text states no number that is the value ("thousands", "the end of this year"): read the
    // value at the precision its digits give, and leave the qualified side open.
    r.vague = true;
    r.number.value = r.number.written = figure.value;
    double frac = figure.value - std::floor(figure.value);
    int decimals = 0;
    while (frac > 1e-9 && decimals < 6) {
      frac = frac * 10 - std::floor(frac * 10 + 1e-9);
      ++decimals;
    }
    r.number.decimals = decimals;
    r.number.precision = precisionOf(figure.value, decimals);
    r.number.rounding = roundingPlace(figure.value, r.number.precision);
    r.qualifier = q.value_or(Qualifier::None);
    if (figure.kind == facts::FigureKind::Year) {
      r.number.precision = r.number.rounding = 1;
      r.vague = false;
    }
  }
  r.interval = statedInterval(r.number, r.qualifier);
  // A count the record states to the unit, unhedged ("44 legislators", "311,127 Australians"),
  // is exact: "more than 44 senators" is wrong, "about 45" is not.
  if (stated && figure.kind == facts::FigureKind::Count && r.qualifier == Qualifier::None &&
      r.number.precision == 1 && r.number.upper == 0)
    r.interval = {figure.value, figure.value, false, false};
  if (r.vague) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (r.qualifier == Qualifier::MoreThan || r.qualifier == Qualifier::AtLeast)
      r.interval.hi = inf;
    if (r.qualifier == Qualifier::UpTo || r.qualifier == Qualifier::FewerThan ||
        r.qualifier == Qualifier::Nearly)
      r.interval.lo = 0;
  }
  if (figure.kind == facts::FigureKind::Duration)
    r.frame = recordFrame(figure);
  return r;
}

double draftValueIn(const DraftFigure &draft, const facts::Figure &figure) {
  if (draft.kind == facts::FigureKind::Duration) {
    double from = hoursPer(draft.unit), to = hoursPer(timeUnitOf(figure.unit));
    if (from > 0 && to > 0)
      return draft.number.value * from / to;
  }
  return draft.number.value;
}

std::optional<Interval> draftInterval(const DraftFigure &draft, const facts::Figure &figure,
                                      const RecordReading &record) {
  if (draft.kind != figure.kind)
    return std::nullopt;
  Interval i = statedInterval(draft.number, draft.qualifier);
  switch (draft.kind) {
  case facts::FigureKind::Percent: {
    bool draft_points = draft.unit == "percentage points";
    bool record_points = lowerAscii(figure.unit).find("point") != std::string::npos;
    if (draft_points != record_points)
      return std::nullopt;
    break;
  }
  case facts::FigureKind::Money:
    if (currencyOf(draft.unit) != currencyOf(figure.unit) || currencyOf(draft.unit).empty())
      return std::nullopt;
    break;
  case facts::FigureKind::Duration: {
    double from = hoursPer(draft.unit), to = hoursPer(timeUnitOf(figure.unit));
    if (from <= 0 || to <= 0 || draft.frame != record.frame)
      return std::nullopt;
    i.lo = i.lo * from / to;
    i.hi = i.hi * from / to;
    if (draft.so_far) { // still running: the whole is at least this long
      i.hi = std::numeric_limits<double>::infinity();
      i.hi_open = true;
    }
    break;
  }
  case facts::FigureKind::Year:
    i = intervalFor(draft.number.value, 1, 1, Qualifier::None);
    break;
  default:
    break;
  }
  return i;
}

} // namespace factline::analyzers
