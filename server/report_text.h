// The text report of `factline check`: compiler-style lines with the source line and a caret
// underline, and a summary.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "server/check_report.h"

namespace factline::server {

// `path:line:col: warning: message [rule]`, line and column 1-based, the column in characters.
// Findings without a severity (verified claims) have no line. With `color`, ANSI colours. The path,
// message and rule are untrusted: their control characters are escaped (escapeControls()).
std::string findingLine(const CheckedFile &file, const analyzers::Finding &finding, bool color);
std::string findingLine(const CheckedFile &file, const protocol::LineIndex &lines,
                        const analyzers::Finding &finding, bool color);

// The source line under a finding's first line, clipped to about `width` columns around the
// finding, and a caret underline beneath it, both indented behind a gutter with the line number:
//     13 | ... the data of 78 million Facebook users ...
//        |                 ^~~~~~~~~~
// Columns are counted in display cells (wide characters take two); tabs are shown as spaces, bytes
// that are not UTF-8 as "?", and control characters as escapeControls() writes them ("\u{1b}"),
// so that a draft or a fact base can never send a terminal an escape sequence. The cost is bounded
// by `width`, not by the length of the line.
std::string sourceExcerpt(const CheckedFile &file, const protocol::LineIndex &lines,
                          const analyzers::Finding &finding, bool color, std::size_t width = 100);

// "2 files checked: 1 error, 3 warnings, 0 information, 0 hints" or "... no problems found",
// and "; 2 reviewed" when findings were reviewed (they are not in `counts`).
std::string summaryLine(std::size_t files, const SeverityCounts &counts, std::size_t reviewed = 0);

void writeTextReport(std::ostream &out, const std::vector<CheckedFile> &files, bool color);

} // namespace factline::server
