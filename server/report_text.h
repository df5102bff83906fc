// The text report of `factline check`: compiler-style lines and a summary. Other formats (json,
// sarif, html) will sit beside it, each in its own file, over the same CheckedFile list.
#pragma once
#include <array>
#include <ostream>
#include <string>
#include <vector>

#include "analyzers/finding.h"

namespace factline::server {

// One checked draft: its path as given, its text, and the findings after settings.
struct CheckedFile {
  std::string path;
  std::string text;
  std::vector<analyzers::Finding> findings;
};

// Findings with a severity, counted by severity (index = Severity - 1).
using SeverityCounts = std::array<std::size_t, 4>;
SeverityCounts countBySeverity(const std::vector<CheckedFile> &files);

// `path:line:col: warning: message [rule]`, line and column 1-based, the column in characters.
// Findings without a severity (verified claims) have no line. With `color`, ANSI colours.
std::string findingLine(const CheckedFile &file, const analyzers::Finding &finding, bool color);

// "2 files checked: 1 error, 3 warnings, 0 information, 0 hints" or "... no problems found".
std::string summaryLine(std::size_t files, const SeverityCounts &counts);

void writeTextReport(std::ostream &out, const std::vector<CheckedFile> &files, bool color);

} // namespace factline::server
