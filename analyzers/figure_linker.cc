// FigureLinker: which recorded figure, if any, a draft's figure states, from the sentence around
// it.
#include "analyzers/figure_linker.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "facts/normalize.h"

namespace factline::analyzers {
namespace {

// How far a draft's number may be from the record's and still count the same thing. Drafts get
// numbers wrong by transposed digits, a wrong multiple of ten or a wrong scale word ("8.7
// million", "three billion"); a number a dozen times off is almost always another count.
constexpr double kMaxFactor = 12;

std::vector<std::string> stemmedWords(std::string_view text) {
  std::vector<std::string> out;
  for (const facts::Token &t : facts::tokenize(text))
    if (t.kind == facts::TokenKind::Word)
      out.push_back(FigureLinker::stem(t.norm));
  return out;
}

bool phraseAt(const std::vector<std::string> &words, std::size_t i,
              const std::vector<std::string> &phrase) {
  if (phrase.empty() || i + phrase.size() > words.size())
    return false;
  for (std::size_t k = 0; k < phrase.size(); ++k)
    if (words[i + k] != phrase[k])
      return false;
  return true;
}

bool phraseIn(const std::vector<std::string> &words, const std::vector<std::string> &phrase) {
  for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i)
    if (phraseAt(words, i, phrase))
      return true;
  return false;
}

// Whether `phrase` occurs in `words` anywhere but over [from, to).
bool phraseOutside(const std::vector<std::string> &words, const std::vector<std::string> &phrase,
                   std::size_t from, std::size_t to) {
  for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i)
    if ((i + phrase.size() <= from || i >= to) && phraseAt(words, i, phrase))
      return true;
  return false;
}

constexpr std::array<std::string_view, 14> kRises = {
    "up",     "rise", "rose",   "risen", "surge",   "surged",   "jump",
    "jumped", "gain", "gained", "climb", "climbed", "increase", "higher"};
constexpr std::array<std::string_view, 16> kFalls = {
    "down", "fall",    "fell",     "fallen", "drop", "dropped", "plunge",  "plunged",
    "lost", "decline", "declined", "slid",   "sank", "tumble",  "tumbled", "lower"};

// +1 when the words speak only of a rise, -1 only of a fall, 0 otherwise.
int directionOf(const std::vector<std::string> &stems) {
  bool rise = false, fall = false;
  for (const std::string &s : stems) {
    for (auto w : kRises)
      rise = rise || s == FigureLinker::stem(w);
    for (auto w : kFalls)
      fall = fall || s == FigureLinker::stem(w);
  }
  return rise == fall ? 0 : rise ? 1 : -1;
}

bool isDigitWord(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

// Punctuation between two offsets ends the phrase a unit noun can belong to.
bool crossesPunctuation(std::string_view prose, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < prose.size(); ++i) {
    char c = prose[i];
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')' || c == '"' ||
        c == '!' || c == '?' || static_cast<unsigned char>(c) == 0xE2)
      return true;
  }
  return false;
}

// Durations given in another unit than the record's ("two days" against "five hours") are held
// closer: a change of unit usually means another span of time.
constexpr double kMaxFactorAcrossUnits = 4;

bool withinFactor(double a, double b, double factor) {
  if (a <= 0 || b <= 0)
    return a == b;
  double r = a / b;
  return r <= factor && r >= 1 / factor;
}

} // namespace

std::string FigureLinker::stem(std::string_view folded) {
  std::string w(folded);
  if (w.ends_with("'s"))
    w.resize(w.size() - 2);
  else if (w.ends_with("s'"))
    w.resize(w.size() - 1);
  if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") &&
      !w.ends_with("is"))
    w.pop_back();
  return w;
}

FigureLinker::FigureLinker(const facts::FactIndex &index, std::string_view prose)
    : index_(index), prose_(prose) {}

SentenceWords FigureLinker::words(Span sentence) const {
  SentenceWords w;
  std::string_view text = prose_.substr(sentence.begin, sentence.end - sentence.begin);
  w.tokens = facts::tokenize(text);
  std::vector<std::string> norms;
  for (facts::Token &t : w.tokens) {
    t.begin += sentence.begin;
    t.end += sentence.begin;
    w.stems.push_back(t.kind == facts::TokenKind::Word ? stem(t.norm) : std::string());
    if (t.kind == facts::TokenKind::Word && !isDigitWord(t.norm))
      norms.push_back(t.norm);
  }
  w.figures = index_.figuresFor(norms);
  return w;
}

