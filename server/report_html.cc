// The HTML review sheet of `factline check`: each draft with its checked quotes and figures marked
// by status, the record beside each paragraph, and a summary; one self-contained page, no scripts.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>

#include "server/check_report.h"
#include "server/record_view.h"
#include "server/settings.h"
#include "server/to_lsp.h"

namespace factline::server {

namespace {

using analyzers::DiffPiece;
using analyzers::FactRef;
using analyzers::Finding;

// Text as HTML: markup characters as entities, and control characters (which a browser would drop
// or, for the bidi ones, let reorder the text a reviewer reads) written out (escapeControls()).
// Line breaks and tabs are kept: where a line break shows is for the caller to say.
std::string esc(std::string_view text) {
  std::string safe = escapeControls(text, /*keep_line_breaks=*/true);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

// Statuses in the order the summary lists them, with the words it uses.
struct StatusLabel {
  const char *name;
  const char *label;
};
constexpr StatusLabel kStatuses[] = {{"misattributed", "misattributed"},
                                     {"altered", "altered"},
                                     {"wrong", "wrong figure"},
                                     {"superseded", "superseded"},
                                     {"wrong-occasion", "wrong occasion"},
                                     {"unverified", "unverified"},
                                     {"problem", "text problem"},
                                     {"verified", "verified"}};

constexpr const char *kStyle = R"css(
:root { --ink:#1d232b; --muted:#5b6470; --rule:#d9dde3; --paper:#fff;
  --verified:#1f7a3d; --verified-bg:#dff3e4; --altered:#9a5b00; --altered-bg:#fdebc8;
  --misattributed:#b3261e; --misattributed-bg:#fbd9d6; --wrong:#b3261e; --wrong-bg:#fbd9d6;
  --superseded:#6b3fa0; --superseded-bg:#eadcf8; --wrong-occasion:#a34a00;
  --wrong-occasion-bg:#fde0c8; --unverified:#3a5a80; --unverified-bg:#dde8f5;
  --problem:#5b6470; --problem-bg:#e6e8eb; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 15px/1.55 Georgia, "DejaVu Serif", "Times New Roman", serif; }
header.sheet, main { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header.sheet { padding-top: 24px; border-bottom: 2px solid var(--ink); }
h1 { font: 600 24px/1.2 system-ui, "DejaVu Sans", sans-serif; margin: 0 0 4px; }
h2 { font: 600 18px/1.3 system-ui, "DejaVu Sans", sans-serif; margin: 28px 0 4px; }
.meta, .file-summary { color: var(--muted); font: 13px/1.4 system-ui, "DejaVu Sans", sans-serif;
  margin: 0 0 12px; }
ul.counts { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 12px 0; }
ul.counts li { font: 13px/1 system-ui, "DejaVu Sans", sans-serif; padding: 6px 10px;
  border-radius: 14px; border: 1px solid currentColor; }
ul.counts li b { font-size: 16px; margin-right: 4px; }
ul.counts li.zero { opacity: .45; }
table.checklist { border-collapse: collapse; width: 100%; margin: 8px 0 20px;
  font: 13px/1.4 system-ui, "DejaVu Sans", sans-serif; }
table.checklist th, table.checklist td { text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--rule); padding: 4px 8px 4px 0; }
table.checklist a { color: inherit; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px;
  border-top: 1px solid var(--rule); padding: 10px 0; break-inside: avoid; }
.row .text { overflow-wrap: anywhere; }
.row .text.heading { font-weight: 700; }
.row .text.front { white-space: pre-wrap; color: var(--muted); font: 12px/1.4 "DejaVu Sans Mono", monospace; }
mark sup a { color: #fff; text-decoration: none; }
mark { color: inherit; padding: 0 1px; border-radius: 2px; border-bottom: 2px solid; }
mark sup, .card .num { font: 700 10px/1 system-ui, "DejaVu Sans", sans-serif; }
mark sup { margin-right: 2px; }
.card { font: 13px/1.45 system-ui, "DejaVu Sans", sans-serif; border-left: 4px solid;
  padding: 6px 10px; margin: 0 0 10px; background: #fafbfc; break-inside: avoid; }
.card .head { display: flex; gap: 8px; align-items: baseline; margin-bottom: 2px; }
.card .num { display: inline-block; min-width: 18px; padding: 3px 4px; border-radius: 9px;
  color: #fff; text-align: center; }
.card .badge { font-weight: 700; }
.card .where { color: var(--muted); margin-left: auto; }
.card p { margin: 2px 0; }
.card blockquote { margin: 4px 0; padding: 0 0 0 8px; border-left: 2px solid var(--rule);
  font: italic 14px/1.45 Georgia, "DejaVu Serif", serif; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 8px; margin: 4px 0; }
.card dt { color: var(--muted); }
.card dd { margin: 0; }
.card .diff ins { background: var(--verified-bg); text-decoration: none; font-weight: 700; }
.card .diff del { background: var(--misattributed-bg); }
.card .fix { color: var(--verified); }
.card .entry { color: var(--muted); font-family: "DejaVu Sans Mono", monospace; font-size: 11px; }
.none { color: var(--muted); font: italic 13px system-ui, "DejaVu Sans", sans-serif; }
footer { max-width: 1200px; margin: 24px auto; padding: 8px 24px; color: var(--muted);
  font: 12px system-ui, "DejaVu Sans", sans-serif; border-top: 1px solid var(--rule); }
@page { margin: 14mm; }
@media print {
  body { font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.sheet, main, footer { max-width: none; padding: 0; }
  .draft { break-before: page; }
  .draft:first-of-type { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
)css";

// The sheet is static: no script, no fetch, no frame, no form; only its own <style> element and
// links (which the policy does not govern) to web pages and to its own anchors. Fact bases are
// shared between newsrooms, so the sheet is written as if every string in one were hostile; the
// policy is the second line behind the escaping.
constexpr const char *kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

// The colours of each status, as CSS rules generated once from the status list.
std::string statusStyles() {
  std::string css;
  for (const auto &s : kStatuses) {
    std::string n = s.name;
    css += ".s-" + n + " { color: var(--" + n + "); }\n";
    css +=
        "mark.s-" + n + " { background: var(--" + n + "-bg); border-color: var(--" + n + "); }\n";
    css += ".card.s-" + n + " { border-color: var(--" + n + "); color: var(--ink); }\n";
    css += ".card.s-" + n + " .num, mark.s-" + n + " sup { background: var(--" + n +
           "); color: #fff; border-radius: 6px; padding: 1px 3px; }\n";
    css += ".card.s-" + n + " .badge { color: var(--" + n + "); }\n";
  }
  return css;
}

std::string countsList(const std::map<std::string, std::size_t> &counts) {
  std::string out = "<ul class=\"counts\">";
  for (const auto &s : kStatuses) {
    auto it = counts.find(s.name);
    std::size_t n = it == counts.end() ? 0 : it->second;
    out += std::string("<li class=\"s-") + s.name + (n == 0 ? " zero" : "") + "\"><b>" +
           std::to_string(n) + "</b>" + s.label + "</li>";
  }
  return out + "</ul>\n";
}

std::string personHtml(const PersonView &p) {
  if (!p.found)
    return "<code>" + esc(p.id) + "</code> (not in the fact base)";
  std::string out = "<strong>" + esc(p.name) + "</strong>";
  if (!p.detail.empty())
    out += ", " + esc(p.detail);
  return out;
}

std::string sourceHtml(const SourceView &s) {
  if (!s.found)
    return "<code>" + esc(s.id) + "</code> (not in the fact base)";
  std::string out = "<cite>" + esc(s.title) + "</cite>";
  if (!s.publisher.empty())
    out += ", " + esc(s.publisher);
  if (!s.date.empty())
    out += " (" + esc(formatDate(s.date)) + ")";
  // Only web addresses are links; a javascript:, data: or command: URL in a shared fact base is
  // shown as text (the sheet's Content-Security-Policy would stop a script anyway).
  if (isWebUrl(s.url))
    out += " <a href=\"" + esc(linkTarget(s.url)) + "\" rel=\"noopener noreferrer\">" + esc(s.url) +
           "</a>";
  else if (!s.url.empty())
    out += " <span class=\"url\">" + esc(s.url) + "</span>";
  return out;
}

std::string diffHtml(const std::vector<DiffPiece> &pieces) {
  return joinDiff(pieces, [](DiffPiece::Kind kind, const std::string &text) {
    std::string t = esc(text);
    return kind == DiffPiece::Kind::RecordOnly  ? "<ins title=\"on record\">" + t + "</ins>"
           : kind == DiffPiece::Kind::DraftOnly ? "<del title=\"in the draft\">" + t + "</del>"
                                                : t;
  });
}

void field(std::string &out, const char *label, const std::string &html) {
  if (!html.empty())
    out += std::string("<dt>") + label + "</dt><dd>" + html + "</dd>";
}

// `brief`: a verified claim's card, which leaves out the source's surrounding words.
std::string recordHtml(const RecordView &r, bool brief) {
  std::string out;
  if (!r.found && (r.kind == FactRef::Kind::Quote || r.kind == FactRef::Kind::Figure))
    return "<p>Recorded " + std::string(r.kind == FactRef::Kind::Quote ? "quote" : "figure") +
           " <code>" + esc(r.id) + "</code> is not in the fact base.</p>";
  std::string dl;
  switch (r.kind) {
  case FactRef::Kind::Quote: {
    out += "<blockquote>" + esc(r.text) + "</blockquote>";
    if (!r.diff.empty())
      out += "<p class=\"diff\">Difference: " + diffHtml(r.diff) + "</p>";
    field(dl, "Said by", personHtml(r.person));
    std::string when = r.event.found ? esc(r.event.name) : "";
    std::string date = r.event.found && !r.event.date.empty() ? r.event.date : r.date;
    if (!date.empty())
      when += (when.empty() ? "" : ", ") + esc(formatDate(date));
    field(dl, "When", when);
    break;
  }
  case FactRef::Kind::Figure:
    out +=
        "<blockquote>" + esc(r.text) + (r.unit.empty() ? "" : " " + esc(r.unit)) + "</blockquote>";
    field(dl, "Counts", esc(r.subject));
    if (!r.person.id.empty())
      field(dl, "Stated by", personHtml(r.person));
    field(dl, "Date", esc(formatDate(r.date)));
    if (!r.superseded_by.empty())
      field(dl, "Replaced by",
            r.superseded_by_text.empty()
                ? "<code>" + esc(r.superseded_by) + "</code>"
                : "<strong>" + esc(r.superseded_by_text) + "</strong>" +
                      (r.superseded_by_person.empty() ? "" : ", " + esc(r.superseded_by_person)) +
                      (r.superseded_by_date.empty()
                           ? ""
                           : " (" + esc(formatDate(r.superseded_by_date)) + ")"));
    break;
  case FactRef::Kind::Person:
    field(dl, "Person", personHtml(r.person));
    break;
  case FactRef::Kind::Event:
    field(dl, "Event",
          r.event.found ? esc(r.event.name) +
                              (r.event.date.empty() ? "" : ", " + esc(formatDate(r.event.date)))
                        : "<code>" + esc(r.event.id) + "</code> (not in the fact base)");
    break;
  }
  if (!r.source.id.empty())
    field(dl, "Source", sourceHtml(r.source));
  field(dl, "Note", esc(r.note));
  if (!brief)
    field(dl, "Context", esc(r.context));
  if (!dl.empty())
    out += "<dl>" + dl + "</dl>";
  if (r.kind == FactRef::Kind::Quote || r.kind == FactRef::Kind::Figure)
    out += "<p class=\"entry\">" + esc(r.id) + "</p>";
  return out;
}

// A finding's anchor: f<file>-<n>, n counted from 1 in the file's order.
std::string anchor(std::size_t file, std::size_t n) {
  return "f" + std::to_string(file + 1) + "-" + std::to_string(n);
}

struct Numbered {
  std::size_t n; // 1-based, in the file's order
  const Finding *finding;
};

std::string cardHtml(const Numbered &item, std::size_t file_no, const protocol::LineIndex &lines,
                     const facts::FactBase &base) {
  const Finding &f = *item.finding;
  FindingView view = describeFinding(f, base);
  TextPoint at = textPoint(lines, f.span.begin);
  std::string status(statusName(f.status));
  std::string out = "<article class=\"card s-" + status + "\" id=\"" + anchor(file_no, item.n) +
                    "\" data-status=\"" + status + "\" data-rule=\"" + esc(f.rule) + "\">";
  out += "<div class=\"head\"><span class=\"num\">" + std::to_string(item.n) +
         "</span><span class=\"badge\">" + esc(view.title) + "</span><span class=\"where\">line " +
         std::to_string(at.line) +
         (f.severity ? ", " + std::string(severityName(*f.severity)) : "") + "</span></div>";
  if (!f.message.empty())
    out += "<p class=\"msg\">" + esc(f.message) + "</p>";
  if (!view.attributed_to.empty())
    out += "<p>The draft gives it to " + esc(view.attributed_to) + "; the record:</p>";
  for (const auto &r : view.records)
    out += recordHtml(r, f.status == analyzers::Status::Verified);
  for (const auto &fix : f.fixes)
    out += "<p class=\"fix\">Fix: " + esc(fix.title) + "</p>";
  return out + "</article>";
}

// Paragraphs: runs of text between blank lines, as byte ranges.
std::vector<analyzers::Span> paragraphs(std::string_view text) {
  std::vector<analyzers::Span> out;
  std::size_t i = 0;
  while (i < text.size()) {
    // Skip blank lines.
    std::size_t line_end = text.find('\n', i);
    if (line_end == std::string_view::npos)
      line_end = text.size();
    if (text.substr(i, line_end - i).find_first_not_of(" \t\r") == std::string_view::npos) {
      i = line_end + 1;
      continue;
    }
    std::size_t begin = i;
    std::size_t end = line_end;
    while (end < text.size()) {
      std::size_t next = end + 1;
      std::size_t next_end = text.find('\n', next);
      if (next_end == std::string_view::npos)
        next_end = text.size();
      if (text.substr(next, next_end - next).find_first_not_of(" \t\r") == std::string_view::npos)
        break;
      end = next_end;
    }
    out.push_back({begin, end});
    i = end + 1;
  }
  return out;
}

// Escaped paragraph text where a line break is a soft one (shown as a space), except before a
// line that starts a list item, a quotation, a table row or a heading, which keeps its break.
std::string paragraphText(std::string_view piece, std::string_view text, std::size_t piece_end) {
  std::string out;
  std::size_t base = piece_end - piece.size();
  for (std::size_t i = 0; i < piece.size(); ++i) {
    if (piece[i] != '\n') { // the run up to the break escaped whole: a character is many bytes
      const std::size_t run_end = std::min(piece.find('\n', i), piece.size());
      out += esc(piece.substr(i, run_end - i));
      i = run_end - 1;
      continue;
    }
    std::size_t next = text.find_first_not_of(" \t", base + i + 1);
    char c = next == std::string_view::npos ? ' ' : text[next];
    bool numbered = c >= '0' && c <= '9' && next + 1 < text.size() &&
                    (text[next + 1] == '.' || text[next + 1] == ')');
    out += std::string_view("-*+>|#").find(c) != std::string_view::npos || numbered ? "<br>" : " ";
  }
  return out;
}

// A paragraph's text with each finding inside it marked. Where findings overlap, each piece of
// text is marked by the narrowest finding over it; every finding's number stands at its start.
std::string markedText(std::string_view text, analyzers::Span para,
                       const std::vector<Numbered> &items, std::size_t file_no) {
  std::set<std::size_t> cuts{para.begin, para.end};
  for (const auto &it : items) {
    const auto &s = it.finding->span;
    if (s.end <= para.begin || s.begin >= para.end)
      continue;
    cuts.insert(std::clamp(s.begin, para.begin, para.end));
    cuts.insert(std::clamp(s.end, para.begin, para.end));
  }
  std::string out;
  for (auto a = cuts.begin(), b = std::next(a); b != cuts.end(); ++a, ++b) {
    const Numbered *narrowest = nullptr;
    std::string starts;
    for (const auto &it : items) {
      const auto &s = it.finding->span;
      if (s.begin <= *a && *b <= s.end && s.begin < s.end) {
        if (!narrowest ||
            s.end - s.begin < narrowest->finding->span.end - narrowest->finding->span.begin)
          narrowest = &it;
        if (s.begin == *a)
          starts += "<sup><a href=\"#" + anchor(file_no, it.n) + "\">" + std::to_string(it.n) +
                    "</a></sup>";
      }
    }
    std::string piece = paragraphText(text.substr(*a, *b - *a), text, *b);
    if (!narrowest) {
      out += piece;
      continue;
    }
    std::string status(statusName(narrowest->finding->status));
    out += "<mark class=\"s-" + status + "\" data-finding=\"" + anchor(file_no, narrowest->n) +
           "\" title=\"" + esc(narrowest->finding->message) + "\">" + starts + piece + "</mark>";
  }
  return out;
}

std::string today() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return formatDate(buf);
}

} // namespace

void writeHtmlReport(std::ostream &out, const CheckReport &report) {
  const facts::FactBase &base = *report.base;
  std::string title = report.files.size() == 1 ? report.files.front().path
                                               : std::to_string(report.files.size()) + " drafts";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << kContentSecurityPolicy
      << "\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Review sheet: " << esc(title) << "</title>\n<style>" << kStyle << statusStyles()
      << "</style>\n</head>\n<body>\n<header class=\"sheet\">\n<h1>Review sheet: " << esc(title)
      << "</h1>\n";
  std::string bases = "the bundled fact base";
  for (const auto &f : report.fact_files)
    bases += ", " + f;
  SeverityCounts sev = countBySeverity(report.files);
  out << "<p class=\"meta\">" << report.files.size()
      << (report.files.size() == 1 ? " draft" : " drafts") << " checked against " << esc(bases)
      << " by factline " << FACTLINE_VERSION << " on " << today() << ". " << sev[0] + sev[1]
      << " to fix, " << sev[2] + sev[3] << " to look at.</p>\n";
  out << countsList(countByStatus(report.files));

  // The checklist: everything that needs a decision, in order, linked to its card.
  std::string rows;
  for (std::size_t fi = 0; fi < report.files.size(); ++fi) {
    const CheckedFile &file = report.files[fi];
    protocol::LineIndex lines(file.text);
    for (std::size_t i = 0; i < file.findings.size(); ++i) {
      const Finding &f = file.findings[i];
      if (!f.severity)
        continue;
      TextPoint at = textPoint(lines, f.span.begin);
      std::string status(statusName(f.status));
      rows += "<tr><td><a class=\"s-" + status + "\" href=\"#" + anchor(fi, i + 1) + "\">" +
              std::to_string(i + 1) + " " + esc(statusTitle(f)) + "</a></td><td>" + esc(file.path) +
              ":" + std::to_string(at.line) + "</td><td>" + esc(f.message) + "</td></tr>\n";
    }
  }
  if (!rows.empty())
    out << "<table class=\"checklist\"><thead><tr><th>Finding</th><th>Where</th><th>What the "
           "record says</th></tr></thead>\n<tbody>\n"
        << rows << "</tbody></table>\n";
  else
    out << "<p class=\"none\">Nothing to fix: every checked quote and figure matches the "
           "record.</p>\n";
  out << "</header>\n<main>\n";

  for (std::size_t fi = 0; fi < report.files.size(); ++fi) {
    const CheckedFile &file = report.files[fi];
    protocol::LineIndex lines(file.text);
    std::vector<Numbered> items;
    for (std::size_t i = 0; i < file.findings.size(); ++i)
      items.push_back({i + 1, &file.findings[i]});
    SeverityCounts c{};
    for (const auto &f : file.findings)
      if (f.severity)
        ++c[static_cast<std::size_t>(*f.severity) - 1];
    out << "<section class=\"draft\">\n<h2>" << esc(file.path)
        << "</h2>\n<p class=\"file-summary\">" << file.findings.size() << " checked, "
        << c[0] + c[1] << " to fix, " << c[2] + c[3] << " to look at</p>\n";
    std::vector<analyzers::Span> paras = paragraphs(file.text);
    // Each card stands beside the paragraph its finding starts in (or the last one before it).
    std::vector<std::string> cards(paras.size());
    for (const auto &it : items) {
      auto after = std::upper_bound(
          paras.begin(), paras.end(), it.finding->span.begin,
          [](std::size_t offset, const analyzers::Span &p) { return offset < p.begin; });
      if (!paras.empty())
        cards[after == paras.begin() ? 0 : std::size_t(after - paras.begin()) - 1] +=
            cardHtml(it, fi, lines, base);
    }
    for (std::size_t pi = 0; pi < paras.size(); ++pi) {
      const analyzers::Span &para = paras[pi];
      // Front matter (a leading "---" block) is shown as it stands; headings stand out.
      bool front = pi == 0 && file.text.compare(para.begin, 3, "---") == 0;
      bool heading = file.text[para.begin] == '#';
      out << "<div class=\"row\"><div class=\"text"
          << (front     ? " front"
              : heading ? " heading"
                        : "")
          << "\">"
          << (front ? esc(std::string_view(file.text).substr(para.begin, para.end - para.begin))
                    : markedText(file.text, para, items, fi))
          << "</div><aside class=\"records\">" << cards[pi] << "</aside></div>\n";
    }
    out << "</section>\n";
  }
  out << "</main>\n<footer>Each mark in the draft is a quote or figure Factline checked; its "
         "number "
         "leads to the record beside it. Colours: red, not what the record says; amber, altered; "
         "purple, replaced by a later figure; blue, not on record; green, verified.</footer>\n"
         "</body>\n</html>\n";
}

} // namespace factline::server
