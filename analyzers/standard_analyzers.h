// The list of analyzers a standard check runs; each analyzer's file adds its own factory here.
#pragma once
#include <memory>
#include <vector>

#include "analyzers/analyzer.h"

namespace factline::analyzers {

std::vector<std::unique_ptr<Analyzer>> makeStandardAnalyzers();

} // namespace factline::analyzers
