// Rendering findings and their records as Markdown, free of LSP types.
#include "server/record_render.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace factline::server {
namespace {

using analyzers::DiffPiece;
using analyzers::FactRef;
using analyzers::Finding;
using analyzers::Status;

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  if (prefix.empty() || text.size() < prefix.size())
    return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// An id as a code span, which editors' "open fact base entry" commands look for.
std::string codeSpan(const std::string &id) {
  return id.find('`') == std::string::npos ? "`" + id + "`" : "``" + id + "``";
}

bool isFigureFinding(const Finding &f) {
  if (f.rule.rfind("figure", 0) == 0)
    return true;
  return !f.evidence.empty() && f.evidence.front().kind == FactRef::Kind::Figure;
}

std::string sourceLine(const facts::FactBase &base, const std::string &source_id) {
  if (source_id.empty())
    return {};
  const facts::Source *s = base.source(source_id);
  if (!s)
    return "Source: `" + escapeMarkdown(source_id) + "` (not in the fact base)";
  std::string out = "Source: *" + escapeMarkdown(s->title) + "*";
  if (!s->publisher.empty())
    out += ", " + escapeMarkdown(s->publisher);
  if (!s->date.empty())
    out += " (" + formatDate(s->date) + ")";
  if (!s->url.empty())
    out += " <" + s->url + ">";
  return out;
}

std::string personLine(const facts::FactBase &base, const std::string &id) {
  const facts::Person *p = base.person(id);
  if (!p)
    return "`" + escapeMarkdown(id) + "` (not in the fact base)";
  std::string out = "**" + escapeMarkdown(p->name) + "**";
  if (!p->role.empty())
    out += ", " + escapeMarkdown(p->role);
  else if (const facts::Person *org =
               p->organisation.empty() ? nullptr : base.person(p->organisation))
    out += ", " + escapeMarkdown(org->name);
  return out;
}

std::string eventLine(const facts::FactBase &base, const std::string &id,
                      const std::string &fallback_date) {
  std::string out;
  if (!id.empty()) {
    const facts::Event *e = base.event(id);
    out = e ? escapeMarkdown(e->name) : "`" + escapeMarkdown(id) + "` (not in the fact base)";
    if (e && !e->date.empty())
      return out + ", " + formatDate(e->date);
  }
  if (!fallback_date.empty())
    out += (out.empty() ? "" : ", ") + formatDate(fallback_date);
  return out;
}

// The diff pieces as one line: record-only words bold, draft-only words struck through.
std::string renderDiff(const std::vector<DiffPiece> &pieces) {
  std::string out;
  for (const auto &p : pieces) {
    if (p.text.empty())
      continue;
    if (!out.empty())
      out += ' ';
    switch (p.kind) {
    case DiffPiece::Kind::Same:
      out += escapeMarkdown(p.text);
      break;
    case DiffPiece::Kind::RecordOnly:
      out += "**" + escapeMarkdown(p.text) + "**";
      break;
    case DiffPiece::Kind::DraftOnly:
      out += "~~" + escapeMarkdown(p.text) + "~~";
      break;
    }
  }
  return out;
}

void renderQuote(std::string &out, const Finding &f, const FactRef &ref,
                 const facts::FactBase &base, bool with_diff, std::set<std::string> &shown) {
  const facts::Quote *q = base.quote(ref.id);
  if (!q) {
    out += "Recorded quote `" + escapeMarkdown(ref.id) + "` is not in the fact base.\n\n";
    return;
  }
  shown.insert("person:" + q->speaker);
  shown.insert("event:" + q->event);
  const facts::QuoteVariant *variant =
      ref.variant >= 0 && static_cast<std::size_t>(ref.variant) < q->variants.size()
          ? &q->variants[static_cast<std::size_t>(ref.variant)]
          : nullptr;
  out += "> " + escapeMarkdown(variant ? variant->text : q->text) + "\n\n";
  if (with_diff && !f.diff.empty())
    out +=
        "Difference (record in **bold**, draft struck ~~through~~): " + renderDiff(f.diff) + "\n\n";
  out += "- Said by: " + personLine(base, q->speaker) + "\n";
  if (std::string ev = eventLine(base, q->event, q->date); !ev.empty())
    out += "- When: " + ev + "\n";
  if (std::string src =
          sourceLine(base, variant && !variant->source.empty() ? variant->source : q->source);
      !src.empty())
    out += "- " + src + "\n";
  if (variant && !variant->note.empty())
    out += "- Note: " + escapeMarkdown(variant->note) + "\n";
  if (!q->context.empty())
    out += "- Context: " + escapeMarkdown(q->context) + "\n";
  out += "- Entry: " + codeSpan(q->id) + "\n\n";
}

// The figure's words with its qualifier, without saying the qualifier twice.
std::string figureText(const facts::Figure &fig) {
  if (fig.qualifier.empty() || startsWithIgnoreCase(fig.text, fig.qualifier))
    return fig.text;
  return fig.qualifier + " " + fig.text;
}

void renderFigure(std::string &out, const FactRef &ref, const facts::FactBase &base,
                  std::set<std::string> &shown) {
  const facts::Figure *fig = base.figure(ref.id);
  if (!fig) {
    out += "Recorded figure `" + escapeMarkdown(ref.id) + "` is not in the fact base.\n\n";
    return;
  }
  shown.insert("person:" + fig->stated_by);
  out += "Record: **" + escapeMarkdown(figureText(*fig)) + "**";
  if (!fig->unit.empty() && fig->text.find(fig->unit) == std::string::npos)
    out += " " + escapeMarkdown(fig->unit);
  out += "\n\n";
  if (!fig->subject.empty())
    out += "- Counts: " + escapeMarkdown(fig->subject) + "\n";
  if (!fig->stated_by.empty())
    out += "- Stated by: " + personLine(base, fig->stated_by) + "\n";
  if (!fig->date.empty())
    out += "- Date: " + formatDate(fig->date) + "\n";
  if (std::string src = sourceLine(base, fig->source); !src.empty())
    out += "- " + src + "\n";
  if (!fig->superseded_by.empty()) {
    const facts::Figure *next = base.figure(fig->superseded_by);
    if (next) {
      out += "- Superseded by: **" + escapeMarkdown(figureText(*next)) + "**";
      if (!next->stated_by.empty())
        if (const facts::Person *p = base.person(next->stated_by))
          out += ", stated by " + escapeMarkdown(p->name);
      if (!next->date.empty())
        out += " (" + formatDate(next->date) + ")";
      out += "\n";
    } else {
      out += "- Superseded by `" + escapeMarkdown(fig->superseded_by) + "`\n";
    }
  }
  if (!fig->context.empty())
    out += "- Context: " + escapeMarkdown(fig->context) + "\n";
  out += "- Entry: " + codeSpan(fig->id) + "\n\n";
}

void renderPerson(std::string &out, const FactRef &ref, const facts::FactBase &base) {
  out += "Person: " + personLine(base, ref.id) + "\n";
  if (const facts::Person *p = base.person(ref.id); p && !p->aliases.empty()) {
    std::string names;
    for (const auto &a : p->aliases)
      names += (names.empty() ? "" : ", ") + escapeMarkdown(a);
    out += "- Also named: " + names + "\n";
  }
  out += "\n";
}

void renderEvent(std::string &out, const FactRef &ref, const facts::FactBase &base) {
  out += "Event: " + eventLine(base, ref.id, {}) + "\n";
  if (const facts::Event *e = base.event(ref.id); e && !e->description.empty())
    out += "- " + escapeMarkdown(e->description) + "\n";
  out += "\n";
}

} // namespace

