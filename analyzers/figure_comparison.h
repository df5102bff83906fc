// FigureComparison: the values a draft's figure and a recorded figure allow, in the record's unit.
#pragma once
#include <optional>
#include <string>

#include "analyzers/ascii.h"
#include "analyzers/figure_extractor.h"
#include "analyzers/figure_interval.h"
#include "facts/fact_base.h"

namespace factline::analyzers {

// A recorded figure read the way a draft's is: its number (with the precision its `text` states),
// its qualifier (the `qualifier` field, else the one written in `text`) and the values it allows.
struct RecordReading {
  StatedNumber number;
  Qualifier qualifier = Qualifier::None;
  Interval interval;
  DurationFrame frame = DurationFrame::Length; // durations: from the record's keywords
  bool vague = false; // `text` states no number ("thousands"): the qualified side is unbounded
};

RecordReading readRecord(const facts::Figure &figure);

// The values `draft` allows, converted to the record's unit, or nullopt when the two cannot
// measure the same thing: another kind, a percentage against percentage points, another currency,
// a duration framed otherwise ("in two years" against a length).
std::optional<Interval> draftInterval(const DraftFigure &draft, const facts::Figure &figure,
                                      const RecordReading &record);

// The values a stated number allows under a qualifier (ratios "one in N" on their denominator).
Interval statedInterval(const StatedNumber &n, Qualifier q);

// The draft's value in the record's unit (durations converted), for comparing magnitudes.
double draftValueIn(const DraftFigure &draft, const facts::Figure &figure);

// The canonical currency of a unit or symbol: "$", "£", "€", or "" for none.
std::string currencyOf(std::string_view unit);

} // namespace factline::analyzers
