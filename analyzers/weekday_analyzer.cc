// WeekdayAnalyzer: a weekday that contradicts the calendar date, or the recorded event, it names.
#include "analyzers/weekday_analyzer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>

#include "analyzers/figure_extractor.h"
#include "analyzers/rule_catalog.h"

namespace factline::analyzers {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;
using std::chrono::year_month_day;

// In std::chrono::weekday's c_encoding order: Sunday is 0.
constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsFolded(std::string_view word, std::string_view name) {
  if (word.size() != name.size())
    return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(word[i]) != lower(name[i]))
      return false;
  return true;
}

// The c_encoding of a weekday's full name (capitalised, or all capitals), or -1.
int weekdayOf(std::string_view word) {
  if (word.empty() || !(word[0] >= 'A' && word[0] <= 'Z'))
    return -1; // "sunday" in lower case is no date
  for (std::size_t d = 0; d < kWeekdays.size(); ++d)
    if (equalsFolded(word, kWeekdays[d]))
      return static_cast<int>(d);
  return -1;
}

// 1..12 for a capitalised month's name or its abbreviation ("Apr", "Sept"), else 0.
unsigned monthOf(std::string_view word) {
  if (word.size() < 3 || !(word[0] >= 'A' && word[0] <= 'Z'))
    return 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    const std::string_view name = kMonths[m];
    if (equalsFolded(word, name) || (word.size() == 3 && equalsFolded(word, name.substr(0, 3))) ||
        (m == 8 && equalsFolded(word, "Sept")))
      return static_cast<unsigned>(m + 1);
  }
  return 0;
}

std::size_t skipBlanks(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
    ++i;
  return i;
}

std::size_t wordEnd(std::string_view s, std::size_t i) {
  while (i < s.size() && isLetter(s[i]))
    ++i;
  return i;
}

// A day of the month at `i` ("4", "04", "4th"), standing alone: its value and end, or 0.
unsigned dayAt(std::string_view s, std::size_t i, std::size_t &end) {
  std::size_t j = i;
  while (j < s.size() && isDigit(s[j]) && j - i < 3)
    ++j;
  if (j == i || j - i > 2)
    return 0;
  const unsigned value = static_cast<unsigned>(std::stoi(std::string(s.substr(i, j - i))));
  std::size_t k = j;
  if (k + 1 < s.size()) {
    const std::string suffix{lower(s[k]), lower(s[k + 1])};
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")
      k += 2;
  }
  if (k < s.size() && (isLetter(s[k]) || isDigit(s[k])))
    return 0;
  // "4:30", "4.30": a time, not a day.
  if (k + 1 < s.size() && (s[k] == ':' || s[k] == '.') && isDigit(s[k + 1]))
    return 0;
  end = k;
  return value >= 1 && value <= 31 ? value : 0;
}

// A year of four digits at `i`, standing alone (1900..2099), or 0.
int yearAt(std::string_view s, std::size_t i, std::size_t &end) {
  if (i + 4 > s.size() || (i > 0 && (isDigit(s[i - 1]) || isLetter(s[i - 1]))))
    return 0;
  for (std::size_t k = i; k < i + 4; ++k)
    if (!isDigit(s[k]))
      return 0;
  if (i + 4 < s.size() && (isDigit(s[i + 4]) || isLetter(s[i + 4]) ||
                           (s[i + 4] == ',' && i + 5 < s.size() && isDigit(s[i + 5]))))
    return 0;
  const int y = std::stoi(std::string(s.substr(i, 4)));
  if (y < 1900 || y > 2099)
    return 0;
  end = i + 4;
  return y;
}

// The date a weekday at [.., at) is attached to in the same phrase: "Tuesday, April 4",
// "Tuesday 4 April 2018", "Wednesday (10 April)", "Tuesday, April 10th, 2018".
struct StatedDate {
  unsigned month = 0, day = 0;
  int year = 0; // 0: the phrase names none
  std::size_t end = 0;
  std::size_t date_end = 0; // the day and month, without the year
};

