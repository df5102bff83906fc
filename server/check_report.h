// What `factline check` found in the drafts it read, and the writer of each report format over
// it (report_text.cc, report_json.cc, report_sarif.cc, report_html.cc).
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/finding.h"
#include "facts/fact_base.h"
#include "protocol/line_index.h"
#include "server/review_decisions.h"

namespace factline::server {

// One checked draft: its path as given, its text, and the findings after settings, in order.
struct CheckedFile {
  std::string path;
  std::string text;
  std::vector<analyzers::Finding> findings;
  // The decision recorded on each finding (matchReviews()), or null; empty when none is. Reviewed
  // findings are listed apart and count for neither the summary's problems nor the exit status.
  std::vector<const ReviewDecision *> reviews;
  const ReviewDecision *reviewOf(std::size_t finding) const {
    return finding < reviews.size() ? reviews[finding] : nullptr;
  }
};

struct CheckReport {
  std::vector<CheckedFile> files;
  std::shared_ptr<const facts::FactBase> base; // the merged record the drafts were checked against
  std::vector<std::string> fact_files;         // the user's bases, in load order, after the bundled
  std::shared_ptr<const ReviewBook> reviews;   // the decisions CheckedFile::reviews point into
};

// Findings with a severity and no review decision, counted by severity (index = Severity - 1).
using SeverityCounts = std::array<std::size_t, 4>;
SeverityCounts countBySeverity(const std::vector<CheckedFile> &files);
// Findings with a review decision.
std::size_t countReviewed(const std::vector<CheckedFile> &files);
// A decision as the JSON report and SARIF's properties carry it.
nlohmann::ordered_json reviewJson(const ReviewDecision &decision);

// Every finding (verified claims included) counted by status name ("verified", "altered", ...).
std::map<std::string, std::size_t> countByStatus(const std::vector<CheckedFile> &files);

// A byte offset as people count: 1-based line, and 1-based column in characters (code points).
struct TextPoint {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPoint textPoint(const protocol::LineIndex &lines, std::size_t offset);

// The JSON report's object for one finding: rule, status, severity (null for verified claims),
// message, claim, range (1-based lines and columns in characters, and byte offsets), the records
// it rests on, the difference for altered quotes, and the fixes. The SARIF report carries the same
// object in each result's properties.
nlohmann::ordered_json findingJson(const analyzers::Finding &finding,
                                   const protocol::LineIndex &lines, const facts::FactBase &base);

void writeJsonReport(std::ostream &out, const CheckReport &report);
// SARIF 2.1.0: one run, the rule catalogue as tool.driver.rules, one result per finding with a
// severity, columns in UTF-16 code units (SARIF's default column kind), fixes as replacements.
void writeSarifReport(std::ostream &out, const CheckReport &report);
// A self-contained HTML review sheet: summary by status, then each draft with every checked
// quote and figure highlighted, and the record beside each paragraph. No scripts; prints well.
void writeHtmlReport(std::ostream &out, const CheckReport &report);

} // namespace factline::server
