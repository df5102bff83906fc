// The text report of `factline check`: compiler-style lines, source excerpts and a summary.
#include "server/report_text.h"

#include <algorithm>
#include <limits>

#include <utf8proc.h>

#include "server/record_view.h"
#include "server/settings.h"
#include "server/to_lsp.h"

namespace factline::server {

namespace {

constexpr const char *kReset = "\x1b[0m";
constexpr const char *kGutter = "\x1b[1;34m";
constexpr const char *kBold = "\x1b[1m";
constexpr const char *kFix = "\x1b[1;32m";

const char *severityColour(analyzers::Severity s) {
  switch (s) {
  case analyzers::Severity::Error:
    return "\x1b[1;31m";
  case analyzers::Severity::Warning:
    return "\x1b[1;35m";
  case analyzers::Severity::Information:
  case analyzers::Severity::Hint:
    break;
  }
  return "\x1b[1;36m";
}

std::string paint(std::string text, const char *code, bool color) {
  return color ? code + text + kReset : text;
}

// One character of a line as shown: its bytes, where it starts, and how many cells it takes.
struct Cell {
  std::size_t offset;
  std::string shown;
  std::size_t width;
};

Cell cellAt(std::string_view text, std::size_t i) {
  std::size_t n = protocol::utf8SequenceLength(text, i);
  utf8proc_int32_t cp = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(text.data() + i),
                   static_cast<utf8proc_ssize_t>(n), &cp);
  if (cp == '\t')
    return {i, " ", 1};
  if (cp < 0) // an invalid byte
    return {i, "?", 1};
  std::string_view bytes = text.substr(i, n);
  if (std::string shown = escapeControls(bytes); shown != bytes) // a control: `\u{1b}`
    return {i, shown, shown.size()};
  return {i, std::string(bytes), static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)))};
}

std::vector<Cell> cellsOf(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Cell> cells;
  for (std::size_t i = begin; i < end;) {
    cells.push_back(cellAt(text, i));
    i += protocol::utf8SequenceLength(text, i);
  }
  return cells;
}

// Where to start reading a line to show `cells` cells before `offset`: at most that many cells
// back (or `chars` characters, should they take no room), or the line's start. Bounded, so that
// an excerpt costs the same on a line of 100 bytes and on one of 5 MB.
std::size_t cellsBack(std::string_view text, std::size_t line_start, std::size_t offset,
                      std::size_t cells, std::size_t chars) {
  std::size_t at = offset, seen = 0;
  for (std::size_t n = 0; at > line_start && seen < cells && n < chars; ++n) {
    std::size_t prev = at - 1;
    while (prev > line_start && at - prev < 4 &&
           (static_cast<unsigned char>(text[prev]) & 0xC0) == 0x80)
      --prev;
    if (prev + protocol::utf8SequenceLength(text, prev) != at)
      prev = at - 1; // not one character: step back a byte, which shows as one
    seen += cellAt(text, prev).width;
    at = prev;
  }
  return at;
}

} // namespace

std::string findingLine(const CheckedFile &file, const analyzers::Finding &f, bool color) {
  return findingLine(file, protocol::LineIndex(file.text), f, color);
}

std::string findingLine(const CheckedFile &file, const protocol::LineIndex &lines,
                        const analyzers::Finding &f, bool color) {
  if (!f.severity)
    return {};
  TextPoint p = textPoint(lines, f.span.begin);
  std::string out =
      paint(escapeControls(file.path) + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ":", kBold,
            color) +
      " " + paint(std::string(severityName(*f.severity)), severityColour(*f.severity), color) +
      ": " + escapeControls(f.message);
  if (!f.rule.empty())
    out += " [" + escapeControls(f.rule) + "]";
  return out;
}