std::optional<StatedDate> dateAfter(std::string_view s, std::size_t at) {
  std::size_t i = skipBlanks(s, at);
  if (i < s.size() && (s[i] == ',' || s[i] == '('))
    i = skipBlanks(s, i + 1);
  StatedDate d;
  std::size_t e = wordEnd(s, i);
  if (unsigned m = monthOf(s.substr(i, e - i)); m != 0) { // April 4
    std::size_t j = e < s.size() && s[e] == '.' ? e + 1 : e;
    j = skipBlanks(s, j);
    std::size_t end = 0;
    d.day = dayAt(s, j, end);
    d.month = m;
    d.end = end;
  } else { // 4 April, 4th of April
    std::size_t end = 0;
    d.day = dayAt(s, i, end);
    if (d.day == 0)
      return std::nullopt;
    std::size_t j = skipBlanks(s, end);
    std::size_t k = wordEnd(s, j);
    if (equalsFolded(s.substr(j, k - j), "of")) {
      j = skipBlanks(s, k);
      k = wordEnd(s, j);
    }
    d.month = monthOf(s.substr(j, k - j));
    d.end = k < s.size() && s[k] == '.' && d.month != 5 ? k + 1 : k;
  }
  if (d.day == 0 || d.month == 0)
    return std::nullopt;
  d.date_end = d.end;
  std::size_t j = d.end;
  if (j < s.size() && s[j] == ',')
    ++j;
  j = skipBlanks(s, j);
  std::size_t end = 0;
  if (int y = yearAt(s, j, end); y != 0) {
    d.year = y;
    d.end = end;
  }
  return d;
}

// The weekday of a valid date, as c_encoding, or -1.
int weekdayOfDate(int y, unsigned m, unsigned d) {
  const year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok())
    return -1;
  return static_cast<int>(weekday{sys_days{date}}.c_encoding());
}

// "Tuesday" as the draft writes its weekday: all capitals stay all capitals.
std::string weekdayLike(std::string_view written, int weekday_index) {
  std::string out(kWeekdays[static_cast<std::size_t>(weekday_index)]);
  const bool capitals =
      std::none_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (capitals)
    for (char &c : out)
      c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

std::string longDate(int y, unsigned m, unsigned d) {
  return std::to_string(d) + " " + std::string(kMonths[m - 1]) + " " + std::to_string(y);
}

// Words that end the noun phrase a possessive weekday heads ("Wednesday's vote on the Senate").
bool endsNounPhrase(std::string_view word) {
  static constexpr std::array<std::string_view, 22> kStops = {
      "of", "on",   "in",    "at",    "with", "for", "to",    "by",   "before", "after", "and",
      "or", "that", "which", "where", "when", "who", "about", "over", "from",   "as",    "than"};
  return std::any_of(kStops.begin(), kStops.end(),
                     [&](std::string_view s) { return equalsFolded(word, s); });
}

// The possessive "'s" (straight or curly) at `i`: its end, or npos.
std::size_t possessiveEnd(std::string_view s, std::size_t i) {
  if (i + 1 < s.size() && s[i] == '\'' && (s[i + 1] == 's' || s[i + 1] == 'S'))
    return i + 2;
  if (s.substr(i, 4) == "\xE2\x80\x99s" || s.substr(i, 4) == "\xE2\x80\x99S")
    return i + 4;
  return std::string_view::npos;
}

// A wire dateline opening the block at `begin`: a place in capitals, a comma, a month and day and
// perhaps a year, then perhaps an agency in brackets and a dash ("WASHINGTON, April 10 (Wire) -",
// "LONDON, 4 April 2018 -"). The date, and where the story after it starts; nullopt without one.
struct Dateline {
  unsigned month = 0, day = 0;
  int year = 0; // 0: the dateline names none
};

std::optional<Dateline> wireDatelineAt(std::string_view s, std::size_t begin, std::size_t end) {
  std::size_t i = skipBlanks(s, begin);
  const std::size_t place = i;
  while (i < end && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == ' ' || s[i] == '.' || s[i] == '-' ||
                     s[i] == '\''))
    ++i;
  if (i - place < 3 || i >= end || s[i] != ',' || !(s[place] >= 'A' && s[place] <= 'Z'))
    return std::nullopt;
  auto date = dateAfter(s, i + 1);
  if (!date || date->end > end)
    return std::nullopt;
  std::size_t j = skipBlanks(s, date->end);
  if (j < end && s[j] == '(') { // the agency
    const std::size_t close = s.find(')', j);
    if (close == std::string_view::npos || close > end || close - j > 40)
      return std::nullopt;
    j = skipBlanks(s, close + 1);
  }
  const bool dash = j < end && (s[j] == '-' || s.substr(j, 3) == "\xE2\x80\x94" ||
                                s.substr(j, 3) == "\xE2\x80\x93");
  if (!dash)
    return std::nullopt;
  return Dateline{date->month, date->day, date->year};
}

