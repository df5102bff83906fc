// Text report lines for `factline check`.
#include "server/report_text.h"

#include "protocol/line_index.h"
#include "server/settings.h"

namespace factline::server {

SeverityCounts countBySeverity(const std::vector<CheckedFile> &files) {
  SeverityCounts counts{};
  for (const auto &file : files)
    for (const auto &f : file.findings)
      if (f.severity)
        ++counts[static_cast<std::size_t>(*f.severity) - 1];
  return counts;
}

namespace {

// One LineIndex per file, not per finding: building one reads the whole text, so a line per
// finding made a long draft's report cost its length times its findings.
std::string lineWith(const CheckedFile &file, const protocol::LineIndex &lines,
                     const analyzers::Finding &f, bool color) {
  if (!f.severity)
    return {};
  protocol::Position p = lines.toPosition(f.span.begin, protocol::PositionEncoding::Utf32);
  std::string severity(severityName(*f.severity));
  if (color) {
    const char *code = *f.severity == analyzers::Severity::Error     ? "\x1b[1;31m"
                       : *f.severity == analyzers::Severity::Warning ? "\x1b[1;35m"
                                                                     : "\x1b[1;36m";
    severity = code + severity + "\x1b[0m";
  }
  std::string out = file.path + ":" + std::to_string(p.line + 1) + ":" +
                    std::to_string(p.character + 1) + ": " + severity + ": " + f.message;
  if (!f.rule.empty())
    out += " [" + f.rule + "]";
  return out;
}

} // namespace

std::string findingLine(const CheckedFile &file, const analyzers::Finding &f, bool color) {
  return lineWith(file, protocol::LineIndex(file.text), f, color);
}

std::string summaryLine(std::size_t files, const SeverityCounts &c) {
  std::string out = std::to_string(files) + (files == 1 ? " file" : " files") + " checked: ";
  if (c[0] + c[1] + c[2] + c[3] == 0)
    return out + "no problems found";
  auto count = [](std::size_t n, const char *one, const char *many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  return out + count(c[0], "error", "errors") + ", " + count(c[1], "warning", "warnings") + ", " +
         count(c[2], "information", "information") + ", " + count(c[3], "hint", "hints");
}

void writeTextReport(std::ostream &out, const std::vector<CheckedFile> &files, bool color) {
  for (const auto &file : files) {
    const protocol::LineIndex lines(file.text);
    for (const auto &f : file.findings)
      if (f.severity)
        out << lineWith(file, lines, f, color) << "\n";
  }
  out << summaryLine(files.size(), countBySeverity(files)) << "\n";
}

} // namespace factline::server
