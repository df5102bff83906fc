// FigureExtractor: finds the figures a sentence states, with their qualifier, kind and unit.
#include "analyzers/figure_extractor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace factline::analyzers {
namespace {

using Kind = ProseToken::Kind;

struct TimeUnit {
  std::string_view singular, plural;
  double hours;
};

constexpr std::array<TimeUnit, 8> kTimeUnits = {{
    {"second", "seconds", 1.0 / 3600},
    {"minute", "minutes", 1.0 / 60},
    {"hour", "hours", 1},
    {"day", "days", 24},
    {"week", "weeks", 24 * 7},
    {"month", "months", 24 * 365.25 / 12},
    {"year", "years", 24 * 365.25},
    {"decade", "decades", 24 * 365.25 * 10},
}};

constexpr std::array<std::string_view, 21> kMonths = {
    "january",   "february", "march",    "april",    "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",
    "apr",       "jun",      "jul",      "aug",      "sep",  "sept", "oct"};

// Words after which a number names a thing rather than counting: "section 3", "page 12".
constexpr std::array<std::string_view, 44> kLabels = {
    "section", "sec",    "article", "chapter", "clause",  "paragraph", "para",  "page",
    "pages",   "p",      "pp",      "figure",  "fig",     "table",     "no",    "nos",
    "number",  "part",   "rule",    "title",   "issue",   "volume",    "vol",   "version",
    "episode", "season", "room",    "flight",  "route",   "level",     "grade", "step",
    "item",    "line",   "verse",   "bill",    "exhibit", "appendix",  "phase", "stage",
    "tier",    "model",  "top",     "series"};

// Before a duration, words that make it a point or a rate in time, not a length.
constexpr std::array<std::string_view, 14> kTimeRefBefore = {
    "past",  "last", "next", "first", "coming", "previous", "following",
    "every", "per",  "each", "after", "before", "once",     "twice"};
// After a duration, the same.
// ("from" and "on" only in "two years from now", "two years on,": see timeReferenceAfter).
// ("two hours ahead of his appearance", "two hours into the hearing" place a moment.)
constexpr std::array<std::string_view, 11> kTimeRefAfter = {"later", "earlier", "after", "before",
                                                            "since", "old",     "hence", "running",
                                                            "ahead", "prior",   "into"};
// After a number, words that with "than" make it a difference: "37 million more than".
constexpr std::array<std::string_view, 9> kComparatives = {
    "more", "fewer", "less", "higher", "lower", "greater", "larger", "smaller", "bigger"};
// Before a duration, words that make it the length of something.
constexpr std::array<std::string_view, 6> kLengthBefore = {"for",   "lasted", "lasting",
                                                           "spent", "took",   "lasts"};

template <std::size_t N>
bool isOneOf(const ProseToken &t, const std::array<std::string_view, N> &words) {
  if (t.kind != Kind::Word)
    return false;
  for (auto w : words)
    if (t.is(w))
      return true;
  return false;
}

bool isMonth(const ProseToken &t) {
  // "May" only capitalised: "may" is far more often the verb.
  return isOneOf(t, kMonths) || t.text == "May" || t.text == "Dec" || t.text == "Nov";
}

bool isCurrencySymbol(const ProseToken &t) {
  return t.isSymbol("$") || t.isSymbol("\xC2\xA3") || t.isSymbol("\xE2\x82\xAC");
}

std::string currencyWord(const ProseToken &t) {
  if (t.is("dollars") || t.is("dollar"))
    return "$";
  if (t.is("pounds") || t.is("pound"))
    return "\xC2\xA3";
  if (t.is("euros") || t.is("euro"))
    return "\xE2\x82\xAC";
  return "";
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool inside(const std::vector<Span> &spans, std::size_t offset) {
  for (const Span &s : spans)
    if (s.contains(offset))
      return true;
  return false;
}

// The qualifier phrase ending just before token `at`: the longest of up to four words.
Qualifier qualifierBefore(const std::vector<ProseToken> &t, std::size_t at, std::size_t *start) {
  *start = at;
  Qualifier found = Qualifier::None;
  std::string phrase;
  for (std::size_t n = 1; n <= 4 && n <= at; ++n) {
    const ProseToken &w = t[at - n];
    if (w.kind != Kind::Word)
      break;
    phrase = n == 1 ? lowerAscii(w.text) : lowerAscii(w.text) + " " + phrase;
    if (auto q = qualifierFromWords(phrase); q && !phrase.empty()) {
      found = *q;
      *start = at - n;
    }
  }
  return found;
}

// Time unit named by a hyphenated tail: "hour" of "five-hour", "hour-long", "day-long".
std::string timeUnitOfTail(std::string_view tail, bool *is_age) {
  *is_age = false;
  std::size_t dash = tail.find('-');
  std::string_view head = tail.substr(0, dash);
  std::string unit = timeUnitOf(head);
  if (unit.empty())
    return "";
  if (dash != std::string_view::npos) {
    std::string rest = lowerAscii(tail.substr(dash + 1));
    if (rest == "old" || rest == "olds")
      *is_age = true;
    else if (rest != "long")
      return "";
  }
  return unit;
}

// A number that can count a part: "one of the 44 senators" names a member, not a part.
bool isPartNumber(const ProseToken &t) {
  if (t.kind == Kind::Number)
    return true;
  return t.kind == Kind::Word && !t.is("one") &&
         cardinalWordValue(t.text.substr(0, t.text.find('-'))) >= 0;
}

// The whole a part is counted out of: 100 in "44 of the 100 senators", "44 out of 100". The
// part is the claim; the whole is a frame for it, and often not on record.
bool looksLikeYear(const StatedNumber &n) {
  return n.style.form == NumberForm::Digits && n.scale == 1 && n.decimals == 0 &&
         !n.style.separators && n.written >= 1900 && n.written <= 2100;
}

// "between 80 and 90 million", "80 to 90 million", "five or six hours": one figure allowing every
// value from the first number to the second, each rounded as written; the first takes the
// second's scale. "from 50 million to 87 million" is a change, not a range, and stays two.
void readRange(const std::vector<ProseToken> &t, std::size_t i, StatedNumber &n) {
  if (n.ratio || n.denominator > 0 || !n.hyphen_tail.empty() || looksLikeYear(n))
    return;
  std::size_t k = n.last;
  const bool between = i > 0 && t[i - 1].is("between");
  if (k + 1 >= t.size() || (i > 0 && t[i - 1].is("from")) ||
      !((between && t[k].is("and")) || t[k].is("to") || t[k].is("or")))
    return;
  std::optional<StatedNumber> b = parseNumberAt(t, k + 1);
  if (!b || b->ratio || b->denominator > 0 || !b->hyphen_tail.empty() || looksLikeYear(*b))
    return;
  // "30 million to 87 million" is a change; only "between" makes it a range.
  if (n.scale != 1 && !(between && n.scale == b->scale))
    return;
  double scale = n.scale == 1 ? b->scale : n.scale;
  double lo = (n.written - n.rounding / n.scale / 2) * scale;
  double hi = b->value + b->rounding / 2;
  if (!(lo < b->value))
    return;
  StatedNumber range = *b;
  range.value = lo;
  range.upper = hi;
  range.lone_one = false;
  range.first = between ? i - 1 : i;
  range.span = {t[range.first].begin, b->span.end};
  n = range;
}

bool isTotalOfPart(const std::vector<ProseToken> &t, std::size_t at) {
  std::size_t k = at;
  if (k > 0 && (t[k - 1].is("the") || t[k - 1].is("its") || t[k - 1].is("their")))
    --k;
  if (k == 0 || !t[k - 1].is("of"))
    return false;
  if (k >= 2 && t[k - 2].is("out"))
    return true;
  return k >= 2 && isPartNumber(t[k - 2]);
}

} // namespace

std::vector<Span> quotationSpans(std::string_view prose, Span block) {
  static constexpr std::string_view kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";
  std::vector<Span> spans;
  std::size_t open = std::string_view::npos;
  bool straight = false;
  const std::size_t end = std::min(block.end, prose.size());
  // Only '"' and the lead byte of the curly quotes matter: the next of each, found with memchr.
  auto next = [&](char c, std::size_t from) {
    const void *hit = from < end ? std::memchr(prose.data() + from, c, end - from) : nullptr;
    return hit ? static_cast<std::size_t>(static_cast<const char *>(hit) - prose.data()) : end;
  };
  std::size_t next_straight = next('"', block.begin), next_lead = next(kOpen[0], block.begin);
  for (std::size_t i; (i = std::min(next_straight, next_lead)) < end;) {
    std::size_t after = i + 1;
    if (prose[i] == '"') {
      if (open == std::string_view::npos) {
        open = i;
        straight = true;
      } else if (straight) {
        spans.push_back({open, i + 1});
        open = std::string_view::npos;
      }
    } else if (prose.substr(i, kOpen.size()) == kOpen) {
      if (open == std::string_view::npos) {
        open = i;
        straight = false;
      }
      after = i + kOpen.size();
    } else if (prose.substr(i, kClose.size()) == kClose) {
      if (open != std::string_view::npos && !straight) {
        spans.push_back({open, i + kClose.size()});
        open = std::string_view::npos;
      }
      after = i + kClose.size();
    }
    if (next_straight < after)
      next_straight = next('"', after);
    if (next_lead < after)
      next_lead = next(kOpen[0], after);
  }
  if (open != std::string_view::npos)
    spans.push_back({open, block.end});
  return spans;
}

double hoursPer(std::string_view time_unit) {
  for (const auto &u : kTimeUnits)
    if (u.plural == time_unit)
      return u.hours;
  return 0;
}

std::string timeUnitOf(std::string_view word) {
  std::string w = lowerAscii(word);
  if (w == "hrs" || w == "hr")
    return "hours";
  if (w == "mins" || w == "min")
    return "minutes";
  for (const auto &u : kTimeUnits)
    if (w == u.singular || w == u.plural)
      return std::string(u.plural);
  return "";
}

namespace {

// The figure whose number starts at token i, if it states a checkable quantity. `resume` is set
// to the first token not to read again (the number's own words are never a second figure).
std::optional<DraftFigure> figureAt(const std::vector<ProseToken> &t, std::size_t i,
                                    const std::vector<Span> &quoted, std::size_t *resume) {
  auto word = [&](std::size_t k, std::string_view w) { return k < t.size() && t[k].is(w); };
  const ProseToken &tok = t[i];
  DraftFigure f;
  std::optional<StatedNumber> parsed = parseNumberAt(t, i);
  if (parsed)
    readRange(t, i, *parsed);
  std::size_t j; // the first token after the number and its unit words
  if (parsed) {
    f.span = parsed->span;
    j = parsed->last;
  } else {
    // "an hour", "a month": one unit of time; "hour-long": a length of one unit.
    bool age = false;
    StatedNumber n;
    n.value = n.written = 1;
    // "an hour", "hour-long": about one unit, a quarter either side ("a 90-minute call" is not
    // an hour-long one).
    n.precision = 1;
    n.rounding = 0.5;
    n.style.form = NumberForm::Words;
    n.first = i;
    if ((tok.is("a") || tok.is("an")) && i + 1 < t.size() && t[i + 1].kind == Kind::Word &&
        !timeUnitOf(t[i + 1].text).empty() && !t[i + 1].text.ends_with("s")) {
      f.unit = timeUnitOf(t[i + 1].text);
      f.unit_span = {t[i + 1].begin, t[i + 1].end};
      n.last = i + 1;
      n.span = {tok.begin, tok.end};
      f.span = {tok.begin, t[i + 1].end};
      j = i + 2;
    } else if (tok.kind == Kind::Word && tok.text.find('-') != std::string_view::npos &&
               !tok.text.substr(0, tok.text.find('-')).ends_with("s") &&
               !(f.unit = timeUnitOfTail(tok.text, &age)).empty() && !age) {
      // ("hours-long", "months-long" state no number: several units, any number of them.)
      n.last = i + 1;
      n.span = {tok.begin, tok.begin}; // no number written: one unit is implied
      f.modifier = true;
      f.span = {tok.begin, tok.end};
      j = i + 1;
    } else {
      return std::nullopt;
    }
    f.kind = facts::FigureKind::Duration;
    parsed = n;
  }
  const StatedNumber &n = *parsed;
  *resume = n.last;
  f.number = n;
  if (inside(quoted, f.span.begin))
    return std::nullopt;

  std::size_t start = n.first;
  // Currency before the number: "$2.5bn", "US$5m".
  if (start > 0 && isCurrencySymbol(t[start - 1]) && !t[start].space_before) {
    f.kind = facts::FigureKind::Money;
    f.unit = std::string(t[start - 1].text);
    --start;
    f.span.begin = t[start].begin;
  }
  // "5-plus hours", "five-plus hours", "5+ hours": at least that many.
  Span plus{0, 0};
  const bool plus_tail = equalsFolded(n.hyphen_tail, "plus");
  if (plus_tail && n.style.form == NumberForm::Digits && n.last + 1 < t.size()) {
    plus = {t[n.last].begin, t[n.last + 1].end};
    j = n.last + 2;
    f.span.end = plus.end;
  } else if (plus_tail) {
    plus = {n.span.end, n.span.end};
  } else if (n.hyphen_tail.empty() && j < t.size() && t[j].isSymbol("+") && !t[j].space_before) {
    plus = {t[j].begin, t[j].end};
    f.span.end = plus.end;
    ++j;
  }
  const bool has_plus = plus.end > 0;

  // What follows the number.
  if (f.kind == facts::FigureKind::Duration && !f.unit.empty()) {
    // read above
  } else if (!n.hyphen_tail.empty() && !plus_tail) {
    bool age = false;
    f.unit = timeUnitOfTail(n.hyphen_tail, &age);
    if (f.unit.empty() || age)
      return std::nullopt; // "34-year-old", "three-point plan": not a quantity we can check
    f.kind = facts::FigureKind::Duration;
    f.modifier = true;
    if (n.style.form == NumberForm::Digits)
      j = n.last + 2; // "5", "-", "hour"
    f.span.end = t[j - 1].end;
  } else if (j < t.size() && t[j].isSymbol("%")) {
    f.kind = facts::FigureKind::Percent;
    f.unit = "per cent";
    f.span.end = t[j++].end;
    if (word(j, "points") || word(j, "point")) {
      f.unit = "percentage points";
      f.span.end = t[j++].end;
    }
  } else if (word(j, "per") && word(j + 1, "cent")) {
    f.kind = facts::FigureKind::Percent;
    f.unit = "per cent";
    f.span.end = t[j + 1].end;
    j += 2;
  } else if (word(j, "percent") || word(j, "pc") || word(j, "pct")) {
    f.kind = facts::FigureKind::Percent;
    f.unit = "per cent";
    f.span.end = t[j++].end;
  } else if (word(j, "percentage") && (word(j + 1, "points") || word(j + 1, "point"))) {
    f.kind = facts::FigureKind::Percent;
    f.unit = "percentage points";
    f.span.end = t[j + 1].end;
    j += 2;
  } else if (j < t.size() && t[j].kind == Kind::Word && !timeUnitOf(t[j].text).empty() &&
             !n.ratio && f.kind != facts::FigureKind::Money) {
    f.kind = facts::FigureKind::Duration;
    f.unit = timeUnitOf(t[j].text);
    f.unit_span = {t[j].begin, t[j].end};
    f.span.end = t[j++].end;
    // "four hours and 54 minutes": the smaller unit adds to the larger, to its precision.
    if (j + 2 < t.size() && t[j].is("and")) {
      auto more = parseNumberAt(t, j + 1);
      std::string smaller = more && more->last < t.size() && t[more->last].kind == Kind::Word
                                ? timeUnitOf(t[more->last].text)
                                : "";
      if (more && !more->ratio && !smaller.empty() && hoursPer(smaller) < hoursPer(f.unit)) {
        double factor = hoursPer(smaller) / hoursPer(f.unit);
        f.number.value += more->value * factor;
        f.number.precision = more->precision * factor;
        f.number.rounding = more->rounding * factor;
        f.span.end = t[more->last].end;
        f.unit_span = {0, 0};
        f.compound = true;
        j = more->last + 1;
      }
    }
  } else if (j < t.size() && !currencyWord(t[j]).empty() && f.kind != facts::FigureKind::Money) {
    f.kind = facts::FigureKind::Money;
    f.unit = currencyWord(t[j]);
    f.span.end = t[j++].end;
  } else if (f.kind == facts::FigureKind::Money) {
    // the currency symbol was read
  } else if (n.ratio) {
    f.kind = facts::FigureKind::Ratio;
  } else if (n.style.form == NumberForm::Digits && n.scale == 1 && n.decimals == 0 &&
             !n.style.separators && n.value >= 1900 && n.value <= 2100 && tok.text.size() == 4) {
    f.kind = facts::FigureKind::Year;
  } else {
    f.kind = facts::FigureKind::Count;
  }
  *resume = std::max(*resume, j);
  if (f.kind == facts::FigureKind::Percent)
    f.unit_span = {t[n.last].begin, f.span.end};

  // A bare "one" or "a" is an article or a pronoun far more often than a count.
  if (n.lone_one && f.kind != facts::FigureKind::Duration)
    return std::nullopt;

  // Dates and times: "10 April", "April 10", "April 2018", "10 am", "10 a.m.".
  const bool digits = n.style.form == NumberForm::Digits;
  bool day_number = digits && n.scale == 1 && n.decimals == 0 && n.value >= 1 && n.value <= 31 &&
                    !n.style.separators;
  if (day_number && f.kind == facts::FigureKind::Count &&
      ((n.last < t.size() && isMonth(t[n.last])) || (n.first > 0 && isMonth(t[n.first - 1]))))
    return std::nullopt;
  if (f.kind == facts::FigureKind::Year)
    for (std::size_t k = n.first; k > 0 && k + 3 > n.first; --k)
      if (isMonth(t[k - 1]))
        return std::nullopt;
  auto dotted = [&](std::size_t k, std::string_view letter) { // "a.m.", "p.m."
    return word(k, letter) && k + 2 < t.size() && t[k + 1].isSymbol(".") && t[k + 2].is("m");
  };
  if (digits && f.kind == facts::FigureKind::Count &&
      (word(n.last, "am") || word(n.last, "pm") || word(n.last, "gmt") || word(n.last, "bst") ||
       word(n.last, "utc") || word(n.last, "et") || word(n.last, "o'clock") ||
       dotted(n.last, "a") || dotted(n.last, "p")))
    return std::nullopt;
  // Labels and enumerations: "section 3", "No. 5", "#1", "(2)", "[3]", "1)" opening a sentence.
  if (n.first > 0) {
    const ProseToken &p = t[n.first - 1];
    if (digits && isOneOf(p, kLabels))
      return std::nullopt;
    if (p.isSymbol(".") && n.first > 1 && isOneOf(t[n.first - 2], kLabels))
      return std::nullopt;
    if (p.isSymbol("#"))
      return std::nullopt;
    if ((p.isSymbol("(") || p.isSymbol("[")) && n.last < t.size() &&
        (t[n.last].isSymbol(")") || t[n.last].isSymbol("]")))
      return std::nullopt;
  } else if (digits && n.last < t.size() &&
             (t[n.last].isSymbol(")") || (t[n.last].isSymbol(".") && n.last + 1 < t.size()))) {
    return std::nullopt;
  }

  if (isTotalOfPart(t, start))
    return std::nullopt;
  // "37 million more than previously reported": a difference between two counts, not a count.
  if (j < t.size() && isOneOf(t[j], kComparatives))
    for (std::size_t k = j + 1; k < t.size() && k <= j + 3; ++k)
      if (t[k].is("than"))
        return std::nullopt;

  // Qualifier before the figure...
  std::size_t qstart = start;
  f.qualifier = qualifierBefore(t, start, &qstart);
  if (qstart != start) {
    f.qualifier_span = {t[qstart].begin, t[start - 1].end};
    f.span.begin = t[qstart].begin;
  }
  // ... or after it: "five hours or more", "87 million or so".
  if (qstart == start && word(j, "or") && j + 1 < t.size()) {
    Qualifier after = Qualifier::None;
    if (t[j + 1].is("more"))
      after = Qualifier::AtLeast;
    else if (t[j + 1].is("so"))
      after = Qualifier::About;
    else if (t[j + 1].is("less") || t[j + 1].is("fewer"))
      after = Qualifier::UpTo;
    if (after != Qualifier::None) {
      f.qualifier = after;
      f.qualifier_span = {t[j].begin, t[j + 1].end};
    }
  }
  if (has_plus && f.qualifier == Qualifier::None) {
    f.qualifier = Qualifier::AtLeast;
    f.qualifier_span = plus;
  }
  f.first_token = qstart;
  f.next_token = j;

  if (f.kind == facts::FigureKind::Duration) {
    // Frame: "in two years" (a window), "a month ago" (before now); other references to a point
    // in time ("two years later", "in the past five years", "every day") are skipped.
    if (qstart > 0 && isOneOf(t[qstart - 1], kTimeRefBefore))
      return std::nullopt;
    // "for more than four hours before 44 senators": after "for" or "lasted" the duration is a
    // length, and "before" or "after" says where, not when.
    bool length = qstart > 0 && isOneOf(t[qstart - 1], kLengthBefore);
    if (j < t.size() && isOneOf(t[j], kTimeRefAfter) &&
        !(length && (t[j].is("before") || t[j].is("after") || t[j].is("ahead"))))
      return std::nullopt;
    if (word(j, "from") && (word(j + 1, "now") || word(j + 1, "then")))
      return std::nullopt;
    if (word(j, "on") && (j + 1 == t.size() || t[j + 1].kind == Kind::Symbol))
      return std::nullopt;
    if (qstart > 0 && (t[qstart - 1].is("in") || t[qstart - 1].is("within")))
      f.frame = DurationFrame::Within;
    else if (word(j, "ago"))
      f.frame = DurationFrame::Ago;
    else if (word(j, "into"))
      f.so_far = true; // "three hours into the hearing"
    else {
      // "so far", or a verb of going on after "already" or "has now": "had already lasted", "has
      // now run for" ("has now admitted that it lasted" says nothing of the kind).
      auto goingOn = [&](std::size_t k) {
        for (std::string_view v : {"run", "lasted", "been", "gone", "stretched", "passed"})
          if (word(k, v))
            return true;
        return false;
      };
      for (std::size_t k = 0; k < t.size() && !f.so_far; ++k)
        f.so_far = ((t[k].is("so") || t[k].is("thus")) && word(k + 1, "far") &&
                    !word(k + 2, "as")) || // not "so far as he knew"
                   (t[k].is("already") && goingOn(k + 1)) ||
                   ((t[k].is("has") || t[k].is("have") || t[k].is("had")) && word(k + 1, "now") &&
                    goingOn(k + 2));
    }
  }
  return f;
}

// The order a plural names ("hundreds" 100, "thousands" 1000, "dozens" 12), or 0. "tens" names
// one only before another ("tens of thousands"): `*leading_only`.
double orderOf(const ProseToken &t, bool *leading_only) {
  *leading_only = false;
  if (t.is("dozens"))
    return 12;
  if (t.is("tens")) {
    *leading_only = true;
    return 10;
  }
  if (t.is("hundreds"))
    return 100;
  if (t.is("thousands"))
    return 1e3;
  if (t.is("millions"))
    return 1e6;
  if (t.is("billions"))
    return 1e9;
  return 0;
}

// "hundreds of apps", "tens of thousands of apps": an amount named only by its order, from
// twice the order to ten times it ("dozens": 24 to 100). It is checked only against a record
// that is itself this vague ("thousands of apps").
std::optional<DraftFigure> vagueAmountAt(const std::vector<ProseToken> &t, std::size_t i,
                                         const std::vector<Span> &quoted, std::size_t *resume) {
  bool leading_only = false;
  double order = orderOf(t[i], &leading_only);
  if (order == 0 || inside(quoted, t[i].begin))
    return std::nullopt;
  std::size_t j = i + 1;
  if (j + 1 < t.size() && t[j].is("of")) {
    bool inner_leading = false;
    if (double inner = orderOf(t[j + 1], &inner_leading); inner >= 1e3 && !inner_leading) {
      order *= inner;
      j += 2;
      leading_only = false;
    }
  }
  if (leading_only || j >= t.size() || !t[j].is("of"))
    return std::nullopt;
  DraftFigure f;
  f.kind = facts::FigureKind::Count;
  StatedNumber &n = f.number;
  n.value = n.written = order == 12 ? 24 : 2 * order;
  n.upper = order == 12 ? 100 : 10 * order;
  n.order_only = true;
  n.precision = n.rounding = order;
  n.style.form = NumberForm::Words;
  n.first = i;
  n.last = j;
  n.span = {t[i].begin, t[j - 1].end};
  f.span = n.span;
  f.first_token = i;
  f.next_token = j + 1;
  *resume = j;
  return f;
}

} // namespace

SentenceFigures extractFigures(std::string_view prose, Span sentence,
                               const std::vector<Span> &quoted) {
  SentenceFigures out;
  out.tokens =
      lexProse(prose.substr(sentence.begin, sentence.end - sentence.begin), sentence.begin);
  for (std::size_t i = 0; i < out.tokens.size(); ++i) {
    if (out.tokens[i].kind == ProseToken::Kind::Symbol)
      continue;
    std::size_t resume = i + 1;
    if (auto f = figureAt(out.tokens, i, quoted, &resume))
      out.figures.push_back(std::move(*f));
    else if (auto v = vagueAmountAt(out.tokens, i, quoted, &resume))
      out.figures.push_back(std::move(*v));
    i = std::max(i, resume) - (resume > i ? 1 : 0);
  }
  return out;
}

} // namespace factline::analyzers
