// FigureAnalyzer: finds every number a draft states and checks it against the record.
#include "analyzers/figure_analyzer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "analyzers/figure_comparison.h"
#include "analyzers/figure_extractor.h"
#include "analyzers/figure_linker.h"
#include "analyzers/figure_memo.h"
#include "analyzers/figure_report.h"
#include "analyzers/speaker_resolver.h"

namespace factline::analyzers {
namespace {

// Words that present a superseded number as the earlier one, not the current count.
constexpr std::array<std::string_view, 28> kEarlierWords = {
    "previous",  "previously", "earlier",  "initial",   "initially", "original",   "originally",
    "first",     "old",        "outdated", "revised",   "replaced",  "updated",    "raised",
    "grew",      "rose",       "risen",    "increased", "jumped",    "superseded", "estimate",
    "estimated", "reported",   "outset",   "kicked",    "week",      "month",      "march"};

bool framedAsEarlier(const SentenceFigures &sentence, const DraftFigure &figure,
                     const SentenceWords &words) {
  for (const std::string &s : words.stems)
    for (auto w : kEarlierWords)
      if (s == FigureLinker::stem(w))
        return true;
  const auto &t = sentence.tokens;
  // "87 million, up from 50 million"
  if (figure.first_token > 1 && t[figure.first_token - 1].is("from") &&
      (t[figure.first_token - 2].is("up") || t[figure.first_token - 2].is("down")))
    return true;
  // "from 50 million to 87 million"
  if (figure.first_token > 0 && t[figure.first_token - 1].is("from"))
    for (std::size_t k = figure.next_token; k < t.size() && k < figure.next_token + 3; ++k)
      if (t[k].is("to"))
        return true;
  return false;
}

// Verbs that make what follows a party's claim: the speech verbs, and a few of asserting.
bool isClaimVerb(const ClauseToken &t) {
  static constexpr std::string_view kClaims[] = {"asserted",  "asserts",  "maintained", "maintains",
                                                 "contended", "contends", "estimated",  "estimates",
                                                 "according", "disputed", "disputes"};
  return t.isWord() && (isSpeechVerb(t.lower) || std::find(std::begin(kClaims), std::end(kClaims),
                                                           t.lower) != std::end(kClaims));
}

// The party whose claim the sentence makes the figure: a person or organisation named before
// it, then a verb of saying or claiming before the figure ("Cambridge Analytica asserted that it
// had licensed data from no more than 30 million people", "according to Cambridge Analytica, 30
// million", "Scott Stringer, New York City's comptroller, said ... 50m users"). `person` is null
// for a party the base does not know, given by a proper name of two words or more.
struct Claimant {
  bool found = false;
  const facts::Person *person = nullptr;
};

// Two capitalised words at t[j] that name a person or body ("Scott Stringer"), not a phrase that
// opens a sentence ("On Wednesday", "In April", "The Senate").
bool properNameAt(const std::vector<ClauseToken> &t, std::size_t j) {
  static constexpr std::string_view kNotNames[] = {
      "on",       "in",       "at",        "by",       "for",    "from",     "after",  "before",
      "during",   "since",    "the",       "a",        "an",     "this",     "last",   "next",
      "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march",    "april",     "may",      "june",   "july",     "august", "september",
      "october",  "november", "december",  "but",      "and",    "when",     "as",     "if"};
  auto plain = [&](const ClauseToken &x) {
    return std::find(std::begin(kNotNames), std::end(kNotNames), x.lower) != std::end(kNotNames);
  };
  return j + 1 < t.size() && t[j].isWord() && t[j].capital && t[j + 1].isWord() &&
         t[j + 1].capital && !plain(t[j]) && !plain(t[j + 1]) &&
         SpeakerResolver::looksLikeName(t, j, j + 2, j == 0);
}

Claimant claimantOf(const SpeakerResolver &resolver, std::string_view prose, Span sentence,
                    const DraftFigure &figure) {
  const auto t = lexClause(prose, {sentence.begin, std::max(sentence.begin, figure.span.begin)});
  const auto verb = std::find_if(t.begin(), t.end(), isClaimVerb);
  if (verb == t.end()) {
    // A party of the base heading the sentence puts a ceiling on what it had ("Cambridge
    // Analytica licensed data for no more than 30 million people"): its own claim, though no
    // verb says so. Without the ceiling ("... obtained the data of 78 million users") the
    // sentence states the count, and is checked.
    const bool ceiling =
        figure.qualifier == Qualifier::UpTo || figure.qualifier == Qualifier::FewerThan ||
        (!t.empty() && (t.back().is("only") || (t.size() > 1 && t[t.size() - 2].is("only"))));
    const auto heads = t.size() > 1 ? resolver.mentions(t, 0, std::min<std::size_t>(t.size(), 4))
                                    : std::vector<SpeakerName>{};
    if (ceiling && !heads.empty() && !t.empty() && heads.front().span.begin == t[0].span.begin)
      return {true, heads.front().person};
    return {};
  }
  const auto k = static_cast<std::size_t>(verb - t.begin());
  // "according to X, ...": the party follows the verb.
  const std::size_t from = t[k].is("according") ? k + 1 : 0;
  const std::size_t to = t[k].is("according") ? std::min(t.size(), k + 8) : k;
  // The subject heading the clause, when it is a proper name the base does not know ("Scott
  // Stringer, ... who supervises a stake in Facebook, said"): the base's names after it are not
  // the claimant.
  const auto names = resolver.mentions(t, from, to);
  const bool heads_unknown = from + 1 < to && properNameAt(t, from) &&
                             (names.empty() || names.front().span.begin > t[from].span.begin);
  if (heads_unknown)
    return {true, nullptr};
  // (A possessive counts: "Cambridge Analytica's version: the firm says ...".)
  if (!names.empty())
    return {true, t[k].is("according") ? names.front().person : names.back().person};
  // A proper name the base does not know ("Scott Stringer"), two capitalised words or more.
  for (std::size_t j = from; j + 1 < to; ++j)
    if (properNameAt(t, j))
      return {true, nullptr};
  return {};
}

// Does `claimant` speak for the party that put `record` out (the party itself, its spokesman, or
// the organisation a spokesman speaks for)? A record nobody is named as putting out is the
// reporting's own, and anyone may repeat it.
bool speaksFor(const facts::FactBase &base, const facts::Person &claimant,
               const facts::Figure &record) {
  const std::string_view by = record.stated_by;
  if (by.empty() || claimant.id == by || claimant.organisation == by)
    return true;
  const facts::Person *source = base.person(by);
  return source && !source->organisation.empty() && source->organisation == claimant.id;
}

// A figure that counts a difference or an addition, not the total: "37m more users than
// thought", "another four hours today", "an additional 2 million".
bool countsADifference(const SentenceFigures &sentence, const DraftFigure &figure) {
  const auto &t = sentence.tokens;
  if (figure.first_token > 0) {
    const ProseToken &before = t[figure.first_token - 1];
    if (before.is("another") || before.is("additional") || before.is("extra") ||
        before.is("further"))
      return true;
  }
  if (figure.next_token < t.size()) {
    const ProseToken &after = t[figure.next_token];
    return after.is("more") || after.is("fewer") || after.is("less") || after.is("additional") ||
           after.is("extra");
  }
  return false;
}

// A sentence about several occasions at once: "two hearings in two days", "after nine hours of
// hearings", "over both days". A total over them is no figure of one day's event.
bool spansOccasions(const SentenceFigures &sentence) {
  const auto &t = sentence.tokens;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (t[k].is("hearings") || t[k].is("two-day") || t[k].is("sessions"))
      return true;
    if ((t[k].is("two") || t[k].is("both")) && k + 1 < t.size() &&
        (t[k + 1].is("days") || t[k + 1].is("hearings") || t[k + 1].is("chambers")))
      return true;
  }
  return false;
}

// A head count of those at an occasion: senators, lawmakers, members.
bool countsPeopleAtAnOccasion(const facts::Figure &record) {
  return std::any_of(record.units.begin(), record.units.end(), [](const facts::Text &u) {
    const std::string_view w = u;
    return w.find("senator") != std::string_view::npos ||
           w.find("lawmaker") != std::string_view::npos ||
           w.find("legislator") != std::string_view::npos ||
           w.find("member") != std::string_view::npos;
  });
}

// "met with him for an hour", "a one-on-one, closed-door meeting": a meeting of its own.
bool namesAMeeting(const SentenceFigures &sentence) {
  return std::any_of(sentence.tokens.begin(), sentence.tokens.end(), [](const ProseToken &t) {
    return t.is("met") || t.is("meeting") || t.is("meetings") || t.is("one-on-one") ||
           t.is("closed-door");
  });
}

// Senators sat on one day only: "60 senators over two days" is still the Senate hearing's count.
bool namesSenators(const SentenceFigures &sentence) {
  return std::any_of(sentence.tokens.begin(), sentence.tokens.end(),
                     [](const ProseToken &t) { return t.is("senators") || t.is("senator"); });
}

// Whose quantity a percentage is: the proper names of its own clause ("while the Nasdaq as a
// whole gained two per cent"). True when the clause names, before the figure, something with a
// capital that the record's subject does not name, and nothing it does: another entity's move.
bool anotherEntitysShare(const SentenceFigures &sentence, const DraftFigure &figure,
                         const facts::Figure &record, const SpeakerResolver &resolver,
                         std::string_view prose) {
  const auto &t = sentence.tokens;
  std::size_t from = figure.first_token;
  while (from > 0) {
    const ProseToken &p = t[from - 1];
    if (p.isSymbol(",") || p.isSymbol(";") || p.isSymbol(":") || p.is("while") || p.is("whereas") ||
        p.is("but") || p.is("and"))
      break;
    --from;
  }
  const std::string subject = lowerAscii(std::string_view(record.subject));
  bool other = false;
  for (std::size_t k = from; k < figure.first_token; ++k) {
    const ProseToken &w = t[k];
    if (w.kind != ProseToken::Kind::Word || w.text.empty() ||
        !std::isupper(static_cast<unsigned char>(w.text[0])) || k == 0)
      continue;
    std::string lower = lowerAscii(w.text);
    if (lower.ends_with("'s"))
      lower.resize(lower.size() - 2);
    if (subject.find(lower) != std::string::npos)
      return false; // "Facebook shares rose ...": the record's own entity
    // A person of the base ("Zuckerberg said shares rose 4.5 per cent") speaks; they are no
    // entity whose share moved.
    const auto names = resolver.mentions(lexClause(prose, {w.begin, w.end}), 0, 1);
    if (names.empty())
      other = true;
  }
  return other;
}

double logDistance(double a, double b) {
  if (a <= 0 || b <= 0)
    return std::fabs(a - b);
  return std::fabs(std::log(a / b));
}

class FigureAnalyzer final : public Analyzer {
public:
  std::string_view name() const override { return "figures"; }

