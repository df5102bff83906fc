// Rendering a finding's record (record_view.h) as Markdown, free of LSP types.
#include "server/record_render.h"

#include <algorithm>

namespace factline::server {
namespace {

using analyzers::DiffPiece;
using analyzers::FactRef;

// An id as a code span, which editors' "open fact base entry" commands look for. Its fence is
// longer than any run of backquotes in the id, so that no id can close it early.
std::string codeSpan(const std::string &id) {
  std::string shown = escapeControls(id);
  std::size_t longest = 0;
  for (std::size_t i = 0, run = 0; i < shown.size(); ++i) {
    run = shown[i] == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  std::string pad = longest > 0 ? " " : "";
  return fence + pad + shown + pad + fence;
}

std::string missing(const std::string &id) { return codeSpan(id) + " (not in the fact base)"; }

std::string sourceLine(const SourceView &s) {
  if (s.id.empty())
    return {};
  if (!s.found)
    return "Source: " + missing(s.id);
  std::string out = "Source: *" + escapeMarkdown(s.title) + "*";
  if (!s.publisher.empty())
    out += ", " + escapeMarkdown(s.publisher);
  if (!s.date.empty())
    out += " (" + formatDate(s.date) + ")";
  // Only a web address is a link: an autolink of its target, percent-encoded so that nothing in it
  // (">", white space) can end the autolink and start a link of its own. Anything else (a
  // command: or javascript: URL in a shared fact base) is escaped text.
  if (isWebUrl(s.url))
    out += " <" + linkTarget(s.url) + ">";
  else if (!s.url.empty())
    out += " " + escapeMarkdown(s.url);
  return out;
}

std::string personLine(const PersonView &p) {
  if (!p.found)
    return missing(p.id);
  std::string out = "**" + escapeMarkdown(p.name) + "**";
  if (!p.detail.empty())
    out += ", " + escapeMarkdown(p.detail);
  return out;
}

std::string eventLine(const EventView &e, const std::string &fallback_date) {
  std::string out;
  if (!e.id.empty()) {
    out = e.found ? escapeMarkdown(e.name) : missing(e.id);
    if (e.found && !e.date.empty())
      return out + ", " + formatDate(e.date);
  }
  if (!fallback_date.empty())
    out += (out.empty() ? "" : ", ") + formatDate(fallback_date);
  return out;
}

// The diff pieces as one line, marked as wdiff marks them: the draft's own words [-like this-],
// the record's {+like this+}. Unlike Markdown's ~~strikethrough~~, which clients that do not render
// it (Neovim's floating hover) show raw, these read the same rendered or not; CommonMark leaves a
// bracket that opens no link, and braces, as they are.
std::string renderDiff(const std::vector<DiffPiece> &pieces) {
  return joinDiff(pieces, [](DiffPiece::Kind kind, const std::string &text) {
    std::string t = escapeMarkdown(text);
    return kind == DiffPiece::Kind::RecordOnly  ? "{+" + t + "+}"
           : kind == DiffPiece::Kind::DraftOnly ? "[-" + t + "-]"
                                                : t;
  });
}

void renderQuote(std::string &out, const RecordView &r) {
  if (!r.found) {
    out += "Recorded quote " + codeSpan(r.id) + " is not in the fact base.\n\n";
    return;
  }
  out += "> " + escapeMarkdown(r.text) + "\n\n";
  if (!r.diff.empty())
    out +=
        "Difference (the draft's words [-so-], the record's {+so+}): " + renderDiff(r.diff) + "\n\n";
  out += "- Said by: " + personLine(r.person) + "\n";
  if (std::string ev = eventLine(r.event, r.date); !ev.empty())
    out += "- When: " + ev + "\n";
  if (!r.place.empty())
    out += "- In the transcript: " + escapeMarkdown(r.place) + "\n";
  if (std::string src = sourceLine(r.source); !src.empty())
    out += "- " + src + "\n";
  if (!r.note.empty())
    out += "- Note: " + escapeMarkdown(r.note) + "\n";
  if (!r.context.empty())
    out += "- Context: " + escapeMarkdown(r.context) + "\n";
  out += "- Entry: " + codeSpan(r.id) + "\n\n";
}

void renderFigure(std::string &out, const RecordView &r) {
  if (!r.found) {
    out += "Recorded figure " + codeSpan(r.id) + " is not in the fact base.\n\n";
    return;
  }
  out += "Record: **" + escapeMarkdown(r.text) + "**";
  if (!r.unit.empty())
    out += " " + escapeMarkdown(r.unit);
  out += "\n\n";
  if (!r.subject.empty())
    out += "- Counts: " + escapeMarkdown(r.subject) + "\n";
  if (!r.person.id.empty())
    out += "- Stated by: " + personLine(r.person) + "\n";
  if (!r.date.empty())
    out += "- Date: " + formatDate(r.date) + "\n";
  if (std::string src = sourceLine(r.source); !src.empty())
    out += "- " + src + "\n";
  if (!r.superseded_by.empty()) {
    if (!r.superseded_by_text.empty()) {
      out += "- Superseded by: **" + escapeMarkdown(r.superseded_by_text) + "**";
      if (!r.superseded_by_person.empty())
        out += ", stated by " + escapeMarkdown(r.superseded_by_person);
      if (!r.superseded_by_date.empty())
        out += " (" + formatDate(r.superseded_by_date) + ")";
      out += "\n";
    } else {
      out += "- Superseded by " + codeSpan(r.superseded_by) + "\n";
    }
  }
  if (!r.context.empty())
    out += "- Context: " + escapeMarkdown(r.context) + "\n";
  out += "- Entry: " + codeSpan(r.id) + "\n\n";
}

void renderPerson(std::string &out, const RecordView &r) {
  out += "Person: " + personLine(r.person) + "\n";
  if (r.person.found && !r.person.aliases.empty()) {
    std::string names;
    for (const auto &a : r.person.aliases)
      names += (names.empty() ? "" : ", ") + escapeMarkdown(a);
    out += "- Also named: " + names + "\n";
  }
  out += "\n";
}

void renderEvent(std::string &out, const RecordView &r) {
  out += "Event: " + eventLine(r.event, {}) + "\n";
  if (r.event.found && !r.event.description.empty())
    out += "- " + escapeMarkdown(r.event.description) + "\n";
  out += "\n";
}

} // namespace

std::string escapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Line breaks become spaces (a record's text is one paragraph); other control characters are
  // written out (escapeControls()), so that a hover never holds an escape sequence or a bidi
  // override. The backslash it writes is escaped like any other, so "\u{1b}" shows as written.
  for (char c : escapeControls(text, /*keep_line_breaks=*/true)) {
    if (std::string_view("\\`*_[]<>~|#").find(c) != std::string_view::npos)
      out += '\\';
    out += c == '\n' || c == '\t' ? ' ' : c;
  }
  return out;
}

std::string renderFinding(const analyzers::Finding &f, const facts::FactBase &base) {
  FindingView view = describeFinding(f, base);
  std::string out = "### " + view.title + "\n\n";
  if (!view.message.empty())
    out += escapeMarkdown(view.message) + "\n\n";
  if (!view.attributed_to.empty())
    out += "The draft gives it to " + escapeMarkdown(view.attributed_to) + "; the record:\n\n";
  for (const RecordView &r : view.records) {
    switch (r.kind) {
    case FactRef::Kind::Quote:
      renderQuote(out, r);
      break;
    case FactRef::Kind::Figure:
      renderFigure(out, r);
      break;
    case FactRef::Kind::Person:
      renderPerson(out, r);
      break;
    case FactRef::Kind::Event:
      renderEvent(out, r);
      break;
    }
  }
  while (out.size() >= 2 && out.back() == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

} // namespace factline::server
