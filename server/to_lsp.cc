// Findings to diagnostics, hovers and code actions in the client's position encoding.
#include "server/to_lsp.h"

#include <algorithm>

#include "server/record_render.h"
#include "server/record_view.h"
#include "server/rule_docs.h"

namespace factline::server {

using analyzers::Finding;
using analyzers::Span;
using protocol::json;

std::string_view statusName(analyzers::Status status) {
  switch (status) {
  case analyzers::Status::Verified:
    return "verified";
  case analyzers::Status::Altered:
    return "altered";
  case analyzers::Status::Misattributed:
    return "misattributed";
  case analyzers::Status::WrongOccasion:
    return "wrong-occasion";
  case analyzers::Status::Unverified:
    return "unverified";
  case analyzers::Status::Wrong:
    return "wrong";
  case analyzers::Status::Superseded:
    return "superseded";
  case analyzers::Status::Problem:
    break;
  }
  return "problem";
}

namespace {

std::string_view kindName(analyzers::FactRef::Kind kind) {
  switch (kind) {
  case analyzers::FactRef::Kind::Quote:
    return "quote";
  case analyzers::FactRef::Kind::Figure:
    return "figure";
  case analyzers::FactRef::Kind::Person:
    return "person";
  case analyzers::FactRef::Kind::Event:
    break;
  }
  return "event";
}

bool touches(const Span &finding, const Span &selection) {
  if (selection.begin == selection.end) // a cursor
    return finding.begin <= selection.begin && selection.begin <= finding.end;
  return finding.overlaps(selection);
}

} // namespace

protocol::Range toRange(Span span, const LspView &view) {
  return {view.lines.toPosition(span.begin, view.encoding),
          view.lines.toPosition(span.end, view.encoding)};
}

Span toSpan(const protocol::Range &range, const LspView &view) {
  std::size_t a = view.lines.toOffset(range.start, view.encoding);
  std::size_t b = view.lines.toOffset(range.end, view.encoding);
  return a <= b ? Span{a, b} : Span{b, a};
}

protocol::Diagnostic toDiagnostic(const Finding &f, const LspView &view) {
  protocol::Diagnostic d;
  d.range = toRange(f.span, view);
  if (f.severity)
    d.severity = static_cast<protocol::DiagnosticSeverity>(static_cast<int>(*f.severity));
  d.code = f.rule;
  d.code_href = ruleDocUri(f.rule);
  d.source = "factline";
  d.message = escapeControls(f.message, /*keep_line_breaks=*/true);
  json evidence = json::array();
  for (const auto &ref : f.evidence)
    evidence.push_back(json{{"kind", kindName(ref.kind)}, {"id", ref.id}});
  d.data = json{{"rule", f.rule}, {"status", statusName(f.status)}, {"evidence", evidence}};
  return d;
}

std::vector<protocol::Diagnostic> toDiagnostics(const std::vector<Finding> &findings,
                                                const LspView &view) {
  std::vector<protocol::Diagnostic> out;
  for (const auto &f : findings)
    if (f.severity)
      out.push_back(toDiagnostic(f, view));
  return out;
}

namespace {

// At most `limit` characters of `text` on one line, cut at a word with an ellipsis.
std::string shortened(std::string_view text, std::size_t limit) {
  std::string out;
  std::size_t chars = 0, last_space = std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char && ++chars > limit) {
      if (last_space != std::string::npos && last_space > out.size() / 2)
        out.resize(last_space);
      return out + "\u2026";
    }
    if (c == '\n' || c == '\r' || c == '\t')
      c = ' ';
    if (c == ' ') {
      if (!out.empty() && out.back() == ' ')
        continue;
      last_space = out.size();
    }
    out += static_cast<char>(c);
  }
  return out;
}

} // namespace