std::string sourceExcerpt(const CheckedFile &file, const protocol::LineIndex &lines,
                          const analyzers::Finding &f, bool color, std::size_t width) {
  const std::string_view text = file.text;
  std::size_t line = lines.lineOf(f.span.begin);
  std::size_t line_start = lines.lineStart(line), line_end = lines.lineEnd(line);
  std::size_t begin = std::clamp(f.span.begin, line_start, line_end);
  // Only the part of the line a window of `width` cells around the finding can show is read:
  // width + 1 cells on either side of its start (no window reaches further), so that a report
  // of many findings on one long line takes time in proportion to the findings, not to the line
  // times the findings. Columns below count from `read_from`; when it is not the line's start,
  // more than `width` cells stand before the finding, and the window is placed as it would be
  // from the line's start. Past `read_to` the line is taken to go on for ever.
  const std::size_t reach = width + 1, reach_chars = 8 * reach;
  std::size_t read_from = cellsBack(text, line_start, begin, reach, reach_chars);
  std::size_t read_to = begin;
  for (std::size_t seen = 0, n = 0; read_to < line_end && seen < reach && n < reach_chars; ++n) {
    seen += cellAt(text, read_to).width;
    read_to += protocol::utf8SequenceLength(text, read_to);
  }
  read_to = std::min(read_to, line_end);
  const bool more_before = read_from > line_start, more_after = read_to < line_end;
  std::vector<Cell> cells = cellsOf(text, read_from, read_to);
  // Cell columns of the finding on this line, and of the whole line.
  std::size_t total = 0, start = 0, stop = 0;
  for (const Cell &c : cells) {
    if (c.offset < f.span.begin)
      start += c.width;
    if (c.offset < std::min(f.span.end, line_end))
      stop += c.width;
    total += c.width;
  }
  if (more_after)
    total = std::numeric_limits<std::size_t>::max() / 2;
  stop = std::max(stop, start + 1);
  // A window of `width` cells holding the finding's start, with some context before it.
  std::size_t from = 0, to = total;
  if (total > width) {
    from = start > width / 3 ? start - width / 3 : 0;
    to = std::min(total, from + width);
    if (to == total)
      from = total > width ? total - width : 0;
  }
  std::string shown, marks;
  std::size_t col = 0, shown_from = 0;
  bool first = true;
  for (const Cell &c : cells) {
    std::size_t next = col + c.width;
    if (col >= from && next <= to) {
      if (first) {
        shown_from = col;
        first = false;
      }
      shown += c.shown;
    }
    col = next;
  }
  bool clipped_front = more_before || shown_from > 0, clipped_back = more_after || col > to;
  std::size_t lead = clipped_front ? 1 : 0; // the ellipsis before a clipped start takes a cell
  std::size_t mark_from = start >= shown_from ? start - shown_from : 0;
  std::size_t mark_to = std::min(stop, to) - std::min(std::min(stop, to), shown_from);
  marks.assign(lead + mark_from, ' ');
  marks += '^';
  if (mark_to > mark_from + 1)
    marks.append(mark_to - mark_from - 1, '~');

  std::string number = std::to_string(line + 1);
  std::string gutter(number.size() + 2, ' ');
  const char *mark_colour = f.severity ? severityColour(*f.severity) : kBold;
  std::string out = paint(" " + number + " |", kGutter, color) + " " +
                    (clipped_front ? "\xE2\x80\xA6" : "") + shown +
                    (clipped_back ? "\xE2\x80\xA6" : "") + "\n";
  out += paint(gutter + "|", kGutter, color) + " " + paint(marks, mark_colour, color) + "\n";
  if (!f.fixes.empty())
    out += paint(gutter + "= fix:", kFix, color) + " " + escapeControls(f.fixes.front().title) + "\n";
  return out;
}

std::string summaryLine(std::size_t files, const SeverityCounts &c, std::size_t reviewed) {
  std::string out = std::to_string(files) + (files == 1 ? " file" : " files") + " checked: ";
  const std::string decided =
      reviewed == 0 ? std::string() : "; " + std::to_string(reviewed) + " reviewed";
  if (c[0] + c[1] + c[2] + c[3] == 0)
    return out + "no problems found" + decided;
  auto count = [](std::size_t n, const char *one, const char *many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  return out + count(c[0], "error", "errors") + ", " + count(c[1], "warning", "warnings") + ", " +
         count(c[2], "information", "information") + ", " + count(c[3], "hint", "hints") + decided;
}

void writeTextReport(std::ostream &out, const std::vector<CheckedFile> &files, bool color) {
  for (const auto &file : files) {
    protocol::LineIndex lines(file.text);
    for (std::size_t i = 0; i < file.findings.size(); ++i)
      if (file.findings[i].severity && !file.reviewOf(i))
        out << findingLine(file, lines, file.findings[i], color) << "\n"
            << sourceExcerpt(file, lines, file.findings[i], color);
  }
  // Reviewed findings apart, one line each: decided, so they neither fail the run nor need the
  // excerpt, but a reader of the log still sees what was overruled and by whom.
  if (const std::size_t reviewed = countReviewed(files); reviewed > 0) {
    out << paint("Reviewed (" + std::to_string(reviewed) + "):", kBold, color) << "\n";
    for (const auto &file : files) {
      protocol::LineIndex lines(file.text);
      for (std::size_t i = 0; i < file.findings.size(); ++i)
        if (const ReviewDecision *d = file.reviewOf(i)) {
          const analyzers::Finding &f = file.findings[i];
          TextPoint p = textPoint(lines, f.span.begin);
          out << "  " << escapeControls(file.path) << ":" << p.line << ":" << p.column << ": "
              << describeDecision(*d) << ": " << escapeControls(f.message) << " ["
              << escapeControls(f.rule) << "]\n";
        }
    }
  }
  out << summaryLine(files.size(), countBySeverity(files), countReviewed(files)) << "\n";
}

} // namespace factline::server
