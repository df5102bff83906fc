// The standard analyzers, in the order their findings are produced.
#include "analyzers/standard_analyzers.h"

#include "analyzers/figure_analyzer.h"
#include "analyzers/quote_analyzer.h"
#include "analyzers/weekday_analyzer.h"

namespace factline::analyzers {

std::vector<std::unique_ptr<Analyzer>> makeStandardAnalyzers() {
  std::vector<std::unique_ptr<Analyzer>> list;
  list.push_back(makeQuoteAnalyzer());
  list.push_back(makeFigureAnalyzer());
  list.push_back(makeWeekdayAnalyzer());
  return list;
}

} // namespace factline::analyzers