std::vector<protocol::DocumentSymbol> toDocumentSymbols(const std::vector<Finding> &findings,
                                                        const facts::FactBase &base,
                                                        const LspView &view) {
  std::vector<const Finding *> ordered;
  for (const auto &f : findings)
    ordered.push_back(&f);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Finding *a, const Finding *b) {
    return a->span.begin < b->span.begin;
  });
  std::vector<protocol::DocumentSymbol> out;
  for (const Finding *f : ordered) {
    FindingView record = describeFinding(*f, base);
    bool figure =
        f->rule.rfind("figure", 0) == 0 ||
        (!f->evidence.empty() && f->evidence.front().kind == analyzers::FactRef::Kind::Figure);
    protocol::DocumentSymbol s;
    // The status leads the name: clients that list symbols by name alone (Neovim's
    // document_symbol, a quickfix list) still show what became of each claim.
    std::string claim = shortened(f->claim, 60);
    if (!figure && !claim.empty())
      claim = "\u201C" + claim + "\u201D";
    s.name = escapeControls(claim.empty() ? record.title : record.title + ": " + claim);
    for (const auto &r : record.records) {
      if (r.kind == analyzers::FactRef::Kind::Quote && r.found && r.person.found) {
        s.detail = r.person.name;
        if (std::string date = r.event.found && !r.event.date.empty() ? r.event.date : r.date;
            !date.empty())
          s.detail += ", " + formatDate(date);
        break;
      }
      if (r.kind == analyzers::FactRef::Kind::Figure && r.found) {
        s.detail = "the record says " + r.text + (r.unit.empty() ? "" : " " + r.unit);
        break;
      }
    }
    s.detail = escapeControls(s.detail);
    s.kind = figure ? protocol::SymbolKind::Number : protocol::SymbolKind::String;
    s.range = toRange(f->span, view);
    s.selectionRange = s.range;
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<protocol::Hover> toHover(const std::vector<Finding> &findings, std::size_t offset,
                                       const facts::FactBase &base, const LspView &view,
                                       bool markdown) {
  std::string text;
  std::optional<Span> covered;
  for (const auto &f : findings) {
    if (!(f.span.begin <= offset && offset <= f.span.end))
      continue;
    if (!text.empty())
      text += "\n\n---\n\n";
    text += renderFinding(f, base);
    covered = covered
                  ? Span{std::min(covered->begin, f.span.begin), std::max(covered->end, f.span.end)}
                  : f.span;
  }
  if (!covered)
    return std::nullopt;
  protocol::Hover hover;
  hover.contents.kind = markdown ? "markdown" : "plaintext";
  hover.contents.value = std::move(text);
  hover.range = toRange(*covered, view);
  return hover;
}

std::vector<protocol::CodeAction> toCodeActions(const std::vector<Finding> &findings,
                                                Span selection, const std::string &uri,
                                                std::optional<std::int64_t> version,
                                                const LspView &view) {
  std::vector<protocol::CodeAction> out;
  for (const auto &f : findings) {
    if (f.fixes.empty() || !touches(f.span, selection))
      continue;
    bool first = true;
    for (const auto &fix : f.fixes) {
      if (!insertable(fix)) // never a control character into the draft
        continue;
      protocol::CodeAction action;
      action.title = escapeControls(fix.title);
      if (f.severity)
        action.diagnostics.push_back(toDiagnostic(f, view));
      action.isPreferred = first;
      first = false;
      auto &edits = action.edit.changes[uri];
      for (const auto &r : fix.edits)
        edits.push_back({toRange(r.span, view), r.text});
      action.edit.version = version;
      out.push_back(std::move(action));
    }
  }
  return out;
}

protocol::Diagnostic toDiagnostic(const facts::LoadError &error,
                                  protocol::DiagnosticSeverity severity, std::string_view text,
                                  const LspView &view) {
  protocol::Diagnostic d;
  d.severity = severity;
  d.code = "fact-base";
  d.source = "factline";
  d.message = escapeControls(
      error.json_path.empty() ? error.message : error.json_path + ": " + error.message,
      /*keep_line_breaks=*/true);
  if (error.line == 0)
    return d; // about the whole file: its first character
  auto to32 = [](std::size_t n) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(n, UINT32_MAX));
  };
  std::size_t begin =
      view.lines.toOffset({to32(error.line - 1), to32(error.column > 0 ? error.column - 1 : 0)},
                          protocol::PositionEncoding::Utf32);
  std::size_t end = begin;
  if (end < text.size() && text[end] == '"') { // a string: to its closing quote
    for (++end; end < text.size() && text[end] != '"' && text[end] != '\n'; ++end)
      if (text[end] == '\\')
        ++end;
    end = std::min(end + 1, text.size());
  } else {
    while (end < text.size() &&
           std::string_view(",}] \t\r\n").find(text[end]) == std::string_view::npos)
      ++end;
  }
  if (end == begin && end < text.size() && text[end] != '\n')
    ++end;
  d.range = toRange({begin, end}, view);
  return d;
}

} // namespace factline::server
