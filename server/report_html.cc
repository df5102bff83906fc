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
h2.list { font-size: 15px; margin: 16px 0 2px; }
table.checklist { border-collapse: collapse; width: 100%; margin: 4px 0 16px; table-layout: fixed;
  font: 13px/1.4 system-ui, "DejaVu Sans", sans-serif; }
table.checklist th, table.checklist td { text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--rule); padding: 4px 8px 4px 0; overflow-wrap: anywhere; }
table.checklist th:nth-child(1) { width: 2.5em; }
table.checklist th:nth-child(2) { width: 9em; }
table.checklist th:nth-child(3) { width: 10em; }
table.checklist th:nth-child(5) { width: 11em; }
table.checklist th:nth-child(6) { width: 8.5em; }
table.checklist tr { break-inside: avoid; }
table.checklist a { color: inherit; font-weight: 700; }
table.checklist.reviewed { color: var(--muted); }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px;
  border-top: 1px solid var(--rule); padding: 10px 0; }
.row .text { overflow-wrap: anywhere; min-width: 0; }
.row .text.heading { font: 700 18px/1.3 system-ui, "DejaVu Sans", sans-serif; }
.row .text.front { color: var(--muted); font: 13px/1.4 system-ui, "DejaVu Sans", sans-serif; }
.row .text.front span { margin-right: 16px; }
.row .records { min-width: 0; }
mark sup a { color: #fff; text-decoration: none; }
mark { color: inherit; padding: 0 1px; border-radius: 2px; border-bottom: 2px solid; }
mark sup, .card .num, ol.verified .num { font: 700 10px/1 system-ui, "DejaVu Sans", sans-serif; }
mark sup { margin-right: 2px; }
.card { font: 13px/1.45 system-ui, "DejaVu Sans", sans-serif; border-left: 4px solid;
  padding: 6px 10px; margin: 0 0 10px; background: #fafbfc; break-inside: avoid;
  overflow-wrap: anywhere; min-width: 0; }
.card.reviewed { opacity: .8; }
.card .head { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: baseline; margin-bottom: 2px; }
.card .num { display: inline-block; min-width: 18px; padding: 3px 4px; border-radius: 9px;
  color: #fff; text-align: center; }
.card .badge { font-weight: 700; }
.card .where { color: var(--muted); margin-left: auto; }
.card p { margin: 2px 0; }
.card blockquote { margin: 4px 0; padding: 0 0 0 8px; border-left: 2px solid var(--rule);
  font: italic 14px/1.45 Georgia, "DejaVu Serif", serif; }
.card dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0 8px; margin: 4px 0; }
.card dt { color: var(--muted); }
.card dd { margin: 0; min-width: 0; }
.card .diff ins { background: var(--verified-bg); text-decoration: none; font-weight: 700; }
.card .diff del { background: var(--misattributed-bg); }
.card .fix { color: var(--verified); }
.entry { color: var(--muted); font-family: "DejaVu Sans Mono", monospace; font-size: 11px; }
.decision { margin: 6px 0 0; padding: 4px 0 0; border-top: 1px dashed var(--rule); }
.decision span { white-space: nowrap; margin-right: 6px; }
.decision .line { display: block; white-space: normal; color: var(--muted);
  border-bottom: 1px solid var(--muted); min-height: 2.2em; margin-top: 2px; }
.decision.recorded { color: var(--verified); }
.boxes span { white-space: nowrap; }
details.verified { font: 13px/1.45 system-ui, "DejaVu Sans", sans-serif; margin: 8px 0 0;
  border-top: 1px solid var(--rule); padding-top: 6px; }
details.verified summary { font-weight: 700; color: var(--verified); }
ol.verified { list-style: none; padding: 0; margin: 4px 0; columns: 2 24em; column-gap: 24px; }
ol.verified li { break-inside: avoid; margin: 0 0 4px; overflow-wrap: anywhere; }
ol.verified .num { background: var(--verified); color: #fff; border-radius: 6px; padding: 1px 3px; }
ol.verified .claim { font-style: italic; }
ol.verified .where { color: var(--muted); }
.none { color: var(--muted); font: italic 13px system-ui, "DejaVu Sans", sans-serif; }
footer { max-width: 1200px; margin: 24px auto; padding: 8px 24px; color: var(--muted);
  font: 12px system-ui, "DejaVu Sans", sans-serif; border-top: 1px solid var(--rule); }
@page { margin: 12mm; }
@media print {
  body { font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.sheet, main, footer { max-width: none; padding: 0; }
  .row { gap: 12px; padding: 6px 0; }
  .card, table.checklist, details.verified { font-size: 8.5pt; }
  .card blockquote { font-size: 9.5pt; }
  h2 { break-after: avoid; }
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

// One checked claim on the sheet. Findings (what needs a decision) are numbered 1, 2, ... through
// the whole sheet, in reading order; verified claims V1, V2, ..., listed apart after each draft.
struct Numbered {
  std::string label;  // "3", "V2"
  std::string anchor; // "n3", "v2"
  const Finding *finding;
  std::size_t file;
  const ReviewDecision *review; // the decision already recorded, or null
};

// The decision's place on a card, and in the checklist: the recorded one, or boxes to tick and a
// line to write on (screen and paper alike: the sheet has no form and no script).
std::string decisionHtml(const ReviewDecision *d, bool compact) {
  if (d)
    return "<div class=\"decision recorded\"><b>Reviewed:</b> " + esc(describeDecision(*d)) +
           "</div>";
  if (compact)
    return "<span class=\"boxes\"><span>\u2610 fixed</span> <span>\u2610 overruled</span></span>";
  std::string reasons;
  for (const auto &r : reviewReasons())
    if (std::string_view(r.code) != "other")
      reasons += "<span>\u2610 " + std::string(r.label) + "</span> ";
  return "<div class=\"decision\"><b>Decision:</b> <span>\u2610 fixed</span> "
         "<span>\u2610 overruled:</span> " +
         reasons + "<span class=\"line\">why, who, when:</span></div>";
}

std::string cardHtml(const Numbered &item, const CheckedFile &file,
                     const protocol::LineIndex &lines, const facts::FactBase &base) {
  const Finding &f = *item.finding;
  FindingView view = describeFinding(f, base);
  TextPoint at = textPoint(lines, f.span.begin);
  std::string status(statusName(f.status));
  std::string out = "<article class=\"card s-" + status + (item.review ? " reviewed" : "") +
                    "\" id=\"" + item.anchor + "\" data-status=\"" + status + "\" data-rule=\"" +
                    esc(f.rule) + "\">";
  out += "<div class=\"head\"><span class=\"num\">" + item.label + "</span><span class=\"badge\">" +
         esc(view.title) + "</span><span class=\"where\">" + esc(file.path) + ":" +
         std::to_string(at.line) +
         (f.severity ? ", " + std::string(severityName(*f.severity)) : "") + "</span></div>";
  if (!f.message.empty())
    out += "<p class=\"msg\">" + esc(f.message) + "</p>";
  if (!view.attributed_to.empty())
    out += "<p>The draft gives it to " + esc(view.attributed_to) + "; the record:</p>";
  for (const auto &r : view.records)
    out += recordHtml(r, false);
  for (const auto &fix : f.fixes)
    out += "<p class=\"fix\">Fix: " + esc(fix.title) + "</p>";
  out += decisionHtml(item.review, false);
  return out + "</article>";
}

// A verified claim in the compact list: its number, its words, and who said it when.
std::string verifiedHtml(const Numbered &item, const protocol::LineIndex &lines,
                         const facts::FactBase &base) {
  const Finding &f = *item.finding;
  FindingView view = describeFinding(f, base);
  std::string record;
  for (const auto &r : view.records) {
    if (!r.found)
      continue;
    if (r.kind == FactRef::Kind::Quote) {
      std::string date = r.event.found && !r.event.date.empty() ? r.event.date : r.date;
      record = (r.person.found ? esc(r.person.name) : esc(r.person.id)) +
               (r.event.found ? ", " + esc(r.event.name) : "") +
               (date.empty() ? "" : ", " + esc(formatDate(date)));
    } else if (r.kind == FactRef::Kind::Figure) {
      record = esc(r.text) + (r.unit.empty() ? "" : " " + esc(r.unit)) +
               (r.subject.empty() ? "" : ": " + esc(r.subject));
    } else {
      continue;
    }
    if (r.source.found) { // the source, in brief: who published it, linked when on the web
      const std::string name = r.source.publisher.empty() ? r.source.title : r.source.publisher;
      record += "; " + (isWebUrl(r.source.url)
                            ? "<a href=\"" + esc(linkTarget(r.source.url)) +
                                  "\" rel=\"noopener noreferrer\">" + esc(name) + "</a>"
                            : esc(name));
    }
    record += " <span class=\"entry\">" + esc(r.id) + "</span>";
    break;
  }
  const std::string words = f.claim.empty() ? view.title : f.claim;
  return "<li id=\"" + item.anchor + "\" data-status=\"verified\" data-rule=\"" + esc(f.rule) +
         "\"><span class=\"num\">" + item.label + "</span> <span class=\"claim\">" + esc(words) +
         "</span> <span class=\"where\">line " +
         std::to_string(textPoint(lines, f.span.begin).line) + "</span> \u2014 " + record + "</li>";
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
                       const std::vector<Numbered> &items) {
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
          starts += "<sup><a href=\"#" + it.anchor + "\">" + it.label + "</a></sup>";
      }
    }
    std::string piece = paragraphText(text.substr(*a, *b - *a), text, *b);
    if (!narrowest) {
      out += piece;
      continue;
    }
    std::string status(statusName(narrowest->finding->status));
    out += "<mark class=\"s-" + status + "\" data-finding=\"" + narrowest->anchor + "\" title=\"" +
           esc(narrowest->finding->message) + "\">" + starts + piece + "</mark>";
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

// Front matter as the writer's metadata ("title: ...", one per line), not the raw block.
std::string frontMatterHtml(std::string_view block) {
  std::string out;
  std::size_t i = 0;
  while (i < block.size()) {
    std::size_t end = std::min(block.find('\n', i), block.size());
    std::string_view line = block.substr(i, end - i);
    i = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
      line.remove_suffix(1);
    if (line.empty() || line == "---" || line == "...")
      continue;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      out += "<span>" + esc(line) + "</span>";
      continue;
    }
    std::string_view value = line.substr(colon + 1);
    value.remove_prefix(std::min(value.find_first_not_of(' '), value.size()));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    out += "<span><b>" + esc(line.substr(0, colon)) + ":</b> " + esc(value) + "</span>";
  }
  return out;
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

  // Every claim numbered once, through the whole sheet, in reading order.
  std::vector<std::vector<Numbered>> items(report.files.size());
  std::size_t findings_n = 0, verified_n = 0;
  for (std::size_t fi = 0; fi < report.files.size(); ++fi) {
    const CheckedFile &file = report.files[fi];
    std::vector<std::size_t> order(file.findings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return file.findings[a].span.begin < file.findings[b].span.begin;
    });
    for (std::size_t i : order) {
      const Finding &f = file.findings[i];
      const bool finding = f.severity.has_value();
      const std::size_t n = finding ? ++findings_n : ++verified_n;
      items[fi].push_back({(finding ? "" : "V") + std::to_string(n),
                           (finding ? "n" : "v") + std::to_string(n), &f, fi, file.reviewOf(i)});
    }
  }

  std::string bases = "the bundled fact base";
  for (const auto &f : report.fact_files)
    bases += ", " + f;
  SeverityCounts sev = countBySeverity(report.files);
  const std::size_t reviewed = countReviewed(report.files);
  out << "<p class=\"meta\">" << report.files.size()
      << (report.files.size() == 1 ? " draft" : " drafts") << " checked against " << esc(bases)
      << " by factline " << FACTLINE_VERSION << " on " << today() << ". " << sev[0] + sev[1]
      << " to fix, " << sev[2] + sev[3] << " to look at"
      << (reviewed ? ", " + std::to_string(reviewed) + " already reviewed" : std::string())
      << ".</p>\n";
  out << countsList(countByStatus(report.files));

  // The checklist: everything that needs a decision, in order, linked to its card; the findings
  // already decided in a table of their own.
  std::string open_rows, reviewed_rows;
  for (std::size_t fi = 0; fi < report.files.size(); ++fi) {
    const CheckedFile &file = report.files[fi];
    protocol::LineIndex lines(file.text);
    for (const Numbered &it : items[fi]) {
      const Finding &f = *it.finding;
      if (!f.severity)
        continue;
      TextPoint at = textPoint(lines, f.span.begin);
      std::string status(statusName(f.status));
      std::string fix;
      for (const auto &x : f.fixes)
        if (insertable(x))
          fix += (fix.empty() ? "" : "<br>") + esc(x.title);
      (it.review ? reviewed_rows : open_rows) +=
          "<tr><td class=\"n\"><a class=\"s-" + status + "\" href=\"#" + it.anchor + "\">" +
          it.label + "</a></td><td><span class=\"s-" + status + "\">" + esc(statusTitle(f)) +
          "</span></td><td class=\"where\">" + esc(file.path) + ":" + std::to_string(at.line) +
          "</td><td>" + esc(f.message) + "</td><td>" + (fix.empty() ? "\u2014" : fix) +
          "</td><td class=\"decide\">" +
          (it.review ? esc(describeDecision(*it.review)) : decisionHtml(nullptr, true)) +
          "</td></tr>\n";
    }
  }
  const char *head = "<thead><tr><th>#</th><th>Finding</th><th>Where</th><th>What the record "
                     "says</th><th>Suggested fix</th><th>Decision</th></tr></thead>\n";
  if (!open_rows.empty())
    out << "<h2 class=\"list\">To decide</h2>\n<table class=\"checklist\">" << head << "<tbody>\n"
        << open_rows << "</tbody></table>\n";
  else
    out << "<p class=\"none\">Nothing to decide: every checked quote and figure matches the "
           "record"
        << (reviewed ? ", or has been reviewed" : "") << ".</p>\n";
  if (!reviewed_rows.empty())
    out << "<h2 class=\"list\">Reviewed</h2>\n<table class=\"checklist reviewed\">" << head
        << "<tbody>\n"
        << reviewed_rows << "</tbody></table>\n";
  out << "</header>\n<main>\n";

  for (std::size_t fi = 0; fi < report.files.size(); ++fi) {
    const CheckedFile &file = report.files[fi];
    protocol::LineIndex lines(file.text);
    SeverityCounts c{};
    std::size_t verified = 0;
    for (const auto &it : items[fi])
      if (!it.finding->severity)
        ++verified;
      else if (!it.review)
        ++c[static_cast<std::size_t>(*it.finding->severity) - 1];
    out << "<section class=\"draft\">\n<h2>" << esc(file.path)
        << "</h2>\n<p class=\"file-summary\">" << items[fi].size() << " checked: " << c[0] + c[1]
        << " to fix, " << c[2] + c[3] << " to look at, " << verified << " verified</p>\n";
    std::vector<analyzers::Span> paras = paragraphs(file.text);
    // Each finding's card stands beside the paragraph it starts in (or the last one before it);
    // verified claims are marked in the text and listed after the draft.
    std::vector<std::string> cards(paras.size());
    std::string verified_list;
    for (const auto &it : items[fi]) {
      if (!it.finding->severity) {
        verified_list += verifiedHtml(it, lines, base);
        continue;
      }
      auto after = std::upper_bound(
          paras.begin(), paras.end(), it.finding->span.begin,
          [](std::size_t offset, const analyzers::Span &p) { return offset < p.begin; });
      if (!paras.empty())
        cards[after == paras.begin() ? 0 : std::size_t(after - paras.begin()) - 1] +=
            cardHtml(it, file, lines, base);
    }
    const bool markdown =
        file.path == "<stdin>" || file.path.ends_with(".md") || file.path.ends_with(".markdown");
    for (std::size_t pi = 0; pi < paras.size(); ++pi) {
      analyzers::Span para = paras[pi];
      const std::string_view text(file.text);
      // Front matter (a leading "---" block) as the draft's metadata; a heading without its "#".
      const bool front = markdown && pi == 0 && text.compare(para.begin, 3, "---") == 0;
      std::size_t level = 0;
      if (markdown && !front) {
        while (para.begin + level < para.end && text[para.begin + level] == '#')
          ++level;
        if (level == 0 || level > 6 || para.begin + level >= para.end ||
            text[para.begin + level] != ' ')
          level = 0;
        else
          para.begin = text.find_first_not_of(' ', para.begin + level);
      }
      out << "<div class=\"row\"><div class=\"text"
          << (front   ? " front"
              : level ? " heading"
                      : "")
          << "\">"
          << (front ? frontMatterHtml(text.substr(para.begin, para.end - para.begin))
                    : markedText(file.text, para, items[fi]))
          << "</div><aside class=\"records\">" << cards[pi] << "</aside></div>\n";
    }
    if (!verified_list.empty())
      out << "<details class=\"verified\" open><summary>Verified (" << verified
          << "): on record as the draft has them</summary><ol class=\"verified\">" << verified_list
          << "</ol></details>\n";
    out << "</section>\n";
  }
  out << "</main>\n<footer>Each mark in the draft is a quote or figure Factline checked: a number "
         "leads to the finding's card beside it, V and a number to the list of verified claims "
         "after the draft. Colours: red, not what the record says; amber, altered; purple, "
         "replaced by a later figure; blue, not on record; green, verified. Decisions recorded in "
         ".factline/reviews.json show on their cards.</footer>\n"
         "</body>\n</html>\n";
}

} // namespace factline::server
