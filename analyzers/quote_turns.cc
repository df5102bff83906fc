// QuoteTurns: a paragraph's leading label of capitalised words and a colon, in a dialogue.
#include "analyzers/quote_turns.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>

namespace factline::analyzers {
namespace {

// Labels that head a paragraph of notes rather than a speaker's turn.
constexpr std::string_view kNotLabels[] = {
    "update",   "updated", "note",    "notes",   "correction", "background", "analysis", "context",
    "source",   "sources", "photo",   "caption", "related",    "breaking",   "summary",  "why",
    "what",     "who",     "when",    "where",   "how",        "read",       "see",      "watch",
    "listen",   "editor",  "editors", "warning", "disclaimer", "transcript", "date",     "time",
    "location", "key",     "q",       "a",       "question",   "answer",     "tl;dr",    "ps"};

bool isUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool isAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

struct Turn {
  Span label;
  Span words;
  std::string key; // the label folded, to count distinct speakers
};

// "Senator Thune: Would you ...": up to five capitalised words ("Sen.", "O'Brien", "Jean-Luc"),
// then a colon and the turn's words (three at least).
std::optional<Turn> turnAt(std::string_view s, Span b) {
  std::size_t i = b.begin;
  while (i < b.end && (s[i] == '*' || s[i] == '_' || s[i] == ' '))
    ++i;
  const std::size_t label_begin = i;
  std::size_t words = 0, label_end = i;
  std::string key;
  while (i < b.end && words < 6) {
    if (!isUpper(s[i]))
      return std::nullopt;
    std::size_t e = i;
    while (e < b.end && (isAlpha(s[e]) || s[e] == '\'' || s[e] == '-' || s[e] == '.'))
      ++e;
    std::string w(s.substr(i, e - i));
    std::transform(w.begin(), w.end(), w.begin(), [](char c) { return std::tolower(c); });
    if (std::find(std::begin(kNotLabels), std::end(kNotLabels), w) != std::end(kNotLabels))
      return std::nullopt;
    key += (key.empty() ? "" : " ") + w;
    ++words;
    label_end = e;
    i = e;
    while (i < b.end && (s[i] == '*' || s[i] == '_'))
      ++i;
    if (i < b.end && s[i] == ':')
      break;
    if (i >= b.end || s[i] != ' ')
      return std::nullopt;
    ++i;
    // A party and state after the name: "SEN. JOHN THUNE (R-S.D.):".
    if (i < b.end && s[i] == '(') {
      const std::size_t close = s.find(')', i);
      if (close == std::string_view::npos || close >= b.end || close - i > 12 ||
          close + 1 >= b.end || s[close + 1] != ':')
        return std::nullopt;
      i = close + 1;
      break;
    }
  }
  if (words == 0 || words > 5 || i >= b.end || s[i] != ':')
    return std::nullopt;
  ++i;
  while (i < b.end && (s[i] == '*' || s[i] == '_' || s[i] == ' '))
    ++i;
  // Speech opens like a sentence; notes open with a reporting verb or in lower case
  // ("Zuckerberg: apologised for the breach", "Graham: Asked about regulation").
  if (i >= b.end || !(isUpper(s[i]) || std::isdigit(static_cast<unsigned char>(s[i]))))
    return std::nullopt;
  std::size_t first_end = i;
  while (first_end < b.end && isAlpha(s[first_end]))
    ++first_end;
  std::string first(s.substr(i, first_end - i));
  std::transform(first.begin(), first.end(), first.begin(), [](char c) { return std::tolower(c); });
  for (std::string_view v : {"said", "says", "told", "tells", "asks", "spoke", "gave", "made",
                             "took", "wants", "wanted", "denies", "admits", "promises"})
    if (first == v)
      return std::nullopt;
  if (first.size() > 4 && first.ends_with("ed"))
    return std::nullopt;
  std::size_t end = b.end;
  while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\n'))
    --end;
  std::size_t count = 0;
  for (std::size_t k = i; k < end; ++k)
    count += isAlpha(s[k]) && (k == i || s[k - 1] == ' ');
  if (count < 3)
    return std::nullopt;
  return Turn{{label_begin, label_end}, {i, end}, key};
}

} // namespace

void addTranscriptTurns(const Document &doc, std::vector<Quotation> &quotes) {
  const std::string &s = doc.prose();
  std::vector<std::pair<Turn, int>> turns;
  std::set<std::string> speakers;
  const auto &blocks = doc.blocks();
  for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
    const Block &b = blocks[bi];
    if (b.kind != BlockKind::Paragraph)
      continue;
    auto t = turnAt(s, b.span);
    if (!t)
      continue;
    const bool marked = std::any_of(quotes.begin(), quotes.end(), [&](const Quotation &q) {
      return q.open.begin >= b.span.begin && q.open.begin < b.span.end;
    });
    if (marked) // "Zuckerberg: “We didn't do enough.”": the marks say what is quoted
      continue;
    speakers.insert(t->key);
    turns.push_back({*t, static_cast<int>(bi)});
  }
  if (turns.size() < 2 || speakers.size() < 2)
    return;
  for (const auto &[t, bi] : turns) {
    Quotation q;
    q.style = QuoteStyle::Turn;
    q.open = {t.words.begin, t.words.begin};
    q.close = {t.words.end, t.words.end};
    q.words = t.words;
    q.block = bi;
    q.credit = t.label;
    quotes.push_back(q);
  }
}

} // namespace factline::analyzers
