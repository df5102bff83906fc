// FigureAnalyzer: finds every number a draft states and checks it against the record.
#pragma once
#include <memory>

#include "analyzers/analyzer.h"

namespace factline::analyzers {

std::unique_ptr<Analyzer> makeFigureAnalyzer();

} // namespace factline::analyzers
