// FigureLinker: which recorded figure, if any, a draft's figure states, from the sentence around
// it.
#include "analyzers/figure_linker.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "analyzers/figure_context.h"
#include "analyzers/figure_direction.h"
#include "analyzers/figure_places.h"
#include "facts/figure_terms.h"
#include "facts/normalize.h"
#include "facts/word_root.h"

namespace factline::analyzers {
namespace {

// How far a draft's number may be from the record's and still count the same thing. Drafts get
// numbers wrong by transposed digits, a wrong multiple of ten or a wrong scale word ("8.7
// million", "three billion"); a number a dozen times off is almost always another count.
constexpr double kMaxFactor = 12;

// How close a count must be to link through words other than its own unit noun and keywords
// near it ("the actual number is at least 87 million" after a sentence about the users
// affected): a slip of a digit or a rounding, not another count.
constexpr double kCloseFactor = 1.5;

std::vector<std::string> stemmedWords(std::string_view text) {
  std::vector<std::string> out;
  for (const facts::Token &t : facts::tokenize(text))
    if (t.kind == facts::TokenKind::Word)
      out.push_back(FigureLinker::stem(t.norm));
  return out;
}

// The Snowball roots of `text`'s words: what a figure's link words are matched by.
std::vector<std::string> rootedWords(std::string_view text) {
  std::vector<std::string> out;
  for (const facts::Token &t : facts::tokenize(text))
    if (t.kind == facts::TokenKind::Word)
      out.push_back(facts::wordRoot(t.norm));
  return out;
}

// A link word or phrase as it is matched: one word by its root, a phrase by its words' stems.
std::vector<std::string> linkWords(std::string_view text) {
  std::vector<std::string> stems = stemmedWords(text);
  return stems.size() == 1 ? rootedWords(text) : stems;
}

// The words of a sentence a link phrase is matched against (see linkWords).
const std::vector<std::string> &wordsFor(const std::vector<std::string> &phrase,
                                         const std::vector<std::string> &stems,
                                         const std::vector<std::string> &roots) {
  return phrase.size() == 1 ? roots : stems;
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

// How many figures may share a word of their subjects for it to link them (figures with no
// keywords; see prepared()).
constexpr std::size_t kSharedSubjectWord = 2;

// How many words from a figure its keywords may stand for a unit noun to link through them.
constexpr std::size_t kNearWords = 12;

// Whether `phrase` occurs in `words` outside [from, to) but within kNearWords of it.
bool phraseNear(const std::vector<std::string> &words, const std::vector<std::string> &phrase,
                std::size_t from, std::size_t to) {
  std::size_t lo = from > kNearWords ? from - kNearWords : 0;
  for (std::size_t i = lo; i + phrase.size() <= words.size() && i < to + kNearWords; ++i)
    if ((i + phrase.size() <= from || i >= to) && phraseAt(words, i, phrase))
      return true;
  return false;
}

// Durations given in another unit than the record's ("two days" against "five hours") are held
// closer: a change of unit usually means another span of time, unless the sentence names the
// record's own occasion in a phrase ("about a year ago, we heard new reports").
constexpr double kMaxFactorAcrossUnits = 4;

bool withinFactor(double a, double b, double factor) {
  if (a <= 0 || b <= 0)
    return a == b;
  double r = a / b;
  return r <= factor && r >= 1 / factor;
}

// Whether a and b differ by a power of a thousand exactly: the same digits under another scale.
bool isScaleSlip(double a, double b) {
  if (a <= 0 || b <= 0)
    return false;
  double exponent = std::log10(a / b);
  double rounded = std::round(exponent);
  return std::fabs(exponent - rounded) < 1e-9 && std::fmod(std::fabs(rounded), 3) == 0 &&
         rounded != 0;
}

// Whether the words over `unit` name one of `places`, or say "local".
bool unitNamesPlace(const SentenceWords &w, Span unit, const std::vector<std::string> &places) {
  for (std::size_t k = 0; k < w.tokens.size(); ++k) {
    if (w.tokens[k].begin < unit.begin || w.tokens[k].end > unit.end)
      continue;
    std::size_t n = 0;
    std::string_view original = w.tokens[k].norm; // capitals do not matter for these names
    std::string_view id = placeAt(w.stems, k, original, &n);
    if (w.stems[k] == "local" ||
        (!id.empty() && std::find(places.begin(), places.end(), id) != places.end()))
      return true;
  }
  return false;
}

// Stemmed words of `text` and each as written.
void wordsOf(std::string_view text, std::vector<std::string> &stems,
             std::vector<std::string> &originals) {
  for (const facts::Token &t : facts::tokenize(text))
    if (t.kind == facts::TokenKind::Word) {
      stems.push_back(FigureLinker::stem(t.norm));
      originals.emplace_back(text.substr(t.begin, t.end - t.begin));
    }
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

SentenceWords FigureLinker::words(Span sentence, Span heading, Span previous) const {
  SentenceWords w;
  if (previous.end > previous.begin) {
    std::vector<std::string> norms;
    for (const facts::Token &t :
         facts::tokenize(prose_.substr(previous.begin, previous.end - previous.begin)))
      if (t.kind == facts::TokenKind::Word) {
        w.previous_stems.push_back(stem(t.norm));
        w.previous_roots.push_back(facts::wordRoot(t.norm));
        if (!isDigitWord(t.norm))
          norms.push_back(t.norm);
      }
    w.previous_figures = index_.figuresFor(norms);
  }
  std::string_view text = prose_.substr(sentence.begin, sentence.end - sentence.begin);
  if (heading.end > heading.begin && index_.eventsNamedIn(text).empty()) {
    const std::string_view title = prose_.substr(heading.begin, heading.end - heading.begin);
    for (const std::string &id : index_.eventsNamedIn(title))
      if (const facts::Event *e = index_.base().event(id); e && !e->date.empty())
        w.section_dates.push_back(e->date);
    if (!w.section_dates.empty()) {
      std::vector<std::string> norms;
      for (const facts::Token &t : facts::tokenize(title))
        if (t.kind == facts::TokenKind::Word) {
          w.section_stems.push_back(stem(t.norm));
          w.section_roots.push_back(facts::wordRoot(t.norm));
          if (!isDigitWord(t.norm))
            norms.push_back(t.norm);
        }
      w.section_figures = index_.figuresFor(norms);
    }
  }
  w.tokens = facts::tokenize(text);
  std::vector<std::string> norms;
  for (facts::Token &t : w.tokens) {
    t.begin += sentence.begin;
    t.end += sentence.begin;
    w.stems.push_back(t.kind == facts::TokenKind::Word ? stem(t.norm) : std::string());
    w.roots.push_back(t.kind == facts::TokenKind::Word ? facts::wordRoot(t.norm) : std::string());
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
  // Forms of one word ("questions", "questioned", "questioning") are one link word: a draft's
  // "questioned" says it once.
  // A keyword of several words is a set phrase, matched word form by word form ("data use" is
  // not "data used to target"); a single word by its root.
  // A subject's word (a figure with no keywords) that many figures of the base share says
  // little of which one a sentence means ("Facebook", "data", "Cambridge Analytica" in most of a
  // scandal's subjects): only words at most kSharedSubjectWord figures use link.
  const bool from_subject = f.keywords.empty();
  for (const std::string &k : facts::FigureTerms::linkPhrases(f)) {
    if (from_subject && index_.figuresFor({k}).size() - 1 >= kSharedSubjectWord)
      continue; // (empty: more figures use it than the index lists)
    if (auto words = linkWords(k);
        !words.empty() && std::none_of(p.keywords.begin(), p.keywords.end(),
                                       [&](const Phrase &had) { return had.words == words; }))
      p.keywords.push_back({std::move(words), true, {}});
  }
  for (std::string_view u : f.units)
    if (auto words = stemmedWords(u); !words.empty())
      p.units.push_back({std::move(words), true, {}});
  p.primary = stemmedWords(f.unit);
  if (!p.primary.empty())
    p.units.push_back({p.primary, true, {}});
  std::stable_sort(p.units.begin(), p.units.end(),
                   [](const auto &a, const auto &b) { return a.words.size() > b.words.size(); });
  if (const facts::Person *who = index_.base().person(f.stated_by)) {
    p.names.push_back(stemmedWords(who->name));
    for (const std::string &a : who->aliases)
      p.names.push_back(stemmedWords(a));
  }

  // Rivals, found through the index by this figure's unit nouns (never by a scan of the base).
  std::vector<std::string> unit_words;
  for (std::string_view u : f.units)
    for (const facts::Token &t : facts::tokenize(u))
      unit_words.push_back(t.norm);
  for (const facts::Token &t : facts::tokenize(f.unit))
    unit_words.push_back(t.norm);
  for (std::size_t r : index_.figuresFor(unit_words)) {
    const facts::Figure &rival = figures[r];
    if (r == index || rival.kind != f.kind)
      continue;
    std::vector<std::vector<std::string>> rival_units;
    for (std::string_view u : rival.units)
      rival_units.push_back(stemmedWords(u));
    rival_units.push_back(stemmedWords(rival.unit));
    bool shares = false;
    for (Phrase &u : p.units)
      if (std::find(rival_units.begin(), rival_units.end(), u.words) != rival_units.end()) {
        u.distinctive = false;
        u.rival_values.push_back(rival.value);
        shares = true;
      }
    if (!shares)
      continue;
    for (const std::string &k : facts::FigureTerms::linkPhrases(rival)) {
      auto words = linkWords(k);
      for (Phrase &mine : p.keywords)
        if (mine.words == words)
          mine.distinctive = false;
    }
  }

  // "users in Australia" and "Australian users" are "users" once the draft has said where.
  for (std::string_view u : f.units) {
    std::vector<std::string> stems, originals, kept;
    wordsOf(u, stems, originals);
    for (std::size_t i = 0; i < stems.size(); ++i) {
      std::size_t n = 0;
      if (placeAt(stems, i, originals[i], &n).empty()) {
        kept.push_back(stems[i]);
        continue;
      }
      if (!kept.empty() && isPlacePreposition(kept.back()))
        kept.pop_back();
      i += n - 1;
    }
    if (kept.empty() || kept == stems)
      continue;
    bool distinctive = true;
    for (const Phrase &mine : p.units)
      if (mine.words == stems)
        distinctive = mine.distinctive;
    p.local_units.push_back({std::move(kept), distinctive, {}});
  }
  std::stable_sort(p.local_units.begin(), p.local_units.end(),
                   [](const auto &a, const auto &b) { return a.words.size() > b.words.size(); });

  {
    std::vector<std::string> stems, originals;
    wordsOf(f.subject, stems, originals);
    wordsOf(f.unit, stems, originals);
    for (std::string_view u : f.units)
      wordsOf(u, stems, originals);
    for (std::string_view k : f.keywords)
      wordsOf(k, stems, originals);
    p.places = placesOf(stems, originals);
  }
  {
    // The places it counts in: named both by its unit nouns ("Australian users") and by its
    // keywords ("australia"). "Russian interference" names no place the 2016 figure counts in.
    std::vector<std::string> stems, originals, unit_stems, unit_originals;
    for (std::string_view k : f.keywords)
      wordsOf(k, stems, originals);
    wordsOf(f.unit, unit_stems, unit_originals);
    for (std::string_view u : f.units)
      wordsOf(u, unit_stems, unit_originals);
    std::vector<std::string> in_units = placesOf(unit_stems, unit_originals);
    for (std::string &place : placesOf(stems, originals))
      if (std::find(in_units.begin(), in_units.end(), place) != in_units.end())
        p.required_places.push_back(std::move(place));
  }
  {
    std::string_view date = f.date;
    const facts::Source *source = index_.base().source(f.source);
    if (date.empty() && source)
      date = source->date;
    p.own_date = wordsForDate(date);
    p.date = std::string(date);
    // The day it happened and the day its source reported it ("Facebook revealed on Thursday",
    // in a report dated the day after the Wednesday call) both date it.
    if (!f.date.empty()) {
      p.occasion = p.own_date;
      if (source)
        for (std::string &w : wordsForDate(source->date))
          p.occasion.push_back(std::move(w));
      for (std::string &w : std::vector<std::string>(p.occasion))
        p.own_date.push_back(std::move(w));
    }
  }
  {
    std::vector<std::string> stems, originals;
    wordsOf(f.subject, stems, originals);
    for (std::string_view u : f.units)
      wordsOf(u, stems, originals);
    for (std::string_view k : f.keywords)
      wordsOf(k, stems, originals);
    std::vector<std::string_view> views(originals.begin(), originals.end());
    p.chambers = chambersOf(stems, views);
  }

  if (f.kind == facts::FigureKind::Percent) {
    std::vector<std::string> said = stemmedWords(f.text + " " + f.context);
    for (std::string_view k : f.keywords)
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
  c.consistent = draft->overlaps(p.reading.interval);
  return c;
}

std::vector<FigureCandidate> FigureLinker::candidates(const SentenceFigures &sentence,
                                                      const DraftFigure &figure,
                                                      const SentenceWords &words) {
  std::vector<FigureCandidate> out;
  // The folded words [first, after) of the stretch [begin, end) of the sentence.
  auto wordsOver = [&](std::size_t begin, std::size_t end) {
    std::size_t first = words.tokens.size(), after = words.tokens.size();
    for (std::size_t k = 0; k < words.tokens.size(); ++k) {
      if (first == words.tokens.size() && words.tokens[k].end > begin)
        first = k;
      if (words.tokens[k].begin >= end) {
        after = k;
        break;
      }
    }
    return std::pair{std::min(first, after), after};
  };
  // Where the figure begins, and where the sentence's folded words continue after it.
  const std::size_t after_offset = figure.next_token < sentence.tokens.size()
                                       ? sentence.tokens[figure.next_token].begin
                                       : figure.span.end;
  // Plain variables, not a structured binding: lambdas below capture them (clang 14 cannot).
  const auto figure_words = wordsOver(figure.span.begin, after_offset);
  const std::size_t first = figure_words.first, after = figure_words.second;
  // The sentence's other years, as word ranges. A year links by keywords alone, and a keyword
  // nearer another year than this one is that year's: in "learned of the misuse in 2016 and made
  // big changes to its platform in 2014" the platform's words are 2014's and the misuse's 2016's.
  // (Counts, lengths and shares have their units too, and share their keywords: "grew from 50
  // million to 78 million".)
  std::vector<std::pair<std::size_t, std::size_t>> others;
  for (const DraftFigure &other : sentence.figures) {
    if (figure.kind == facts::FigureKind::Year && other.kind == figure.kind &&
        other.span != figure.span)
      others.push_back(wordsOver(other.span.begin, other.span.end));
  }
  auto gap = [](std::size_t at, std::size_t len, std::pair<std::size_t, std::size_t> range) {
    return at + len <= range.first ? range.first - (at + len)
           : at >= range.second    ? at - range.second
                                   : 0;
  };
  // Whether `phrase` stands outside [from, to) and no nearer another year.
  auto ownPhrase = [&](const std::vector<std::string> &phrase, std::size_t from, std::size_t to) {
    const auto &sequence = wordsFor(phrase, words.stems, words.roots);
    for (std::size_t i = 0; i + phrase.size() <= sequence.size(); ++i) {
      if ((i + phrase.size() > from && i < to) || !phraseAt(sequence, i, phrase))
        continue;
      const std::size_t mine = gap(i, phrase.size(), {from, to});
      if (std::all_of(others.begin(), others.end(),
                      [&](const auto &o) { return gap(i, phrase.size(), o) >= mine; }))
        return true;
    }
    return false;
  };
  const bool counts = figure.kind == facts::FigureKind::Count ||
                      figure.kind == facts::FigureKind::Ratio ||
                      figure.kind == facts::FigureKind::Money;
  int sentence_direction = 0;
  std::size_t direction_word = std::string_view::npos;
  if (figure.kind == facts::FigureKind::Percent) {
    sentence_direction = directionOf(words.stems);
    direction_word = directionWordFor(words, prose_, first, after, figure.span);
  }
  bool part = false;
  // A ratio names its whole after "of" ("half of the Senate"); a count after "of the" is a part.
  std::size_t unit_from =
      figure.kind == facts::FigureKind::Count ? unitSearchStart(words, after, &part) : after;
  std::vector<std::string_view> places;
  if (counts)
    places = placesNear(words, prose_, first, after, figure.span);
  std::vector<std::string_view> originals;
  for (const facts::Token &t : words.tokens)
    originals.push_back(prose_.substr(t.begin, t.end - t.begin));
  const unsigned chambers = chambersOf(words.stems, originals);
  // Every place the sentence names, and whether it speaks of "local" users.
  std::vector<std::string_view> named_places;
  bool local = false;
  for (std::size_t k = 0; k < words.tokens.size(); ++k) {
    std::size_t n = 0;
    std::string_view id = placeAt(words.stems, k, originals[k], &n);
    if (!id.empty())
      named_places.push_back(id);
    local = local || words.stems[k] == "local";
  }

  // A length of time in a section whose heading names an occasion (see the header): once the
  // sentence's own records are read, those of another occasion's day it linked give way to the
  // heading's occasion's, read with the heading's words. A sentence that names a chamber of
  // Congress speaks of a hearing, whatever its section.
  const bool by_section = figure.kind == facts::FigureKind::Duration &&
                          figure.frame == DurationFrame::Length && !words.section_dates.empty() &&
                          chambers == 0;
  auto ofSection = [&](std::size_t index) {
    const std::string &date = prepared(index).date;
    return std::find(words.section_dates.begin(), words.section_dates.end(), date) !=
           words.section_dates.end();
  };
  std::vector<std::size_t> records = words.figures;
  // records[sentence_records, own): counts the sentence before points to, for a count with no
  // noun of its own or one its rivals share (see `closeToSubject` below).
  const std::size_t sentence_records = records.size();
  if (figure.kind == facts::FigureKind::Count)
    for (std::size_t index : words.previous_figures)
      if (std::find(records.begin(), records.end(), index) == records.end())
        records.push_back(index);
  const std::size_t own = records.size(); // records[own...]: the heading's occasion's
  bool rerouted = false;
  auto reroute = [&] {
    if (rerouted || !by_section)
      return false;
    rerouted = true;
    if (std::erase_if(out, [&](const FigureCandidate &c) { return !ofSection(c.figure); }) == 0)
      return false;
    // The sentence's records of that day it did not link, and those the heading points to.
    for (const auto *list : {&words.figures, &words.section_figures})
      for (std::size_t index : *list)
        if (ofSection(index) &&
            std::none_of(out.begin(), out.end(),
                         [&](const FigureCandidate &c) { return c.figure == index; }) &&
            std::find(records.begin() + static_cast<std::ptrdiff_t>(own), records.end(), index) ==
                records.end())
          records.push_back(index);
    return records.size() > own;
  };
  for (std::size_t r = 0; r < records.size() || reroute(); ++r) {
    const std::size_t index = records[r];
    const facts::Figure &record = index_.base().figures[index];
    if (record.kind != figure.kind)
      continue;
    const Prepared &p = prepared(index);
    if (figure.number.order_only && !p.reading.vague)
      continue; // "hundreds of": only a record as vague is said as loosely
    // A record about one place ("one in 50 local users": Australians) is not a share of any
    // users: the sentence must name the place, or speak of local users.
    if (!p.required_places.empty() && !local &&
        std::none_of(named_places.begin(), named_places.end(), [&](std::string_view place) {
          return std::find(p.required_places.begin(), p.required_places.end(), place) !=
                 p.required_places.end();
        }))
      continue;
    // Another occasion: another day, or the other chamber of Congress; a length of time over
    // several days may be both chambers' hearings together.
    if (namesAnotherDay(words, prose_, p.occasion, first, after) ||
        (chambers != 0 && p.chambers != 0 && (chambers & p.chambers) == 0) ||
        (p.chambers != 0 && withinLongerSpan(sentence, figure)))
      continue;
    if (std::any_of(places.begin(), places.end(), [&](std::string_view place) {
          return std::find(p.places.begin(), p.places.end(), place) == p.places.end();
        }))
      continue; // a part of the record's count, or another place's
    Misframing misframing = Misframing::None;
    auto draft = draftInterval(figure, record, p.reading);
    if (!draft && figure.kind == facts::FigureKind::Percent) {
      // Percentage points where the record has per cent, or the other way round.
      DraftFigure other = figure;
      other.unit = figure.unit == "percentage points" ? "per cent" : "percentage points";
      draft = draftInterval(other, record, p.reading);
      misframing = Misframing::PercentUnit;
    }
    if (!draft)
      continue;
    double value = draftValueIn(figure, record);
    // "87,000 users", "87 billion users": the record's digits under another scale word are a
    // slip of the scale, however far off, when the unit noun follows the number.
    const bool scale_slip = counts && !withinFactor(value, record.value, kMaxFactor) &&
                            isScaleSlip(value, record.value);
    if (record.kind == facts::FigureKind::Year
            ? std::fabs(value - record.value) > 50
            : !p.reading.vague && !withinFactor(value, record.value, kMaxFactor) && !scale_slip)
      continue;
    // In another unit of time, a span far from the record's needs a phrase only the record has.
    // A window ("the biggest gain in a decade") or a time before ("a year ago") is framed
    // tightly enough by itself.
    const bool needs_phrase = figure.kind == facts::FigureKind::Duration &&
                              figure.frame == DurationFrame::Length &&
                              timeUnitOf(record.unit) != figure.unit &&
                              !withinFactor(value, record.value, kMaxFactorAcrossUnits);

    FigureCandidate c;
    c.figure = index;
    c.record = &p.reading;
    c.draft = *draft;
    c.consistent = draft->overlaps(p.reading.interval);

    // A fall is not the recorded rise, nor a rise the recorded fall: when the figure's own clause
    // says so and the number is the record's, the draft has the change the wrong way round; when
    // the number is another, or only the sentence at large speaks of the other way, it is
    // another change.
    // A change dated otherwise ("in March", "the next day", "in after-hours trading") is another
    // change, whichever way it went.
    if (p.direction != 0) {
      // A percentage the sentence does not say rose or fell is a proportion ("Facebook's share of
      // the ad market is 20 per cent"), not the recorded move.
      if (direction_word == std::string_view::npos && sentence_direction == 0)
        continue;
      if (clauseIsDated(words, prose_, first, after, figure.span, p.own_date))
        continue;
      int local = direction_word != std::string_view::npos
                      ? directionOfWord(words.stems[direction_word])
                      : sentence_direction;
      if (local == -p.direction) {
        if (direction_word == std::string_view::npos)
          continue;
        if (misframing == Misframing::None) {
          misframing = Misframing::Direction;
          c.direction_word = {words.tokens[direction_word].begin, words.tokens[direction_word].end};
        }
      }
    }
    if (misframing != Misframing::None && !c.consistent)
      continue;
    c.misframing = misframing;

    // The unit noun right after the number, past at most two modifiers ("87 million Facebook
    // users", "half the US Senate"), within the same phrase; after a partitive, the noun after
    // its verb ("311,172 of them were Australians").
    const bool narrowed = !places.empty(); // and to a place the record is about (see above)
    std::array<const std::vector<Phrase> *, 2> unit_lists = {&p.units, &p.units};
    if (narrowed)
      unit_lists[1] = &p.local_units;
    const Phrase *unit = nullptr;
    std::size_t unit_end = after; // words of the figure and its unit noun: [first, unit_end)
    bool unit_elsewhere = false;
    if (counts && unit_from != std::string_view::npos) {
      for (std::size_t k = unit_from; k < words.tokens.size() && k <= unit_from + 2 && !unit; ++k) {
        const std::size_t from = k == after ? figure.span.end : words.tokens[k - 1].end;
        // A number alone in its table cell counts what the next cell starts with: "| 311,127 |
        // Australians among the users affected |".
        const bool next_cell = k == after && aloneInCell(prose_, figure.span) &&
                               cellEdgeOnly(prose_, from, words.tokens[k].begin);
        if (isDigitWord(words.stems[k]) ||
            (!next_cell && crossesPunctuation(prose_, from, words.tokens[k].begin)))
          break;
        for (const auto *list : unit_lists)
          for (const Phrase &u : *list)
            if (!unit && phraseAt(words.stems, k, u.words)) {
              unit = &u;
              unit_end = k + u.words.size();
              c.unit = {words.tokens[k].begin, words.tokens[unit_end - 1].end};
            }
      }
    }
    // Elsewhere in the sentence: "the number of users grew to 87 million". A part ("70 million of
    // them") is not the whole the sentence names, unless it is narrowed to the place the record
    // is about: "87 million users, 311,127 of them in Australia".
    if (counts && !unit && (!part || narrowed) && !countsOwnNoun(words, prose_, after, figure.span))
      for (std::size_t k = 0; k < first && !unit_elsewhere; ++k)
        for (const auto *list : unit_lists)
          for (const Phrase &u : *list)
            if (phraseAt(words.stems, k, u.words))
              unit_elsewhere = true;
    if (scale_slip && !unit)
      continue;
    // The record's keywords said elsewhere in the sentence (not the unit noun itself).
    int distinctive = 0;
    int previous_keywords = 0, previous_distinctive = 0; // said only in the sentence before
    int near = 0;        // keywords within a few words of the figure
    bool phrase = false; // a keyword of several words that no rival has
    for (const Phrase &k : p.keywords)
      if (ownPhrase(k.words, first, unit_end)) {
        phrase = phrase || (k.distinctive && k.words.size() > 1);
        near +=
            phraseNear(wordsFor(k.words, words.stems, words.roots), k.words, first, unit_end) ? 1
                                                                                               : 0;
        ++c.keywords;
        distinctive += k.distinctive ? 1 : 0;
        c.score += k.words.size() > 1 ? 3 : 2;
      } else if (phraseIn(wordsFor(k.words, words.previous_stems, words.previous_roots),
                          k.words)) {
        ++previous_keywords;
        previous_distinctive += k.distinctive ? 1 : 0;
      } else if (r >= own && phraseIn(wordsFor(k.words, words.section_stems, words.section_roots),
                                      k.words)) {
        ++c.keywords; // the section's heading names it: less than the sentence's own words
        distinctive += k.distinctive ? 1 : 0;
        c.score += 1;
      }
    // A modifier measures the noun it stands before: "a five-hour hearing", not "a one-day rise".
    if (figure.modifier && std::none_of(p.keywords.begin(), p.keywords.end(), [&](const Phrase &k) {
          return phraseAt(wordsFor(k.words, words.stems, words.roots), after, k.words);
        }))
      continue;
    if (needs_phrase && !phrase)
      continue;
    bool named = false;
    for (const auto &n : p.names)
      named = named || phraseIn(words.stems, n);

    // What the sentence must say for the link to hold. A count needs its unit noun; a unit
    // noun that rival figures share ("users", "people") needs the record's own unit or a
    // keyword no rival has, so that "270,000 people took the quiz" is not read as the 311,127
    // Australians.
    bool linked = c.keywords >= 1;
    // A large count close to the record, in a sentence that with the one before names what the
    // record counts (one of its unit nouns and a keyword no rival has): "Facebook said the data
    // of its users reached Cambridge Analytica. The actual number is at least 87 million." A
    // count with no noun of its own links so; one whose noun rivals share ("97 million
    // profiles", the replaced 50 million's unit too) links so when no rival is as close.
    const bool close = withinFactor(value, record.value, kCloseFactor) &&
                       figure.number.value >= 1000 &&
                       (figure.number.scale > 1 || figure.number.style.separators);
    bool unit_before = false;
    for (const Phrase &u : p.units)
      unit_before = unit_before || phraseIn(words.previous_stems, u.words);
    const bool subject_named = distinctive + previous_distinctive >= 1;
    const bool bare = !unit && !part && !countsOwnNoun(words, prose_, after, figure.span);
    // A replaced estimate is not linked so: the words that name it ("previously reported") are
    // the ones that frame it as old, and the sentence before is beyond framedAsEarlier's reach.
    const bool closeToSubject =
        figure.kind == facts::FigureKind::Count && record.superseded_by.empty() && close &&
        subject_named &&
        ((bare && (unit_elsewhere || unit_before)) ||
         (unit && !unit->distinctive && withinFactor(value, record.value, 1.15) &&
          std::none_of(unit->rival_values.begin(), unit->rival_values.end(),
                       [&](double v) { return withinFactor(value, v, kCloseFactor); })));
    if (r >= sentence_records && r < own && !closeToSubject)
      continue; // the sentence before links only such counts
    bool primary = unit && !p.primary.empty() && unit->words.back() == p.primary.back();
    bool told_apart = primary || distinctive >= 1;
    switch (figure.kind) {
    case facts::FigureKind::Count:
    case facts::FigureKind::Money:
    case facts::FigureKind::Ratio:
      // A unit noun of one word and a keyword far off in a long sentence ("... testimony ... —
      // giving at least 28 lawmakers a reason to celebrate") do not make a link: the keyword
      // must stand near the figure.
      // A unit noun only this record counts in, right after a number within a few per cent of
      // the record's ("42 senators" for 44, "97 million profiles" for 87 million), says what it
      // counts by itself: a number that close in that unit is the record's count, or a slip.
      if (unit)
        linked = (unit->distinctive && (unit->words.size() > 1 || near >= 1)) ||
                 (near >= 1 && told_apart) ||
                 (unit->distinctive && withinFactor(value, record.value, 1.15));
      else
        linked = figure.kind == facts::FigureKind::Ratio
                     ? c.keywords >= 2 && distinctive >= 1
                     : unit_elsewhere && c.keywords >= 1 && distinctive >= 1 &&
                           figure.number.value >= 1000 &&
                           (figure.number.scale > 1 || figure.number.style.separators);
      linked = linked || closeToSubject;
      if (closeToSubject)
        c.score += previous_keywords;
      break;
    case facts::FigureKind::Year:
      // And one of them near the year: in a long sentence the keywords of one year ("data
      // misuse", "platform") may be far from another year's clause ("hired by the Trump
      // campaign back in 2016").
      linked = (c.keywords >= 2 || c.score >= 3) && near >= 1;
      break;
    default:
      break;
    }
    if (!linked)
      continue;
    c.distinctive = distinctive;
    c.score += unit ? 6 + static_cast<int>(unit->words.size()) : unit_elsewhere ? 1 : 0;
    c.score += named ? 1 : 0;
    out.push_back(c);
  }
  // A share of a whole in per cent ("2 per cent of Australian users") may be a recorded ratio
  // in other words ("one in 50").
  if (figure.kind == facts::FigureKind::Percent && figure.unit == "per cent" &&
      after < words.stems.size() && words.stems[after] == "of") {
    DraftFigure share = figure;
    share.kind = facts::FigureKind::Ratio;
    share.unit.clear();
    share.number.value /= 100;
    share.number.precision /= 100;
    share.number.rounding /= 100;
    for (FigureCandidate &c : candidates(sentence, share, words)) {
      // Of a whole the record is about: a ratio of Australian users is not "0.4 per cent of the
      // users affected", though the sentence names Australians elsewhere.
      const Prepared &p = prepared(c.figure);
      if (!p.required_places.empty() && !unitNamesPlace(words, c.unit, p.required_places))
        continue;
      out.push_back(c);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureCandidate &a, const FigureCandidate &b) {
    return a.score > b.score;
  });
  // A link made only of words its rivals share ("lasted") is no link beside one the sentence
  // names by a word of its own ("the hearing lasted one hour" is not the hour-long call).
  if (!out.empty() && out.front().distinctive > 0)
    std::erase_if(out, [](const FigureCandidate &c) {
      return c.distinctive == 0 && c.unit.begin == c.unit.end;
    });
  return out;
}

} // namespace factline::analyzers
