// Gathering the record behind a finding from the fact base, for every renderer.
#include "server/record_view.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

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

} // namespace factline::server
