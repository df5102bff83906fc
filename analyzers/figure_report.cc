// FigureReport: the findings a checked figure produces, with the writer-facing words and fixes.
#include "analyzers/figure_report.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "analyzers/figure_comparison.h"
#include "analyzers/figure_direction.h"
#include "analyzers/number_writer.h"
#include "facts/normalize.h"

namespace factline::analyzers {
namespace {

std::string capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

FactRef figureRef(const facts::Figure &f) { return {FactRef::Kind::Figure, f.id.str(), -1}; }

// The record's qualifier as words: its `qualifier` field, else the one its `text` writes ("more
// than" of "more than five hours").
std::string qualifierWords(const facts::Figure &f) {
  if (!f.qualifier.empty())
    return f.qualifier.str();
  for (const DraftFigure &d : extractFigures(f.text, Span{0, f.text.size()}).figures)
    if (d.qualifier_span.begin < d.qualifier_span.end)
      return lowerAscii(
          f.text.substr(d.qualifier_span.begin, d.qualifier_span.end - d.qualifier_span.begin));
  return "";
}

} // namespace

std::string_view FigureReport::text(Span s) const {
  return std::string_view(doc_.text()).substr(s.begin, s.end - s.begin);
}

std::string FigureReport::recordPhrase(const facts::Figure &f) const {
  RecordReading r = readRecord(f);
  std::string phrase = f.text.str();
  std::string lt = lowerAscii(f.text);
  if (!r.vague && !f.qualifier.empty() && !lt.starts_with(lowerAscii(f.qualifier)))
    phrase = f.qualifier + " " + phrase;
  bool counted = f.kind == facts::FigureKind::Count || f.kind == facts::FigureKind::Ratio;
  if (counted && !f.unit.empty() && lt.find(lowerAscii(f.unit)) == std::string::npos)
    phrase += (r.vague ? " of " : " ") + f.unit;
  return phrase;
}

std::string FigureReport::attribution(const facts::Figure &f) const {
  std::string who;
  if (const facts::Person *p = facts_.base().person(f.stated_by))
    who = p->name;
  std::string date = f.date.str();
  if (date.empty())
    if (const facts::Source *s = facts_.base().source(f.source))
      date = s->date;
  // A subject that names its date already ("... on 10 April 2018") is not followed by it again.
  if (!date.empty() && (f.subject.find(formatDate(date)) != std::string::npos ||
                        f.subject.find(date) != std::string::npos))
    date.clear();
  std::string when = who.empty()    ? formatDate(date)
                     : date.empty() ? who
                                    : who + ", " + formatDate(date);
  std::string out = "(" + f.subject;
  if (!when.empty())
    out += (f.subject.empty() ? "" : "; ") + when;
  return out + ")";
}

std::optional<Fix> FigureReport::fix(const DraftFigure &figure, const facts::Figure &record) const {
  const StatedNumber &n = figure.number;
  if (n.span.begin == n.span.end)
    return std::nullopt; // "hour-long": no number written to replace
  if (n.upper > 0 || figure.compound)
    return std::nullopt; // a range, a vague amount, two numbers: the writer's own words to redo
  RecordReading r = readRecord(record);
  if (r.vague)
    return std::nullopt;
  std::string number;
  if (figure.kind == facts::FigureKind::Percent && record.kind == facts::FigureKind::Ratio) {
    // "20 per cent of Australian users" for "one in 50": the record's share in per cent.
    if (r.number.denominator <= 0)
      return std::nullopt;
    double percent = 100 / r.number.denominator;
    double place = std::fabs(percent - std::round(percent)) < 1e-9 ? 1 : 0.1;
    if (std::fabs(percent * 10 - std::round(percent * 10)) > 1e-9)
      return std::nullopt; // "33.3 per cent" would claim a precision the record lacks
    number = writeNumber(percent, place, n.style);
  } else if (r.number.denominator > 0 && n.denominator > 0) {
    number = writeRatio(r.number.denominator, n.style);
  } else if (r.number.ratio || n.ratio) {
    if (!(r.number.ratio && n.ratio))
      return std::nullopt;
    number = std::string(record.text.substr(0, record.text.size()));
    auto q = qualifierFromWords(lowerAscii(record.qualifier));
    if (q && !record.qualifier.empty() &&
        lowerAscii(number).starts_with(lowerAscii(record.qualifier)))
      number = number.substr(record.qualifier.size() + 1);
  } else {
    double factor = 1;
    if (figure.kind == facts::FigureKind::Duration) {
      double from = hoursPer(timeUnitOf(record.unit)), to = hoursPer(figure.unit);
      if (from <= 0 || to <= 0)
        return std::nullopt;
      factor = from / to;
    }
    double precision = r.number.precision * factor;
    if (figure.kind == facts::FigureKind::Year)
      precision = 1;
    double value = r.number.value * factor;
    if (factor != 1 && std::fabs(value - std::round(value)) > 1e-9 * std::max(1.0, value))
      return std::nullopt; // "0.21 days" would be no help
    number = writeNumber(value, precision, n.style);
  }
  // "six months" -> "a month", "an hour" -> "five hours": the unit word follows the number.
  Span number_span = n.span;
  if (figure.kind == facts::FigureKind::Duration && figure.unit_span.begin < figure.unit_span.end) {
    std::string unit(text(figure.unit_span));
    bool one =
        std::fabs(r.number.value * (hoursPer(timeUnitOf(record.unit)) / hoursPer(figure.unit)) -
                  1) < 1e-9;
    bool plural = unit.size() > 1 && (unit.back() == 's' || unit.back() == 'S');
    if (one && plural) {
      unit.pop_back();
      if (n.style.form == NumberForm::Words)
        number = timeUnitOf(unit) == "hours" ? "an" : "a";
    } else if (!one && !plural) {
      unit += "s";
    }
    if (unit != text(figure.unit_span)) {
      number += " " + unit;
      number_span.end = figure.unit_span.end;
    }
  }
  if (n.style.capitalized && n.span.begin == figure.span.begin)
    number = capitalize(number);

  Fix fix;
  // Keep the draft's qualifier when it is true of the record's number.
  bool keep = statedInterval(r.number, figure.qualifier).overlaps(r.interval);
  if (keep || figure.qualifier_span.begin == figure.qualifier_span.end) {
    fix.edits.push_back({number_span, number});
  } else if (figure.qualifier_span.begin < n.span.begin) {
    std::string qualifier = qualifierWords(record);
    std::string replacement = qualifier.empty() ? number : qualifier + " " + number;
    std::string_view was = text(figure.qualifier_span);
    if (!was.empty() && was[0] >= 'A' && was[0] <= 'Z')
      replacement = capitalize(replacement);
    fix.edits.push_back({{figure.qualifier_span.begin, number_span.end}, replacement});
  } else {
    return std::nullopt;
  }
  fix.title = "Replace with \xE2\x80\x9C" + fix.edits.front().text + "\xE2\x80\x9D";
  return fix;
}

Finding FigureReport::base(const DraftFigure &figure, const FigureCandidate &link) const {
  Finding f;
  f.span = figure.span;
  if (link.unit.end > f.span.end && link.unit.begin >= figure.span.begin)
    f.span.end = link.unit.end;
  f.claim = std::string(text(f.span));
  return f;
}

Finding FigureReport::verified(const DraftFigure &figure, const FigureCandidate &link) const {
  const facts::Figure &record = facts_.base().figures[link.figure];
  Finding f = base(figure, link);
  f.rule = "figure-verified";
  f.status = Status::Verified;
  const facts::Figure *replacement =
      record.superseded_by.empty() ? nullptr : facts_.base().figure(record.superseded_by);
  if (replacement)
    f.message = "Matches the record's earlier estimate: " + recordPhrase(record) + " " +
                attribution(record) + ", since replaced by " + recordPhrase(*replacement) + ".";
  else
    f.message = "Matches the record: " + recordPhrase(record) + " " + attribution(record) + ".";
  f.evidence.push_back(figureRef(record));
  if (replacement)
    f.evidence.push_back(figureRef(*replacement));
  return f;
}

Finding FigureReport::wrong(const DraftFigure &figure, const FigureCandidate &link) const {
  const facts::Figure &record = facts_.base().figures[link.figure];
  Finding f = base(figure, link);
  f.rule = "figure-wrong";
  f.status = Status::Wrong;
  f.severity = Severity::Warning;
  f.message = "Draft says " + std::string(text(figure.span)) + "; the record says " +
              recordPhrase(record) + " " + attribution(record) + ".";
  f.evidence.push_back(figureRef(record));
  if (auto fx = fix(figure, record))
    f.fixes.push_back(std::move(*fx));
  return f;
}

Finding FigureReport::misframed(const DraftFigure &figure, const FigureCandidate &link) const {
  const facts::Figure &record = facts_.base().figures[link.figure];
  Finding f = base(figure, link);
  f.rule = "figure-wrong";
  f.status = Status::Wrong;
  f.severity = Severity::Warning;
  Fix fix;
  if (link.misframing == Misframing::Direction) {
    const Span &word = link.direction_word;
    f.span.begin = std::min(f.span.begin, word.begin);
    f.span.end = std::max(f.span.end, word.end);
    f.claim = std::string(text(f.span));
    std::string_view said = text(word);
    const bool record_rises = directionOfWord(lowerAscii(said)) < 0;
    f.message = "Draft says " + f.claim + "; the record has a " + (record_rises ? "rise" : "fall") +
                " of " + recordPhrase(record) + " " + attribution(record) + ".";
    if (std::string opposite = oppositeDirectionWord(said); !opposite.empty())
      fix.edits.push_back({word, opposite});
  } else {
    std::string_view unit = text(figure.unit_span);
    f.message = "Draft says " + std::string(text(figure.span)) + "; the record gives it in " +
                record.unit + ", not " + figure.unit + ": " + recordPhrase(record) + " " +
                attribution(record) + ".";
    std::string replacement = unit.starts_with("%") ? "%" : record.unit.str();
    if (figure.unit_span.begin < figure.unit_span.end && !replacement.empty())
      fix.edits.push_back({figure.unit_span, replacement});
  }
  f.evidence.push_back(figureRef(record));
  if (!fix.edits.empty()) {
    fix.title = "Replace with \xE2\x80\x9C" + fix.edits.front().text + "\xE2\x80\x9D";
    f.fixes.push_back(std::move(fix));
  }
  return f;
}

Finding FigureReport::superseded(const DraftFigure &figure, const FigureCandidate &link,
                                 const facts::Figure &replacement) const {
  const facts::Figure &old = facts_.base().figures[link.figure];
  Finding f = base(figure, link);
  f.rule = "figure-superseded";
  f.status = Status::Superseded;
  f.severity = Severity::Warning;
  f.message = "Draft gives " + std::string(text(figure.span)) +
              " as the current figure; the record has it as an earlier estimate, replaced by " +
              recordPhrase(replacement) + " " + attribution(replacement);
  f.evidence.push_back(figureRef(replacement));
  f.evidence.push_back(figureRef(old));
  // Who put the old number out: the record's stated_by, else a recorded quote that names it.
  if (const facts::Person *p = facts_.base().person(old.stated_by)) {
    f.message += "; it was put out by " + p->name;
  } else {
    auto matches = facts_.findVerbatim(facts::tokenize(old.text));
    if (!matches.empty()) {
      const facts::Quote &q = facts_.base().quotes[matches.front().wording.quote];
      const facts::Person *speaker = facts_.base().person(q.speaker);
      f.message += "; " + (speaker ? speaker->name : q.speaker.str()) + " said: \xE2\x80\x9C" +
                   std::string(facts_.wordingText(matches.front().wording)) + "\xE2\x80\x9D";
      f.evidence.push_back({FactRef::Kind::Quote, q.id.str(), matches.front().wording.variant});
    }
  }
  if (!f.message.ends_with(".") && !f.message.ends_with("\xE2\x80\x9D"))
    f.message += ".";
  if (auto fx = fix(figure, replacement))
    f.fixes.push_back(std::move(*fx));
  return f;
}

} // namespace factline::analyzers
