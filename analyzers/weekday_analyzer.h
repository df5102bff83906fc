// WeekdayAnalyzer: a weekday that contradicts the calendar date, or the recorded event, it names.
#pragma once
#include <memory>

#include "analyzers/analyzer.h"

namespace factline::analyzers {

// Rule "figure-weekday" (Warning), two checks:
// - a weekday attached to a date in the same phrase ("Tuesday, April 4", "Wednesday (10 April)",
//   "Monday 9 April 2018") that the calendar gives another weekday. The year is the phrase's own;
//   without one, the draft's setting: the years of the base's dated events and the years the
//   draft names from the earliest of those on (a piece written later names its own year). It is
//   flagged only when the weekday is wrong in every such year.
// - a weekday in the possessive before the name of a recorded, dated event ("Wednesday's Senate
//   hearing", "at Tuesday's press call"), when the event's date falls on another weekday. The
//   name must be one of at least two words and stand in the weekday's own noun phrase; a
//   sentence naming another year or month than the event's is about another occasion.
// Quotations are not checked (the quote checker's), nor block quotes.
std::unique_ptr<Analyzer> makeWeekdayAnalyzer();

} // namespace factline::analyzers