  std::vector<Finding> analyze(const Document &doc, const facts::FactIndex &facts,
                               const CancelToken &cancel) const override {
    std::vector<Finding> out;
    if (facts.base().figures.empty())
      return out;
    FigureLinker linker(facts, doc.prose());
    FigureReport report(facts, doc);
    SpeakerResolver resolver(facts, doc.prose());
    int quoted_block = -1;
    std::vector<Span> quoted;
    // The heading of the section the sentences stand in, when it names an occasion (the only
    // headings a sentence's figures read: see FigureLinker::words).
    Span heading;
    Span sentence_heading; // the one the sentence reads: none for a heading's own words
    std::vector<Finding> found_here;
    const Sentence *last = nullptr; // the sentence before, whatever its block
    for (const Sentence &sentence : doc.sentences()) {
      // The sentence before in the same paragraph, which may name what a count counts.
      const Span previous = last && last->block == sentence.block ? last->span : Span{};
      last = &sentence;
      if (cancel.cancelled())
        return out; // nothing is remembered from a check cut short
      const Block &block = doc.blocks()[sentence.block];
      if (block.kind == BlockKind::BlockQuote) // a quotation set apart: the speaker's words
        continue;
      if (quoted_block != static_cast<int>(sentence.block)) {
        quoted_block = static_cast<int>(sentence.block);
        quoted = quotationSpans(doc.prose(), block.span);
        sentence_heading = block.kind == BlockKind::Heading ? Span{} : heading;
        if (block.kind == BlockKind::Heading)
          heading = facts.eventsNamedIn(doc.prose(block.span)).empty() ? Span{} : block.span;
      }
      std::string key = SentenceMemo::key(doc, sentence.span, quoted, sentence_heading, previous);
      if (memo_.find(&facts.base(), key, sentence.span.begin, out))
        continue;
      found_here.clear();
      checkSentence(sentence, quoted, sentence_heading, previous, linker, report, resolver, facts,
                    found_here);
      memo_.store(facts.sharedBase(), std::move(key), sentence.span.begin, found_here);
      for (Finding &f : found_here)
        out.push_back(std::move(f));
    }
    memo_.endCheck();
    return out;
  }

private:
  void checkSentence(const Sentence &sentence, const std::vector<Span> &quoted, Span heading,
                     Span previous, FigureLinker &linker, const FigureReport &report,
                     const SpeakerResolver &resolver, const facts::FactIndex &facts,
                     std::vector<Finding> &out) const {
    SentenceFigures found = extractFigures(linker.prose(), sentence.span, quoted);
    if (found.figures.empty())
      return;
    SentenceWords words = linker.words(sentence.span, heading, previous);
    if (words.figures.empty() && words.previous_figures.empty())
      return;
    for (const DraftFigure &figure : found.figures)
      if (auto finding = check(found, figure, words, linker, report, facts)) {
        // Another party's claim is checked against that party's record, or not at all:
        // "Cambridge Analytica asserted ... no more than 30 million people" is no wrong count of
        // Facebook's 87 million.
        if (finding->severity && countsADifference(found, figure))
          continue;
        if (finding->severity && !finding->evidence.empty()) {
          const facts::Figure *record = facts.base().figure(finding->evidence.front().id);
          if (record && record->kind == facts::FigureKind::Percent &&
              anotherEntitysShare(found, figure, *record, resolver, linker.prose()))
            continue;
          // A meeting is another occasion than the hearing or the call whose length the record
          // has: "met with Zuckerberg for an hour" before the hearings.
          if (record && record->kind == facts::FigureKind::Duration && namesAMeeting(found))
            continue;
          // A total over both days' hearings is no length or head count of one day's.
          if (record && !record->date.empty() && spansOccasions(found) &&
              (record->kind == facts::FigureKind::Duration ||
               (countsPeopleAtAnOccasion(*record) && !namesSenators(found))))
            continue;
          const Claimant claimant =
              record ? claimantOf(resolver, linker.prose(), sentence.span, figure) : Claimant{};
          if (claimant.found &&
              !(claimant.person && speaksFor(facts.base(), *claimant.person, *record)))
            continue;
        }
        out.push_back(std::move(*finding));
      }
  }