const FigureLinker::Prepared &FigureLinker::prepared(std::size_t index) {
  auto it = cache_.find(index);
  if (it != cache_.end())
    return it->second;
  const auto &figures = index_.base().figures;
  const facts::Figure &f = figures[index];
  Prepared p;
  p.reading = readRecord(f);
  for (const std::string &k : f.keywords)
    if (auto words = stemmedWords(k); !words.empty())
      p.keywords.push_back({std::move(words), true});
  for (const std::string &u : f.units)
    if (auto words = stemmedWords(u); !words.empty())
      p.units.push_back({std::move(words), true});
  p.primary = stemmedWords(f.unit);
  if (!p.primary.empty())
    p.units.push_back({p.primary, true});
  std::stable_sort(p.units.begin(), p.units.end(),
                   [](const auto &a, const auto &b) { return a.words.size() > b.words.size(); });
  if (const facts::Person *who = index_.base().person(f.stated_by)) {
    p.names.push_back(stemmedWords(who->name));
    for (const std::string &a : who->aliases)
      p.names.push_back(stemmedWords(a));
  }

  // Rivals, found through the index by this figure's unit nouns (never by a scan of the base).
  std::vector<std::string> unit_words;
  for (const std::string &u : f.units)
    for (const facts::Token &t : facts::tokenize(u))
      unit_words.push_back(t.norm);
  for (const facts::Token &t : facts::tokenize(f.unit))
    unit_words.push_back(t.norm);
  for (std::size_t r : index_.figuresFor(unit_words)) {
    const facts::Figure &rival = figures[r];
    if (r == index || rival.kind != f.kind)
      continue;
    std::vector<std::vector<std::string>> rival_units;
    for (const std::string &u : rival.units)
      rival_units.push_back(stemmedWords(u));
    rival_units.push_back(stemmedWords(rival.unit));
    bool shares = false;
    for (Phrase &u : p.units)
      if (std::find(rival_units.begin(), rival_units.end(), u.words) != rival_units.end()) {
        u.distinctive = false;
        shares = true;
      }
    if (!shares)
      continue;
    for (const std::string &k : rival.keywords) {
      auto words = stemmedWords(k);
      for (Phrase &mine : p.keywords)
        if (mine.words == words)
          mine.distinctive = false;
    }
  }

  if (f.kind == facts::FigureKind::Percent) {
    std::vector<std::string> said = stemmedWords(f.text + " " + f.context);
    for (const std::string &k : f.keywords)
      for (std::string &w : stemmedWords(k))
        said.push_back(std::move(w));
    p.direction = directionOf(said);
  }
  return cache_.emplace(index, std::move(p)).first->second;
}

std::optional<FigureCandidate> FigureLinker::compare(const DraftFigure &figure, std::size_t index) {
  const facts::Figure &record = index_.base().figures[index];
  const Prepared &p = prepared(index);
  auto draft = draftInterval(figure, record, p.reading);
  if (!draft)
    return std::nullopt;
  FigureCandidate c;
  c.figure = index;
  c.record = &p.reading;
  c.draft = *draft;
  c.consistent = draft->intersects(p.reading.interval);
  return c;
}