std::string formatDate(std::string_view d) {
  static constexpr std::array<std::string_view, 12> months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  auto digits = [&](std::size_t from, std::size_t n) {
    return std::all_of(d.begin() + from, d.begin() + from + n,
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !digits(0, 4) || !digits(5, 2) ||
      !digits(8, 2))
    return std::string(d);
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return std::string(d);
  return std::to_string(day) + " " + std::string(months[month - 1]) + " " +
         std::string(d.substr(0, 4));
}

std::string escapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (std::string_view("\\`*_[]<>~|#").find(c) != std::string_view::npos)
      out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string statusTitle(const Finding &f) {
  bool figure = isFigureFinding(f);
  switch (f.status) {
  case Status::Verified:
    return figure ? "Verified figure" : "Verified quote";
  case Status::Altered:
    return "Altered quote";
  case Status::Misattributed:
    return "Misattributed quote";
  case Status::WrongOccasion:
    return "Wrong occasion";
  case Status::Unverified:
    return "Unverified quote";
  case Status::Wrong:
    return "Wrong figure";
  case Status::Superseded:
    return "Superseded figure";
  case Status::Problem:
    break;
  }
  if (f.rule == "quote-unterminated")
    return "Unterminated quotation";
  return "Problem";
}

std::string renderFinding(const Finding &f, const facts::FactBase &base) {
  std::string out = "### " + statusTitle(f) + "\n\n";
  if (!f.message.empty())
    out += escapeMarkdown(f.message) + "\n\n";
  if (f.status == Status::Misattributed && !f.attributed_to.empty())
    if (const facts::Person *p = base.person(f.attributed_to))
      out += "The draft gives it to " + escapeMarkdown(p->name) + "; the record:\n\n";
  std::set<std::string> shown; // people and events already named by a quote or figure above
  bool diff_shown = false;
  for (const FactRef &ref : f.evidence) {
    switch (ref.kind) {
    case FactRef::Kind::Quote:
      renderQuote(out, f, ref, base, !diff_shown, shown);
      diff_shown = true;
      break;
    case FactRef::Kind::Figure:
      renderFigure(out, ref, base, shown);
      break;
    case FactRef::Kind::Person:
      if (shown.insert("person:" + ref.id).second)
        renderPerson(out, ref, base);
      break;
    case FactRef::Kind::Event:
      if (shown.insert("event:" + ref.id).second)
        renderEvent(out, ref, base);
      break;
    }
  }
  while (out.size() >= 2 && out.back() == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

} // namespace factline::server
