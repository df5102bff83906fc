// FigureContext: what the words around a figure say about it: where its unit noun may start,
// the direction word of its clause, the day and the chamber of Congress its sentence names, the
// places it is narrowed to.
#include "analyzers/figure_context.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "analyzers/figure_direction.h"
#include "analyzers/figure_places.h"

namespace factline::analyzers {
namespace {

template <std::size_t N>
bool isOneOf(std::string_view w, const std::array<std::string_view, N> &words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

constexpr std::array<std::string_view, 8> kPartitive = {"them",  "those", "these", "whom",
                                                        "which", "the",   "its",   "their"};

constexpr std::array<std::string_view, 6> kCopulas = {"were", "are", "was", "is", "being", "be"};

constexpr std::array<std::string_view, 7> kPlacePrepositions = {
    "in", "from", "across", "throughout", "outside", "within", "inside"};

constexpr std::array<std::string_view, 47> kOtherTimes = {
    "next",         "following",  "later",     "earlier",    "previous",     "yesterday",
    "tomorrow",     "since",      "ago",       "week",       "month",        "monday",
    "tuesday",      "wednesday",  "thursday",  "friday",     "saturday",     "sunday",
    "january",      "february",   "march",     "april",      "june",         "july",
    "august",       "september",  "october",   "november",   "december",     "jan",
    "feb",          "mar",        "apr",       "jun",        "jul",          "aug",
    "oct",          "after-hour", "premarket", "pre-market", "intraday",     "overnight",
    "year-to-date", "afternoon",  "morning",   "midday",     "mid-afternoon"};

constexpr std::array<std::string_view, 7> kWeekdayWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

constexpr std::array<std::string_view, 12> kMonthWords = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Words that may follow a bare number without being what it counts.
constexpr std::array<std::string_view, 82> kNotNouns = {
    "were",    "was",   "are",        "is",        "be",     "been",   "had",      "have",
    "has",     "will",  "would",      "could",     "may",    "might",  "must",     "should",
    "can",     "did",   "do",         "does",      "of",     "in",     "on",       "at",
    "to",      "for",   "from",       "by",        "with",   "into",   "among",    "amongst",
    "between", "over",  "under",      "about",     "as",     "than",   "per",      "after",
    "before",  "since", "during",     "including", "like",   "while",  "when",     "if",
    "because", "then",  "there",      "now",       "not",    "also",   "all",      "each",
    "and",     "or",    "but",        "nor",       "yet",    "who",    "that",     "which",
    "whose",   "whom",  "worldwide",  "globally",  "around", "across", "more",     "less",
    "fewer",   "total", "altogether", "so",        "a",      "the",    "people's", "user's",
    "instead", "rather"};

} // namespace

bool countsOwnNoun(const SentenceWords &w, std::string_view prose, std::size_t after, Span figure) {
  if (after >= w.tokens.size() || crossesPunctuation(prose, figure.end, w.tokens[after].begin))
    return false;
  const std::string &s = w.stems[after];
  if (s.empty() || isDigitWord(s) || isOneOf(s, kNotNouns))
    return false;
  return !(s.ends_with("ed") || s.ends_with("ly") || s.ends_with("ing") || s.ends_with("en"));
}

bool isPlacePreposition(std::string_view w) { return isOneOf(w, kPlacePrepositions); }

bool isDigitWord(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

bool crossesPunctuation(std::string_view prose, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < prose.size(); ++i) {
    char c = prose[i];
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')' || c == '"' ||
        c == '!' || c == '?' || c == '|' || static_cast<unsigned char>(c) == 0xE2)
      return true;
  }
  return false;
}

bool cellEdgeOnly(std::string_view prose, std::size_t from, std::size_t to) {
  int bars = 0;
  for (std::size_t i = from; i < to && i < prose.size(); ++i) {
    if (prose[i] == '|')
      ++bars;
    else if (prose[i] != ' ' && prose[i] != '\t')
      return false;
  }
  return bars == 1;
}

bool aloneInCell(std::string_view prose, Span span) {
  std::size_t b = span.begin;
  while (b > 0 && (prose[b - 1] == ' ' || prose[b - 1] == '\t'))
    --b;
  std::size_t e = span.end;
  while (e < prose.size() && (prose[e] == ' ' || prose[e] == '\t'))
    ++e;
  return b > 0 && prose[b - 1] == '|' && e < prose.size() && prose[e] == '|';
}

std::size_t unitSearchStart(const SentenceWords &w, std::size_t after, bool *part) {
  *part = false;
  const auto &s = w.stems;
  if (after + 1 >= s.size() || s[after] != "of" || !isOneOf(s[after + 1], kPartitive))
    return after;
  *part = true;
  for (std::size_t k = after + 2; k < s.size() && k < after + 7; ++k)
    if (isOneOf(s[k], kCopulas))
      return k + 1;
  return std::string_view::npos;
}

std::vector<std::string> wordsForDate(std::string_view iso) {
  std::vector<std::string> out;
  int y = 0;
  unsigned m = 0, d = 0;
  if (iso.size() != 10 || std::sscanf(std::string(iso).c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3)
    return out;
  using namespace std::chrono;
  year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok())
    return out;
  out.emplace_back(kWeekdayWords[(weekday{sys_days{date}}.c_encoding() + 6) % 7]); // Sunday is 0
  out.emplace_back(kMonthWords[m - 1]);
  out.emplace_back(kMonthWords[m - 1].substr(0, 3));
  out.push_back(std::to_string(y));
  return out;
}

bool clauseIsDated(const SentenceWords &w, std::string_view prose, std::size_t first,
                   std::size_t after, Span figure, const std::vector<std::string> &own_date) {
  auto dated = [&](std::size_t k) {
    const std::string &s = w.stems[k];
    if (std::find(own_date.begin(), own_date.end(), s) != own_date.end())
      return false;
    if (isOneOf(s, kOtherTimes))
      return true;
    std::string_view original =
        prose.substr(w.tokens[k].begin, w.tokens[k].end - w.tokens[k].begin);
    if (original == "May")
      return true;
    return s.size() == 4 && isDigitWord(s) && (s.starts_with("19") || s.starts_with("20"));
  };
  for (std::size_t k = first; k > 0; --k) {
    std::size_t next = k < first ? w.tokens[k].begin : figure.begin;
    if (crossesPunctuation(prose, w.tokens[k - 1].end, next))
      break;
    if (dated(k - 1))
      return true;
  }
  for (std::size_t k = after; k < w.tokens.size(); ++k) {
    std::size_t prev = k == after ? figure.end : w.tokens[k - 1].end;
    if (crossesPunctuation(prose, prev, w.tokens[k].begin))
      break;
    if (dated(k))
      return true;
  }
  return false;
}

bool namesAnotherDay(const SentenceWords &w, std::string_view prose,
                     const std::vector<std::string> &own_date, std::size_t first,
                     std::size_t after) {
  if (own_date.empty())
    return false;
  std::size_t clause_begin = first, clause_end = after;
  while (clause_begin > 0 &&
         !crossesPunctuation(prose, w.tokens[clause_begin - 1].end,
                             clause_begin < w.tokens.size() ? w.tokens[clause_begin].begin
                                                            : w.tokens[clause_begin - 1].end))
    --clause_begin;
  while (clause_end < w.tokens.size() && clause_end > 0 &&
         !crossesPunctuation(prose, w.tokens[clause_end - 1].end, w.tokens[clause_end].begin))
    ++clause_end;
  bool weekday = false, own_weekday = false, month = false, own_month = false;
  for (std::size_t k = 0; k < w.tokens.size(); ++k) {
    const std::string &s = w.stems[k];
    char c = prose[w.tokens[k].begin];
    if (c < 'A' || c > 'Z')
      continue;
    bool own = std::find(own_date.begin(), own_date.end(), s) != own_date.end();
    if (isOneOf(s, kWeekdayWords)) {
      weekday = true;
      own_weekday = own_weekday || own;
    } else if (isOneOf(s, kMonthWords) && k >= clause_begin && k < clause_end) {
      month = true;
      own_month = own_month || own;
    }
  }
  return (weekday && !own_weekday) || (month && !own_month);
}

unsigned chambersOf(const std::vector<std::string> &stems,
                    const std::vector<std::string_view> &originals) {
  unsigned out = 0;
  for (std::size_t k = 0; k < stems.size(); ++k) {
    const std::string &s = stems[k];
    if (s == "senate" || s == "senator")
      out |= kSenate;
    else if ((s == "house" && k < originals.size() && originals[k] == "House" &&
              !(k > 0 && stems[k - 1] == "white")) ||
             s == "representative" || s == "congressman" || s == "congresswoman" ||
             s == "congressmen" || s == "congresswomen")
      out |= kHouse;
  }
  return out;
}

bool withinLongerSpan(const SentenceFigures &sentence, const DraftFigure &figure) {
  if (figure.kind != facts::FigureKind::Duration || figure.frame != DurationFrame::Length)
    return false;
  for (const DraftFigure &other : sentence.figures)
    if (&other != &figure && other.kind == facts::FigureKind::Duration &&
        other.frame == DurationFrame::Length && hoursPer(other.unit) >= 24 &&
        hoursPer(other.unit) > hoursPer(figure.unit) && other.number.value > 1)
      return true;
  return false;
}

std::size_t directionWordFor(const SentenceWords &w, std::string_view prose, std::size_t first,
                             std::size_t after, Span figure) {
  for (std::size_t k = first; k > 0 && first - k < 6; --k) {
    std::size_t i = k - 1;
    std::size_t next = i + 1 < first ? w.tokens[i + 1].begin : figure.begin;
    if (crossesPunctuation(prose, w.tokens[i].end, next) || isDigitWord(w.stems[i]))
      break;
    if (directionOfWord(w.stems[i]) != 0)
      return i;
  }
  for (std::size_t k = after; k < w.tokens.size() && k < after + 2; ++k) {
    std::size_t prev = k == after ? figure.end : w.tokens[k - 1].end;
    if (crossesPunctuation(prose, prev, w.tokens[k].begin) || isDigitWord(w.stems[k]))
      break;
    if (directionOfWord(w.stems[k]) != 0)
      return k;
  }
  return std::string_view::npos;
}

std::vector<std::string_view> placesNear(const SentenceWords &w, std::string_view prose,
                                         std::size_t first, std::size_t after, Span figure) {
  std::vector<std::string_view> out;
  auto original = [&](std::size_t k) {
    return prose.substr(w.tokens[k].begin, w.tokens[k].end - w.tokens[k].begin);
  };
  auto prepositionBefore = [&](std::size_t k, std::size_t floor) {
    if (k > floor && w.stems[k - 1] == "the")
      --k;
    return k > floor && isOneOf(w.stems[k - 1], kPlacePrepositions);
  };
  // A count set in parentheses goes on past them: "(over 70 million people) are in the U.S.".
  const bool bracketed =
      figure.begin > 0 &&
      prose.substr(0, figure.begin).find_last_not_of(" ") != std::string_view::npos &&
      prose[prose.substr(0, figure.begin).find_last_not_of(" ")] == '(';
  bool closed = false;
  for (std::size_t k = after; k < w.tokens.size() && k < after + 6; ++k) {
    std::size_t prev = k == after ? figure.end : w.tokens[k - 1].end;
    if (bracketed && !closed && k > first) {
      const std::string_view gap = prose.substr(prev, w.tokens[k].begin - prev);
      if (gap.find(')') != std::string_view::npos &&
          gap.find_first_not_of(" )") == std::string_view::npos) {
        closed = true;
        prev = w.tokens[k].begin;
      }
    }
    if (crossesPunctuation(prose, prev, w.tokens[k].begin) || isDigitWord(w.stems[k]))
      break;
    std::size_t n = 0;
    std::string_view id = placeAt(w.stems, k, original(k), &n);
    if (!id.empty() && (k < after + 2 || prepositionBefore(k, after)))
      out.push_back(id);
  }
  for (std::size_t k = first; k > 0 && first - k <= 2; --k) {
    std::size_t i = k - 1, n = 0;
    std::string_view id = placeAt(w.stems, i, original(i), &n);
    if (!id.empty() && (w.tokens[i].norm.ends_with("'s") || prepositionBefore(i, 0)))
      out.push_back(id);
  }
  return out;
}

} // namespace factline::analyzers