  std::optional<Finding> check(const SentenceFigures &sentence, const DraftFigure &figure,
                               const SentenceWords &words, FigureLinker &linker,
                               const FigureReport &report, const facts::FactIndex &facts) const {
    std::vector<FigureCandidate> candidates = linker.candidates(sentence, figure, words);
    const auto &figures = facts.base().figures;
    if (candidates.empty())
      return transitionEnd(sentence, figure, words, linker, report, facts);
    auto current = [&](const FigureCandidate &c) {
      return figures[c.figure].superseded_by.empty();
    };
    const int top = candidates.front().score;
    // A figure the sentence links about as well as the best, and that the draft agrees with: the
    // draft is right. One that agrees but links much less well: say nothing either way.
    constexpr int kComparable = 2;
    for (const FigureCandidate &c : candidates)
      if (c.consistent && current(c)) {
        if (c.score + kComparable < top)
          return std::nullopt;
        // The record's number, framed the other way: a fall for its rise, points for per cent.
        if (c.misframing != Misframing::None)
          return report.misframed(figure, c);
        return report.verified(figure, c);
      }
    auto family = [&](std::size_t i) {
      const facts::Figure &f = figures[i];
      const facts::Figure *r =
          f.superseded_by.empty() ? nullptr : facts.base().figure(f.superseded_by);
      return r ? r : &f;
    };
    for (const FigureCandidate &c : candidates)
      if (c.consistent && !current(c)) {
        // An estimate the best link replaced is the same count, however weakly it links.
        if (c.score + kComparable < top && family(c.figure) != family(candidates.front().figure))
          return std::nullopt;
        if (framedAsEarlier(sentence, figure, words))
          return report.verified(figure, c);
        const facts::Figure *replacement = facts.base().figure(figures[c.figure].superseded_by);
        if (!replacement)
          return std::nullopt;
        return report.superseded(figure, c, *replacement);
      }
    // Wrong against the best link; when another recorded figure links as well and is not the
    // same count (a superseded estimate and its replacement are), the closer value decides, and
    // only when it is clearly closer.
    std::vector<const FigureCandidate *> tied;
    for (const FigureCandidate &c : candidates)
      if (c.score == top && std::none_of(tied.begin(), tied.end(), [&](const FigureCandidate *t) {
            return family(t->figure) == family(c.figure);
          }))
        tied.push_back(&c);
    const FigureCandidate *chosen = tied.front();
    if (tied.size() > 1) {
      double value = draftValueIn(figure, figures[chosen->figure]);
      std::stable_sort(tied.begin(), tied.end(), [&](const auto *a, const auto *b) {
        return logDistance(value, family(a->figure)->value) <
               logDistance(value, family(b->figure)->value);
      });
      double d0 = logDistance(value, family(tied[0]->figure)->value);
      double d1 = logDistance(value, family(tied[1]->figure)->value);
      // Two records of the same number ("more than two billion" monthly users and people
      // served) give the same verdict: either will do.
      const facts::Figure *a = family(tied[0]->figure), *b = family(tied[1]->figure);
      bool same = a->value == b->value && lowerAscii(a->qualifier) == lowerAscii(b->qualifier);
      if (!(d0 * 2 < d1) && !same)
        return std::nullopt;
      chosen = tied[0];
    }
    const facts::Figure *record = family(chosen->figure);
    // "grew from a previous estimate of 30 million": wrong against the earlier estimate itself,
    // unless the sentence gives that estimate too, and the number is someone else's ("previous
    // estimates of 50 million and Cambridge Analytica's own claim of 30 million").
    if (record != &figures[chosen->figure] && framedAsEarlier(sentence, figure, words)) {
      // "the new estimate of up to 87 million": the replacement itself, though "estimate" linked
      // the sentence to the estimate it replaced.
      const auto index = static_cast<std::size_t>(record - figures.data());
      if (auto c = linker.compare(figure, index); c && c->consistent)
        return report.verified(figure, *c);
      for (const DraftFigure &other : sentence.figures)
        if (&other != &figure)
          if (auto c = linker.compare(other, chosen->figure); c && c->consistent)
            return std::nullopt;
      return report.wrong(figure, *chosen);
    }
    // The sentence links to the current figure but gives the one it replaced: "grew from 50
    // million to 87 million", "50 million users had their data harvested".
    for (std::size_t i : words.figures) {
      const facts::Figure &old = figures[i];
      if (old.superseded_by != record->id || old.kind != figure.kind)
        continue;
      auto c = linker.compare(figure, i);
      if (!c || !c->consistent)
        continue;
      c->unit = chosen->unit;
      if (framedAsEarlier(sentence, figure, words))
        return report.verified(figure, *c);
      return report.superseded(figure, *c, *record);
    }
    if (record != &figures[chosen->figure]) {
      // Checked against the replacement of the superseded figure the sentence linked; a draft
      // that gives the replacement itself is right, though the sentence did not link to it.
      std::size_t index = static_cast<std::size_t>(record - figures.data());
      if (auto c = linker.compare(figure, index); !c || c->consistent)
        return std::nullopt;
      FigureCandidate replacement = *chosen;
      replacement.figure = index;
      replacement.record = nullptr;
      return report.wrong(figure, replacement);
    }
    // "87 million ..., far more than previous estimates of 50 million and Cambridge Analytica's
    // own claim of 30 million": beside the record's own number, one framed as earlier is an old
    // or another party's count.
    if (framedAsEarlier(sentence, figure, words))
      for (const DraftFigure &other : sentence.figures)
        if (&other != &figure)
          if (auto c = linker.compare(other, chosen->figure); c && c->consistent)
            return std::nullopt;
    return report.wrong(figure, *chosen);
  }