class WeekdayAnalyzer final : public Analyzer {
public:
  std::string_view name() const override { return "weekdays"; }

  std::vector<Finding> analyze(const Document &doc, const facts::FactIndex &facts,
                               const CancelToken &cancel) const override {
    std::vector<Finding> out;
    const std::string_view prose = doc.prose();
    const std::vector<int> setting = settingYears(prose, facts);
    int quoted_block = -1;
    std::vector<Span> quoted;
    for (const Sentence &sentence : doc.sentences()) {
      if (cancel.cancelled())
        return out;
      const Block &block = doc.blocks()[sentence.block];
      if (block.kind == BlockKind::BlockQuote)
        continue;
      if (quoted_block != static_cast<int>(sentence.block)) {
        quoted_block = static_cast<int>(sentence.block);
        quoted = quotationSpans(prose, block.span);
      }
      for (std::size_t i = sentence.span.begin; i < sentence.span.end;) {
        if (!isLetter(prose[i])) {
          ++i;
          continue;
        }
        const std::size_t end = wordEnd(prose, i);
        const int stated =
            i > 0 && isDigit(prose[i - 1]) ? -1 : weekdayOf(prose.substr(i, end - i));
        const Span word{i, end};
        i = end;
        if (stated < 0 || doc.suppressed(word) ||
            std::any_of(quoted.begin(), quoted.end(), [&](Span q) { return q.overlaps(word); }))
          continue;
        if (auto f = againstDate(prose, word, stated, setting, facts))
          out.push_back(std::move(*f));
        else if (auto g = againstEvent(prose, sentence.span, word, stated, facts))
          out.push_back(std::move(*g));
        else if (auto h = againstDateline(prose, block.span, sentence.span, word, stated, facts))
          out.push_back(std::move(*h));
      }
    }
    return out;
  }

private:
  // The years a date without its own year may be in (see the header), ascending.
  static std::vector<int> settingYears(std::string_view prose, const facts::FactIndex &facts) {
    std::set<int> years;
    for (const facts::Event &e : facts.base().events)
      if (e.date.size() >= 4)
        if (int y = std::atoi(e.date.substr(0, 4).c_str()); y >= 1900)
          years.insert(y);
    if (years.empty())
      return {};
    const int earliest = *years.begin();
    for (std::size_t i = 0; i + 4 <= prose.size(); ++i) {
      std::size_t end = 0;
      if (int y = yearAt(prose, i, end); y >= earliest)
        years.insert(y);
    }
    return {years.begin(), years.end()};
  }

  static std::optional<Finding> againstDate(std::string_view prose, Span word, int stated,
                                            const std::vector<int> &setting,
                                            const facts::FactIndex &facts) {
    auto date = dateAfter(prose, word.end);
    if (!date)
      return std::nullopt;
    std::vector<int> years = date->year ? std::vector<int>{date->year} : setting;
    if (years.empty())
      return std::nullopt;
    std::set<int> actual;
    for (int y : years) {
      const int w = weekdayOfDate(y, date->month, date->day);
      if (w < 0 || w == stated)
        return std::nullopt; // no such day, or the weekday is right in a year it may be
      actual.insert(w);
    }
    const std::string_view written = prose.substr(word.begin, word.end - word.begin);
    const std::string_view day_month =
        prose.substr(word.end, date->date_end - word.end); // ", April 4"
    std::string on_date(day_month);
    while (!on_date.empty() && (on_date.front() == ' ' || on_date.front() == ',' ||
                                on_date.front() == '(' || on_date.front() == '\n'))
      on_date.erase(on_date.begin());
    Finding f;
    f.rule = "figure-weekday";
    f.status = Status::Wrong;
    f.severity = findRule(f.rule)->severity;
    f.span = word;
    f.claim = std::string(prose.substr(word.begin, date->end - word.begin));
    if (years.size() == 1) {
      const int y = years.front();
      const int w = *actual.begin();
      f.message = on_date + " was a " + std::string(kWeekdays[static_cast<std::size_t>(w)]) +
                  (date->year ? "" : " in " + std::to_string(y)) + ", not a " +
                  std::string(kWeekdays[static_cast<std::size_t>(stated)]) +
                  ": the weekday or the date is wrong.";
      char iso[32];
      std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", y, date->month, date->day);
      for (const facts::Event &e : facts.base().events)
        if (e.date == iso)
          f.evidence.push_back({FactRef::Kind::Event, e.id, -1});
    } else {
      f.message = on_date + " was not a " +
                  std::string(kWeekdays[static_cast<std::size_t>(stated)]) +
                  " in any year the draft is about (";
      for (std::size_t k = 0; k < years.size(); ++k)
        f.message += (k ? ", " : "") + std::to_string(years[k]);
      f.message += "): the weekday or the date is wrong.";
    }
    if (actual.size() == 1) {
      const std::string right = weekdayLike(written, *actual.begin());
      f.fixes.push_back({"Change the weekday to " + right, {{word, right}}});
    }
    return f;
  }

