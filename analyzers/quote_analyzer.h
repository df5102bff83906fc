// QuoteAnalyzer: finds every quotation in a draft, who it is given to, and checks both.
#pragma once
#include <memory>

#include "analyzers/analyzer.h"

namespace factline::analyzers {

std::unique_ptr<Analyzer> makeQuoteAnalyzer();

} // namespace factline::analyzers
