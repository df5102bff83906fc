// FigureLinker: which recorded figure, if any, a draft's figure states, from the sentence around
// it.
#include "analyzers/figure_linker.h"

#include <algorithm>
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

bool withinFactor(double a, double b) {
  if (a <= 0 || b <= 0)
    return a == b;
  double r = a / b;
  return r <= kMaxFactor && r >= 1 / kMaxFactor;
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
  const facts::Figure &f = index_.base().figures[index];
  Prepared p;
  p.reading = readRecord(f);
  for (const std::string &k : f.keywords)
    if (auto words = stemmedWords(k); !words.empty())
      p.keywords.push_back(std::move(words));
  for (const std::string &u : f.units)
    if (auto words = stemmedWords(u); !words.empty())
      p.units.push_back(std::move(words));
  if (auto words = stemmedWords(f.unit); !words.empty())
    p.units.push_back(std::move(words));
  std::stable_sort(p.units.begin(), p.units.end(),
                   [](const auto &a, const auto &b) { return a.size() > b.size(); });
  if (const facts::Person *who = index_.base().person(f.stated_by)) {
    p.names.push_back(stemmedWords(who->name));
    for (const std::string &a : who->aliases)
      p.names.push_back(stemmedWords(a));
  }
  return cache_.emplace(index, std::move(p)).first->second;
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
  const bool counts = figure.kind == facts::FigureKind::Count ||
                      figure.kind == facts::FigureKind::Ratio ||
                      figure.kind == facts::FigureKind::Money;

  for (std::size_t index : words.figures) {
    const facts::Figure &record = index_.base().figures[index];
    if (record.kind != figure.kind)
      continue;
    const Prepared &p = prepared(index);
    auto draft = draftInterval(figure, record, p.reading);
    if (!draft)
      continue;
    double value = draftValueIn(figure, record);
    if (record.kind == facts::FigureKind::Year
            ? std::fabs(value - record.value) > 50
            : !p.reading.vague && !withinFactor(value, record.value))
      continue;

    FigureCandidate c;
    c.figure = index;
    c.record = &p.reading;
    c.draft = *draft;
    c.consistent = draft->intersects(p.reading.interval);

    // The unit noun right after the number, past at most two modifiers ("87 million Facebook
    // users", "half the US Senate"), within the same phrase.
    int unit_words = 0;
    bool unit_elsewhere = false;
    if (counts) {
      for (std::size_t k = after; k < words.tokens.size() && k <= after + 2 && !unit_words; ++k) {
        if (isDigitWord(words.stems[k]) ||
            crossesPunctuation(prose_, k == after ? figure.span.end : words.tokens[k - 1].end,
                               words.tokens[k].begin))
          break;
        for (const auto &u : p.units)
          if (phraseAt(words.stems, k, u)) {
            unit_words = static_cast<int>(u.size());
            c.unit = {words.tokens[k].begin, words.tokens[k + u.size() - 1].end};
            break;
          }
      }
      if (!unit_words)
        for (std::size_t k = 0; k < first && !unit_elsewhere; ++k)
          for (const auto &u : p.units)
            if (phraseAt(words.stems, k, u)) {
              unit_elsewhere = true;
              break;
            }
    }
    for (const auto &k : p.keywords)
      if (phraseIn(words.stems, k)) {
        ++c.keywords;
        c.score += k.size() > 1 ? 3 : 2;
      }
    // A modifier measures the noun it stands before: "a five-hour hearing", not "a one-day rise".
    if (figure.modifier && std::none_of(p.keywords.begin(), p.keywords.end(), [&](const auto &k) {
          return phraseAt(words.stems, after, k);
        }))
      continue;
    bool named = false;
    for (const auto &n : p.names)
      named = named || phraseIn(words.stems, n);

    // What the sentence must say for the link to hold.
    bool linked = c.keywords >= 1;
    switch (figure.kind) {
    case facts::FigureKind::Count:
    case facts::FigureKind::Money:
      linked = linked &&
               (unit_words > 0 || (unit_elsewhere && figure.number.value >= 1000 &&
                                   (figure.number.scale > 1 || figure.number.style.separators)));
      break;
    case facts::FigureKind::Ratio:
      linked = linked && (unit_words > 0 || c.keywords >= 2);
      break;
    case facts::FigureKind::Year:
      linked = c.keywords >= 2 || c.score >= 3;
      break;
    default:
      break;
    }
    if (!linked)
      continue;
    c.score += unit_words > 0 ? 6 + unit_words : unit_elsewhere ? 1 : 0;
    c.score += named ? 1 : 0;
    out.push_back(c);
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureCandidate &a, const FigureCandidate &b) {
    return a.score > b.score;
  });
  return out;
}

} // namespace factline::analyzers