  static std::optional<Finding> againstEvent(std::string_view prose, Span sentence, Span word,
                                             int stated, const facts::FactIndex &facts) {
    const std::size_t from = possessiveEnd(prose, word.end);
    if (from == std::string_view::npos)
      return std::nullopt;
    // The noun phrase the weekday's possessive heads: up to four words, to the first
    // punctuation or preposition.
    std::size_t i = from, name_end = from;
    for (int words = 0; words < 4; ++words) {
      const std::size_t j = skipBlanks(prose, i);
      std::size_t k = wordEnd(prose, j);
      while (k < prose.size() && prose[k] == '-' && k + 1 < prose.size() && isLetter(prose[k + 1]))
        k = wordEnd(prose, k + 1);
      if (k == j || k > sentence.end || endsNounPhrase(prose.substr(j, k - j)))
        break;
      name_end = i = k;
    }
    if (name_end == from)
      return std::nullopt;
    const std::string_view phrase = prose.substr(from, name_end - from);
    const facts::Event *first = nullptr;
    for (const std::string &id : facts.eventsNamedIn(phrase, 2)) {
      const facts::Event *e = facts.base().event(id);
      if (!e || e->date.size() != 10)
        continue;
      const int y = std::atoi(e->date.substr(0, 4).c_str());
      const unsigned m = static_cast<unsigned>(std::atoi(e->date.substr(5, 2).c_str()));
      const unsigned d = static_cast<unsigned>(std::atoi(e->date.substr(8, 2).c_str()));
      const int w = weekdayOfDate(y, m, d);
      if (w < 0)
        continue;
      if (w == stated)
        return std::nullopt; // one of the occasions it may name was on that day
      if (namesOtherTime(prose.substr(sentence.begin, sentence.end - sentence.begin), y, m))
        return std::nullopt;
      if (!first)
        first = e;
    }
    if (!first)
      return std::nullopt;
    const int y = std::atoi(first->date.substr(0, 4).c_str());
    const unsigned m = static_cast<unsigned>(std::atoi(first->date.substr(5, 2).c_str()));
    const unsigned d = static_cast<unsigned>(std::atoi(first->date.substr(8, 2).c_str()));
    const int w = weekdayOfDate(y, m, d);
    const std::string_view written = prose.substr(word.begin, word.end - word.begin);
    Finding f;
    f.rule = "figure-weekday";
    f.status = Status::Wrong;
    f.severity = findRule(f.rule)->severity;
    f.span = word;
    f.claim = std::string(prose.substr(word.begin, name_end - word.begin));
    f.message = "The " + first->name + " on record was on " +
                std::string(kWeekdays[static_cast<std::size_t>(w)]) + " " + longDate(y, m, d) +
                ", not a " + std::string(kWeekdays[static_cast<std::size_t>(stated)]) + ".";
    f.evidence.push_back({FactRef::Kind::Event, first->id, -1});
    const std::string right = weekdayLike(written, w);
    f.fixes.push_back({"Change to " + right, {{word, right}}});
    return f;
  }

