// Gathering the record behind a finding from the fact base, for every renderer.
#include "server/record_view.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <set>
#include <utility>

namespace factline::server {
namespace {

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

bool isFigureFinding(const Finding &f) {
  if (f.rule.rfind("figure", 0) == 0)
    return true;
  return !f.evidence.empty() && f.evidence.front().kind == FactRef::Kind::Figure;
}

// The figure's words with its qualifier, without saying the qualifier twice.
std::string figureText(const facts::Figure &fig) {
  if (fig.qualifier.empty() || startsWithIgnoreCase(fig.text, fig.qualifier))
    return fig.text.str();
  return fig.qualifier + " " + fig.text;
}

PersonView personView(const facts::FactBase &base, std::string_view id) {
  PersonView v;
  v.id = std::string(id);
  const facts::Person *p = id.empty() ? nullptr : base.person(id);
  if (!p)
    return v;
  v.found = true;
  v.name = p->name;
  v.aliases = p->aliases;
  if (!p->role.empty())
    v.detail = p->role;
  else if (const facts::Person *org =
               p->organisation.empty() ? nullptr : base.person(p->organisation))
    v.detail = org->name;
  return v;
}

EventView eventView(const facts::FactBase &base, std::string_view id) {
  EventView v;
  v.id = std::string(id);
  if (const facts::Event *e = id.empty() ? nullptr : base.event(id)) {
    v.found = true;
    v.name = e->name;
    v.date = e->date;
    v.description = e->description;
  }
  return v;
}

SourceView sourceView(const facts::FactBase &base, std::string_view id) {
  SourceView v;
  v.id = std::string(id);
  if (const facts::Source *s = id.empty() ? nullptr : base.source(id)) {
    v.found = true;
    v.title = s->title;
    v.publisher = s->publisher;
    v.date = s->date;
    v.url = s->url;
  }
  return v;
}

RecordView quoteRecord(const Finding &f, const FactRef &ref, const facts::FactBase &base,
                       bool with_diff) {
  RecordView r;
  r.kind = ref.kind;
  r.id = ref.id;
  if (with_diff)
    r.diff = f.diff;
  const facts::Quote *q = base.quote(ref.id);
  if (!q)
    return r;
  r.found = true;
  const facts::QuoteVariant *variant =
      ref.variant >= 0 && static_cast<std::size_t>(ref.variant) < q->variants.size()
          ? &q->variants[static_cast<std::size_t>(ref.variant)]
          : nullptr;
  r.text = variant ? variant->text : q->text;
  r.person = personView(base, q->speaker);
  r.event = eventView(base, q->event);
  r.date = q->date;
  r.source = sourceView(base, variant && !variant->source.empty() ? variant->source : q->source);
  if (variant)
    r.note = variant->note;
  r.context = q->context;
  if (q->turn) {
    r.place = "turn " + std::to_string(q->turn);
    if (!q->time.empty())
      r.place += ", " + q->time.str();
  }
  return r;
}

RecordView figureRecord(const FactRef &ref, const facts::FactBase &base) {
  RecordView r;
  r.kind = ref.kind;
  r.id = ref.id;
  const facts::Figure *fig = base.figure(ref.id);
  if (!fig)
    return r;
  r.found = true;
  r.text = figureText(*fig);
  // The unit after the record's words, unless they name it already, in the plural ("five hours")
  // or in the singular ("hour-long", "a month").
  const std::string_view unit = fig->unit, text = fig->text;
  const std::string_view one = unit.ends_with('s') ? unit.substr(0, unit.size() - 1) : unit;
  if (!unit.empty() && text.find(unit) == std::string_view::npos &&
      text.find(one) == std::string_view::npos)
    r.unit = fig->unit;
  r.subject = fig->subject;
  r.person = personView(base, fig->stated_by);
  r.date = fig->date;
  r.source = sourceView(base, fig->source);
  r.superseded_by = fig->superseded_by;
  if (const facts::Figure *next =
          fig->superseded_by.empty() ? nullptr : base.figure(fig->superseded_by)) {
    r.superseded_by_text = figureText(*next);
    if (const facts::Person *p = next->stated_by.empty() ? nullptr : base.person(next->stated_by))
      r.superseded_by_person = p->name;
    r.superseded_by_date = next->date;
  }
  r.context = fig->context;
  return r;
}

} // namespace

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

FindingView describeFinding(const Finding &f, const facts::FactBase &base) {
  FindingView view;
  view.title = statusTitle(f);
  view.message = f.message;
  if (f.status == Status::Misattributed && !f.attributed_to.empty())
    if (const facts::Person *p = base.person(f.attributed_to))
      view.attributed_to = p->name;
  std::set<std::string> shown; // people and events already named by a quote or figure
  bool diff_given = false;
  for (const FactRef &ref : f.evidence) {
    switch (ref.kind) {
    case FactRef::Kind::Quote: {
      RecordView r = quoteRecord(f, ref, base, !diff_given);
      diff_given = true;
      if (r.found) {
        shown.insert("person:" + r.person.id);
        shown.insert("event:" + r.event.id);
      }
      view.records.push_back(std::move(r));
      break;
    }
    case FactRef::Kind::Figure: {
      RecordView r = figureRecord(ref, base);
      if (r.found)
        shown.insert("person:" + r.person.id);
      view.records.push_back(std::move(r));
      break;
    }
    case FactRef::Kind::Person:
    case FactRef::Kind::Event: {
      const bool person = ref.kind == FactRef::Kind::Person;
      if (!shown.insert((person ? "person:" : "event:") + ref.id).second)
        break;
      RecordView r;
      r.kind = ref.kind;
      r.id = ref.id;
      if (person)
        r.person = personView(base, ref.id);
      else
        r.event = eventView(base, ref.id);
      r.found = person ? r.person.found : r.event.found;
      view.records.push_back(std::move(r));
      break;
    }
    }
  }
  return view;
}

namespace {

// The code point of the UTF-8 sequence at `i` and its length; -1 and 1 for a byte that does not
// start a valid sequence.
std::pair<std::int32_t, std::size_t> decodeAt(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80)
    return {c, 1};
  const std::size_t n = c >= 0xC2 && c <= 0xDF   ? 2
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4
                                                 : 0;
  if (n == 0 || i + n > text.size())
    return {-1, 1};
  std::int32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      return {-1, 1};
    cp = cp << 6 | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return {-1, 1};
  return {cp, n};
}

bool escapedCodePoint(std::int32_t cp, bool keep_line_breaks) {
  if (cp < 0x20)
    return !(keep_line_breaks && (cp == '\t' || cp == '\n'));
  return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

} // namespace

std::string escapeControls(std::string_view text, bool keep_line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) { // the common case
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    auto [cp, n] = decodeAt(text, i);
    if (cp < 0) {
      out += "\xEF\xBF\xBD";
    } else if (escapedCodePoint(cp, keep_line_breaks)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u{%x}", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

bool insertable(const analyzers::Fix &fix) {
  return std::all_of(fix.edits.begin(), fix.edits.end(), [](const analyzers::Replacement &r) {
    return escapeControls(r.text, /*keep_line_breaks=*/true) == r.text;
  });
}

bool isWebUrl(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos)
    return false;
  std::string scheme;
  for (char c : url.substr(0, colon))
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https")
    return false;
  std::string_view rest = url.substr(colon + 1);
  if (!rest.starts_with("//"))
    return false;
  // A host: something before the path, query or fragment starts.
  std::string_view authority = rest.substr(2, rest.find_first_of("/?#", 2) - 2);
  std::size_t at = authority.rfind('@');
  std::string_view host = at == std::string_view::npos ? authority : authority.substr(at + 1);
  return !host.empty() && host.front() != ':';
}

std::string linkTarget(std::string_view url) {
  static constexpr std::string_view kKept = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789-._~:/?#@!$&'*+,;=%";
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    if (kKept.find(c) != std::string_view::npos) {
      out += c;
      continue;
    }
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
    out += buf;
  }
  return out;
}

std::string jsonWithEscapedControls(std::string json) {
  // Most reports hold none of these: look before copying.
  auto needs = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == 0x7F || c == 0xC2 || c == 0xE2)
        return true;
    }
    return false;
  };
  if (!needs(json))
    return json;
  std::string out;
  out.reserve(json.size() + 64);
  for (std::size_t i = 0; i < json.size();) {
    const unsigned char c = static_cast<unsigned char>(json[i]);
    if (c < 0x80 && c != 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    auto [cp, n] = decodeAt(json, i);
    if (cp >= 0x7F && escapedCodePoint(cp, true)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(json, i, n);
    }
    i += n;
  }
  return out;
}

} // namespace factline::server
