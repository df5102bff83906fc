// FigureExtractor: finds the figures a sentence states, with their qualifier, kind and unit.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/figure_interval.h"
#include "analyzers/finding.h"
#include "analyzers/number_parser.h"
#include "facts/fact_base.h"

namespace factline::analyzers {

// How a duration is framed: the length of something ("lasted five hours", "an hour-long call"),
// a time before now ("a month ago"), or the window of a comparison ("the biggest rise in two
// years"). Each links only to a recorded duration framed the same way.
enum class DurationFrame { Length, Ago, Within };

struct DraftFigure {
  facts::FigureKind kind = facts::FigureKind::Count;
  StatedNumber number;
  Qualifier qualifier = Qualifier::None;
  Span qualifier_span; // empty (begin == end) when unqualified
  Span span;           // qualifier, number and the unit words read here ("per cent", "hours")
  // The unit read with the number: "per cent", "percentage points", a time unit in the plural
  // ("hours"), a currency ("$", "£", "€"); empty for counts, ratios and years, whose unit noun
  // is matched against the record by the linker.
  std::string unit;
  // The unit words as written: "per cent", "%", "percentage points"; a duration's "hours" or
  // "month" (empty for "five-hour", "hour-long").
  Span unit_span;
  DurationFrame frame = DurationFrame::Length;
  // A length still running when the sentence is written ("has now run for four hours", "three
  // hours into the hearing", "so far"): at least that long, the whole may be longer.
  bool so_far = false;
  // A hyphenated modifier ("five-hour hearing", "hour-long call", "one-day rise"): it measures
  // the noun after it, so it can only be the recorded figure that noun names.
  bool modifier = false;
  bool compound = false;       // "four hours and 54 minutes": two numbers, which no fix rewrites
  std::size_t first_token = 0; // sentence tokens: where the figure (qualifier included) starts
  std::size_t next_token = 0;  // the first token after the number and its unit words
};

// A sentence's tokens and the figures found in them.
struct SentenceFigures {
  std::vector<ProseToken> tokens;
  std::vector<DraftFigure> figures;
};

// Reads the figures of one sentence of `prose` (Document::prose(): non-prose already blanked).
// Left out, because they state no checkable quantity: numbers inside `quoted` spans (a speaker's
// words, checked as a quotation), dates and their parts, times, years inside dates, ordinals,
// labels ("section 3", "page 12", "No. 5", "#1"), list and footnote numbers ("(2)", "[3]"), ages
// ("34-year-old"), the whole a part is counted out of ("44 of the 100 senators"), plurals with
// no "of" ("in the thousands"), a bare "one" or "a", and periods that only place an event in
// time ("two years later", "in the past five years"). Ranges ("between 80 and 90 million") are
// one figure; amounts named by their order ("hundreds of apps") are vague figures
// (StatedNumber::order_only).
SentenceFigures extractFigures(std::string_view prose, Span sentence,
                               const std::vector<Span> &quoted = {});

// The stretches of `block` (in `prose`) inside double quotation marks, curly or straight: the
// speaker's own words. An unclosed quotation runs to the end of the block.
std::vector<Span> quotationSpans(std::string_view prose, Span block);

// The number of hours (or other base) in one `unit` of time, for converting durations; 0 when
// `unit` is not a time unit. Units are plural lower-case: "hours", "days".
double hoursPer(std::string_view time_unit);

// The plural lower-case time unit a word names ("hour", "Hours", "hrs" -> "hours"), or "".
std::string timeUnitOf(std::string_view word);

} // namespace factline::analyzers