  // A bare weekday in a wire story's lede ("WASHINGTON, April 10 (Wire) - Zuckerberg told US
  // senators on Thursday ..."): wire style dates the lede's news by the weekday, so when the
  // sentence names a recorded occasion held on the dateline's day and none of the occasions it
  // names fell on the weekday, the weekday is wrong. Only the lede (the sentence the dateline
  // opens), only a weekday with no date or "last"/"next" of its own, and not in a sentence that
  // names another year or month.
  static std::optional<Finding> againstDateline(std::string_view prose, Span block, Span sentence,
                                                Span word, int stated,
                                                const facts::FactIndex &facts) {
    if (sentence.begin > skipBlanks(prose, block.begin))
      return std::nullopt;
    const auto dateline = wireDatelineAt(prose, block.begin, sentence.end);
    if (!dateline || possessiveEnd(prose, word.end) != std::string_view::npos ||
        dateAfter(prose, word.end))
      return std::nullopt; // a weekday with a date of its own is checked against that date
    // "last Thursday", "next Monday", "Thursday's": told relative to something else.
    std::size_t before = word.begin;
    while (before > sentence.begin && prose[before - 1] == ' ')
      --before;
    std::size_t start = before;
    while (start > sentence.begin && isLetter(prose[start - 1]))
      --start;
    const std::string_view previous = prose.substr(start, before - start);
    for (std::string_view w : {"last", "next", "this", "every", "previous", "following"})
      if (equalsFolded(previous, w))
        return std::nullopt;
    const std::string_view text = prose.substr(sentence.begin, sentence.end - sentence.begin);
    const facts::Event *held = nullptr;
    for (const std::string &id : facts.eventsNamedIn(text)) {
      const facts::Event *e = facts.base().event(id);
      if (!e || e->date.size() != 10)
        continue;
      const int y = std::atoi(e->date.substr(0, 4).c_str());
      const unsigned m = static_cast<unsigned>(std::atoi(e->date.substr(5, 2).c_str()));
      const unsigned d = static_cast<unsigned>(std::atoi(e->date.substr(8, 2).c_str()));
      if (weekdayOfDate(y, m, d) == stated)
        return std::nullopt; // an occasion it names was on that day
      if (m == dateline->month && d == dateline->day && (!dateline->year || dateline->year == y) &&
          !namesOtherTime(text, y, m) && !held)
        held = e;
    }
    if (!held)
      return std::nullopt;
    const int y = std::atoi(held->date.substr(0, 4).c_str());
    const int w = weekdayOfDate(y, dateline->month, dateline->day);
    const std::string_view written = prose.substr(word.begin, word.end - word.begin);
    Finding f;
    f.rule = "figure-weekday";
    f.status = Status::Wrong;
    f.severity = findRule(f.rule)->severity;
    f.span = word;
    f.claim = std::string(written);
    f.message = "The dateline's " + longDate(y, dateline->month, dateline->day) + ", the day of the " +
                held->name + ", was a " + std::string(kWeekdays[static_cast<std::size_t>(w)]) +
                ", not a " + std::string(kWeekdays[static_cast<std::size_t>(stated)]) + ".";
    f.evidence.push_back({FactRef::Kind::Event, held->id, -1});
    const std::string right = weekdayLike(written, w);
    f.fixes.push_back({"Change to " + right, {{word, right}}});
    return f;
  }

  // Whether the sentence names a year or a month other than the occasion's: another occasion.
  static bool namesOtherTime(std::string_view sentence, int y, unsigned m) {
    for (std::size_t i = 0; i < sentence.size();) {
      std::size_t end = 0;
      if (isDigit(sentence[i])) {
        if (int other = yearAt(sentence, i, end); other != 0 && other != y)
          return true;
        while (i < sentence.size() && isDigit(sentence[i]))
          ++i;
        continue;
      }
      if (!isLetter(sentence[i])) {
        ++i;
        continue;
      }
      end = wordEnd(sentence, i);
      const std::string_view w = sentence.substr(i, end - i);
      // "May" the month only with a day beside it; "may" the verb is everywhere.
      if (unsigned other = monthOf(w); other != 0 && other != m && w.size() > 3)
        return true;
      i = end;
    }
    return false;
  }
};

} // namespace

std::unique_ptr<Analyzer> makeWeekdayAnalyzer() { return std::make_unique<WeekdayAnalyzer>(); }

} // namespace factline::analyzers