std::vector<FigureCandidate> FigureLinker::candidates(const SentenceFigures &sentence,
                                                      const DraftFigure &figure,
                                                      const SentenceWords &words) {
  std::vector<FigureCandidate> out;
  // Where the sentence's folded words continue after the figure, and where the figure begins.
  const std::size_t after_offset = figure.next_token < sentence.tokens.size()
                                       ? sentence.tokens[figure.next_token].begin
                                       : figure.span.end;
  std::size_t after = words.tokens.size(), first = words.tokens.size();
  for (std::size_t k = 0; k < words.tokens.size(); ++k) {
    if (first == words.tokens.size() && words.tokens[k].end > figure.span.begin)
      first = k;
    if (words.tokens[k].begin >= after_offset) {
      after = k;
      break;
    }
  }
  if (first > after)
    first = after;
  const bool counts = figure.kind == facts::FigureKind::Count ||
                      figure.kind == facts::FigureKind::Ratio ||
                      figure.kind == facts::FigureKind::Money;
  int sentence_direction = 0;
  if (figure.kind == facts::FigureKind::Percent)
    sentence_direction = directionOf(words.stems);

  for (std::size_t index : words.figures) {
    const facts::Figure &record = index_.base().figures[index];
    if (record.kind != figure.kind)
      continue;
    const Prepared &p = prepared(index);
    auto draft = draftInterval(figure, record, p.reading);
    if (!draft)
      continue;
    double value = draftValueIn(figure, record);
    double factor = kMaxFactor;
    if (figure.kind == facts::FigureKind::Duration && timeUnitOf(record.unit) != figure.unit)
      factor = kMaxFactorAcrossUnits;
    if (record.kind == facts::FigureKind::Year
            ? std::fabs(value - record.value) > 50
            : !p.reading.vague && !withinFactor(value, record.value, factor))
      continue;
    // A fall is not the recorded rise, nor a rise the recorded fall.
    if (p.direction != 0 && sentence_direction == -p.direction)
      continue;

    FigureCandidate c;
    c.figure = index;
    c.record = &p.reading;
    c.draft = *draft;
    c.consistent = draft->intersects(p.reading.interval);

    // The unit noun right after the number, past at most two modifiers ("87 million Facebook
    // users", "half the US Senate"), within the same phrase.
    const Phrase *unit = nullptr;
    std::size_t unit_end = after; // words of the figure and its unit noun: [first, unit_end)
    bool unit_elsewhere = false;
    if (counts) {
      for (std::size_t k = after; k < words.tokens.size() && k <= after + 2 && !unit; ++k) {
        if (isDigitWord(words.stems[k]) ||
            crossesPunctuation(prose_, k == after ? figure.span.end : words.tokens[k - 1].end,
                               words.tokens[k].begin))
          break;
        for (const Phrase &u : p.units)
          if (phraseAt(words.stems, k, u.words)) {
            unit = &u;
            unit_end = k + u.words.size();
            c.unit = {words.tokens[k].begin, words.tokens[unit_end - 1].end};
            break;
          }
      }
      if (!unit)
        for (std::size_t k = 0; k < first && !unit_elsewhere; ++k)
          for (const Phrase &u : p.units)
            if (phraseAt(words.stems, k, u.words)) {
              unit_elsewhere = true;
              break;
            }
    }
    // The record's keywords said elsewhere in the sentence (not the unit noun itself).
    int distinctive = 0;
    for (const Phrase &k : p.keywords)
      if (phraseOutside(words.stems, k.words, first, unit_end)) {
        ++c.keywords;
        distinctive += k.distinctive ? 1 : 0;
        c.score += k.words.size() > 1 ? 3 : 2;
      }
    // A modifier measures the noun it stands before: "a five-hour hearing", not "a one-day rise".
    if (figure.modifier && std::none_of(p.keywords.begin(), p.keywords.end(), [&](const Phrase &k) {
          return phraseAt(words.stems, after, k.words);
        }))
      continue;
    bool named = false;
    for (const auto &n : p.names)
      named = named || phraseIn(words.stems, n);

    // What the sentence must say for the link to hold. A count needs its unit noun; a unit
    // noun that rival figures share ("users", "people") needs the record's own unit or a
    // keyword no rival has, so that "270,000 people took the quiz" is not read as the 311,127
    // Australians.
    bool linked = c.keywords >= 1;
    bool primary = unit && !p.primary.empty() && unit->words.back() == p.primary.back();
    bool told_apart = primary || distinctive >= 1;
    switch (figure.kind) {
    case facts::FigureKind::Count:
    case facts::FigureKind::Money:
    case facts::FigureKind::Ratio:
      if (unit)
        linked = (unit->distinctive && (unit->words.size() > 1 || c.keywords >= 1)) ||
                 (c.keywords >= 1 && told_apart);
      else
        linked = figure.kind == facts::FigureKind::Ratio
                     ? c.keywords >= 2 && distinctive >= 1
                     : unit_elsewhere && c.keywords >= 1 && distinctive >= 1 &&
                           figure.number.value >= 1000 &&
                           (figure.number.scale > 1 || figure.number.style.separators);
      break;
    case facts::FigureKind::Year:
      linked = c.keywords >= 2 || c.score >= 3;
      break;
    default:
      break;
    }
    if (!linked)
      continue;
    c.score += unit ? 6 + static_cast<int>(unit->words.size()) : unit_elsewhere ? 1 : 0;
    c.score += named ? 1 : 0;
    out.push_back(c);
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureCandidate &a, const FigureCandidate &b) {
    return a.score > b.score;
  });
  return out;
}

} // namespace factline::analyzers
