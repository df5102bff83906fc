// FigureReport: the findings a checked figure produces, with the writer-facing words and fixes.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/document.h"
#include "analyzers/figure_extractor.h"
#include "analyzers/figure_linker.h"
#include "analyzers/finding.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

class FigureReport {
public:
  FigureReport(const facts::FactIndex &facts, const Document &doc) : facts_(facts), doc_(doc) {}

  // "figure-verified", no severity: the draft's figure agrees with `link`'s record.
  Finding verified(const DraftFigure &figure, const FigureCandidate &link) const;
  // "figure-wrong", Warning: no value the draft allows is one the record allows.
  Finding wrong(const DraftFigure &figure, const FigureCandidate &link) const;
  // "figure-wrong", Warning: the draft has the record's number framed otherwise (`link`'s
  // misframing): "shares fell 4.5 per cent" where they rose, percentage points for per cent.
  Finding misframed(const DraftFigure &figure, const FigureCandidate &link) const;
  // "figure-superseded", Warning: the draft gives a replaced figure as the current one.
  Finding superseded(const DraftFigure &figure, const FigureCandidate &link,
                     const facts::Figure &replacement) const;

  // The record as a phrase: "up to 87 million users", "as many as one in 50 local users".
  std::string recordPhrase(const facts::Figure &figure) const;
  // What it counts, who stated it and when: "(Facebook users ...; Facebook, 4 April 2018)".
  std::string attribution(const facts::Figure &figure) const;
  // Replace the draft's number with the record's, written in the draft's style; the qualifier
  // too when keeping the draft's would still be wrong.
  std::optional<Fix> fix(const DraftFigure &figure, const facts::Figure &record) const;

private:
  Finding base(const DraftFigure &figure, const FigureCandidate &link) const;
  std::string_view text(Span s) const;

  const facts::FactIndex &facts_;
  const Document &doc_;
};

using facts::formatDate; // "2018-04-04" -> "4 April 2018"

} // namespace factline::analyzers