  // The end of a change from a replaced estimate ("the count had gone from 50 million to 97
  // million"): the number it changed to is the estimate's replacement, checked against it, though
  // neither number has a noun of its own. The start must agree with a replaced count that the
  // sentence, or the one before it, points to (FigureLinker's candidates of its words), and the
  // end must be within a factor of 1.5 of the replacement (a slip, not another count).
  std::optional<Finding> transitionEnd(const SentenceFigures &sentence, const DraftFigure &figure,
                                       const SentenceWords &words, FigureLinker &linker,
                                       const FigureReport &report,
                                       const facts::FactIndex &facts) const {
    const auto &t = sentence.tokens;
    if (figure.kind != facts::FigureKind::Count || figure.first_token < 1 ||
        !t[figure.first_token - 1].is("to"))
      return std::nullopt;
    const DraftFigure *start = nullptr;
    for (const DraftFigure &other : sentence.figures)
      if (other.kind == figure.kind && other.next_token + 1 == figure.first_token &&
          other.first_token > 0 && t[other.first_token - 1].is("from"))
        start = &other;
    if (!start)
      return std::nullopt;
    const auto &figures = facts.base().figures;
    // The replaced counts the words point to, and those replaced by a count they point to. The
    // base has no index from a figure to the ones it replaced: they are looked for only here,
    // for a sentence that has the shape of a change, which is rare.
    std::vector<std::size_t> replaced;
    std::vector<std::string_view> replacements;
    for (const auto *list : {&words.figures, &words.previous_figures})
      for (std::size_t i : *list) {
        if (!figures[i].superseded_by.empty())
          replaced.push_back(i);
        else if (figures[i].kind == figure.kind)
          replacements.push_back(figures[i].id);
      }
    if (!replacements.empty())
      for (std::size_t i = 0; i < figures.size(); ++i)
        if (!figures[i].superseded_by.empty() &&
            std::find(replacements.begin(), replacements.end(),
                      std::string_view(figures[i].superseded_by)) != replacements.end())
          replaced.push_back(i);
    for (std::size_t i : replaced) {
        const facts::Figure &old = figures[i];
        const facts::Figure *replacement = facts.base().figure(old.superseded_by);
        if (old.kind != figure.kind || !replacement || replacement->kind != figure.kind)
          continue;
        const auto from = linker.compare(*start, i);
        if (!from || !from->consistent)
          continue;
        const auto index = static_cast<std::size_t>(replacement - figures.data());
        auto to = linker.compare(figure, index);
        const double value = draftValueIn(figure, *replacement);
        if (!to || value <= 0 || replacement->value <= 0 ||
            std::max(value, replacement->value) > 1.5 * std::min(value, replacement->value))
          return std::nullopt;
        return to->consistent ? report.verified(figure, *to) : report.wrong(figure, *to);
      }
    return std::nullopt;
  }

  mutable SentenceMemo memo_;
};

} // namespace

std::unique_ptr<Analyzer> makeFigureAnalyzer() { return std::make_unique<FigureAnalyzer>(); }

} // namespace factline::analyzers
