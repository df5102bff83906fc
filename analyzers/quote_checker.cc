// QuoteChecker: verbatim match first, then the nearest wording, then the speaker and occasion.
#include "analyzers/quote_checker.h"
#include "analyzers/finding_memo.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "analyzers/ascii.h"
#include "analyzers/fix_layout.h"
#include "analyzers/quote_diff.h"
#include "analyzers/quote_pieces.h"
#include "analyzers/quote_spelling.h"
#include "facts/quote_index.h"

namespace factline::analyzers {
namespace {

using facts::TokenKind;

// Words too common to make a quotation anyone's in particular: function words, contractions,
// pleasantries ("Thank you for having me here today").
constexpr std::string_view kCommonWords[] = {
    "the",     "a",       "an",     "and",      "or",       "but",        "of",      "to",
    "in",      "on",      "at",     "for",      "with",     "it",         "it's",    "is",
    "was",     "be",      "been",   "are",      "were",     "that",       "this",    "i",
    "i'm",     "we",      "we're",  "you",      "he",       "she",        "they",    "not",
    "do",      "did",     "didn't", "don't",    "have",     "has",        "had",     "will",
    "would",   "can",     "could",  "so",       "as",       "if",         "there",   "what",
    "my",      "our",     "your",   "his",      "her",      "their",      "me",      "us",
    "all",     "just",    "very",   "yes",      "no",       "absolutely", "about",   "from",
    "we've",   "i've",    "you've", "they've",  "we'll",    "i'll",       "you'll",  "it'll",
    "that's",  "there's", "what's", "let's",    "isn't",    "aren't",     "wasn't",  "weren't",
    "doesn't", "can't",   "won't",  "wouldn't", "couldn't", "shouldn't",  "haven't", "hasn't",
    "you're",  "they're", "he's",   "she's",    "thank",    "thanks",     "here",    "today",
    "now",     "then",    "since",  "way",      "than",     "them",       "these",   "those",
    "any",     "some",    "more",   "most",     "also",     "even",       "still",   "much",
    "many",    "really",  "well",   "one",      "who",      "which",      "when",    "where",
    "how",     "why",     "by",     "up",       "out",      "into",       "over",    "again",
    "back",    "being",   "am",     "does",     "doing",    "let",        "may",     "might",
    "must",    "should",  "shall"};

bool isCommon(std::string_view w) {
  return std::find(std::begin(kCommonWords), std::end(kCommonWords), w) != std::end(kCommonWords);
}

// A word that tells one speaker's quote from another's: not a function word, and not among the
// words the base records most (in a base of a million quotes "people" proves nothing).
bool rareInBase(const facts::QuoteIndex &index, std::string_view w) {
  if (isCommon(w))
    return false;
  const std::size_t limit = std::max<std::size_t>(8, index.wordCount() / 256);
  return index.frequency(index.wordId(w)) <= limit;
}

// Enough distinctive words that the quotation can only be one person's: a short or common phrase
// ("Absolutely.", "working with", "a closed case", "It's an arms race") may have been said by
// anyone. Six words with three that are not function words will do, or five words of which four
// are rare in the base ("You never fully solve security").
// A quotation's words: how many, how many are not function words, how many are rare in the base.
struct WordMix {
  std::size_t words = 0, content = 0, rare = 0;
};

WordMix mixOf(const std::vector<facts::Token> &tokens, const facts::QuoteIndex &index) {
  WordMix mix;
  for (const auto &t : tokens)
    if (t.kind == TokenKind::Word) {
      ++mix.words;
      mix.content += !isCommon(t.norm);
      mix.rare += rareInBase(index, t.norm);
    }
  return mix;
}

bool distinctive(const std::vector<facts::Token> &tokens, const facts::QuoteIndex &index) {
  const WordMix m = mixOf(tokens, index);
  return (m.words >= 6 && m.content >= 3) || (m.words >= 5 && m.rare >= 4);
}

// Most of a short recorded wording, quoted nearly whole ("It certainly doesn't feel that way", six
// of the eight words of "It certainly doesn't feel that way to me"): the utterance itself, not a
// phrase anyone may have said, though most of its words are common. Five words at least, two of
// them not function words, and three quarters of the wording's words.
bool mostOfWording(const std::vector<facts::Token> &tokens, const facts::QuoteMatch &m,
                   const facts::QuoteIndex &index) {
  const WordMix mix = mixOf(tokens, index);
  const std::size_t recorded = index.wordingTokens(m.wording).size();
  return mix.words >= 5 && mix.content >= 2 && 4 * mix.words >= 3 * recorded;
}

std::string eventLabel(const facts::FactBase &base, const facts::Quote &rec) {
  std::string out;
  const facts::Event *e = rec.event.empty() ? nullptr : base.event(rec.event);
  if (e)
    out = e->name;
  std::string date =
      formatDate(rec.date.empty() && e ? std::string_view(e->date) : std::string_view(rec.date));
  if (!date.empty())
    out += out.empty() ? date : ", " + date;
  return out;
}

// One occasion under two records: the written statement submitted for a hearing answers to the
// hearing's names, so the base gives the two events a name in common.
bool sameOccasion(const facts::FactBase &base, std::string_view x, std::string_view y) {
  if (x == y)
    return true;
  const facts::Event *a = base.event(x), *b = base.event(y);
  if (!a || !b)
    return false;
  return std::any_of(a->aliases.begin(), a->aliases.end(), [&](const std::string &n) {
    return std::find(b->aliases.begin(), b->aliases.end(), n) != b->aliases.end();
  });
}

// May `p` be described by the role noun `role` ("senator" for a senator, "spokesman" for an
// organisation that has spokesmen)? Read from their role, names and descriptors.
bool mayBe(const facts::Person &p, const std::string &role) {
  auto has = [&](const std::string &text) {
    return lowerAscii(text).find(role) != std::string::npos;
  };
  return has(p.role) || has(p.name) || std::any_of(p.aliases.begin(), p.aliases.end(), has) ||
         std::any_of(p.descriptors.begin(), p.descriptors.end(), has);
}

std::string speakerName(const facts::FactBase &base, std::string_view id) {
  const facts::Person *p = base.person(id);
  return p ? p->name : std::string(id);
}

// Words a speaker fills a pause with, which transcripts keep or drop as they please.
bool isFiller(std::string_view w) {
  static constexpr std::string_view kFillers[] = {"um", "uh",  "er",   "erm",  "ah",
                                                  "oh", "hmm", "well", "know", "mean"};
  return std::find(std::begin(kFillers), std::end(kFillers), w) != std::end(kFillers);
}

enum class Materiality {
  Material,       // a word changed, added inside the quote, or left out: a Warning
  Contractions,   // every difference spells out or makes a contraction: "did not" for "didn't"
  Fillers,        // every difference is a filler word ("um", "you know") one side has
  PartlyOnRecord, // the draft adds words only before or after a verbatim stretch of the record
  Transcription,  // each difference is one small word heard as another: "from" for "for"
};

// Small words a transcript mishears for one another ("prevent these tools for being used as
// harm" in a live transcript, "from being used for harm" in the statement): a preposition,
// conjunction, article or pronoun swapped for another, one for one.
bool isSmallWord(std::string_view w) {
  static constexpr std::string_view kSmall[] = {
      "for", "from", "as", "in", "and",  "of",   "to", "on",  "at",  "by",   "with",
      "the", "a",    "an", "it", "that", "this", "is", "was", "are", "were", "or"};
  return std::find(std::begin(kSmall), std::end(kSmall), w) != std::end(kSmall);
}

Materiality materiality(const QuoteDiff &d, const std::vector<facts::Token> &tokens) {
  if (d.contracted_draft == d.draft_only && d.contracted_record == d.record_only)
    return Materiality::Contractions;
  bool fillers = true;
  for (const DiffHunk &h : d.hunks)
    for (const std::string *side : {&h.draft, &h.record})
      for (const facts::Token &t : facts::tokenize(*side))
        if (t.kind == facts::TokenKind::Word && !isFiller(t.norm) &&
            !((t.norm == "you" || t.norm == "i") && side->size() <= 8))
          fillers = false;
  if (fillers)
    return Materiality::Fillers;
  const bool misheard =
      !d.hunks.empty() && std::all_of(d.hunks.begin(), d.hunks.end(), [](const DiffHunk &h) {
        const auto x = facts::tokenize(h.draft), y = facts::tokenize(h.record);
        return x.size() == 1 && y.size() == 1 && isSmallWord(x[0].norm) && isSmallWord(y[0].norm);
      });
  if (misheard)
    return Materiality::Transcription;
  // Added words before or after the record's words, none changed or left out between: "Yes. I
  // think life is about learning from the mistakes ..." where the record starts at "Life".
  std::size_t first = d.pieces.size(), last = 0;
  for (std::size_t k = 0; k < d.pieces.size(); ++k)
    if (d.pieces[k].kind != DiffPiece::Kind::DraftOnly) {
      first = std::min(first, k);
      last = k;
    }
  if (d.record_only == 0 && first < d.pieces.size() && d.same >= 5 &&
      std::all_of(d.pieces.begin() + first, d.pieces.begin() + last + 1,
                  [](const DiffPiece &p) { return p.kind == DiffPiece::Kind::Same; }) &&
      std::count_if(tokens.begin(), tokens.end(),
                    [](const facts::Token &t) { return t.kind == facts::TokenKind::Gap; }) == 0)
    return Materiality::PartlyOnRecord;
  return Materiality::Material;
}

// Words in title case, every one but the small ones capitalised ("This Is Your Digital Life",
// "Facebook, Social Media Privacy, and the Use and Abuse of Data"): a title or a name set in
// quotation marks, not anyone's words.
bool looksLikeTitle(const std::vector<facts::Token> &tokens, std::string_view text) {
  static constexpr std::string_view kSmall[] = {"a",   "an", "and", "the", "of",   "in", "on", "to",
                                                "for", "or", "at",  "by",  "with", "is", "are"};
  std::size_t capitalised = 0, words = 0;
  for (const facts::Token &t : tokens) {
    if (t.kind != facts::TokenKind::Word)
      continue;
    ++words;
    const bool small = std::find(std::begin(kSmall), std::end(kSmall), t.norm) != std::end(kSmall);
    const unsigned char c = static_cast<unsigned char>(text[t.begin]);
    if (std::isupper(c) || std::isdigit(c))
      ++capitalised;
    else if (!small)
      return false;
  }
  return words >= 2 && capitalised >= 2;
}

} // namespace

// Words that cannot be `person`'s, though the draft seems to give them to them: words that
// address them ("Mr Zuckerberg, would you be comfortable ...", "Senator, ..." to a senator), or
// a question with no verb of asking in its clause ("Here's how he responded to the reporter's
// question, “Do you think ...?”"): the asker's, most likely.
bool QuoteChecker::notTheirs(std::string_view text, const facts::Person &person,
                             bool asking) const {
  const std::size_t comma = text.find(',');
  if (comma != std::string_view::npos && comma < 40) {
    const std::string head = lowerAscii(text.substr(0, comma));
    auto names = [&](const std::string &n) {
      const std::string l = lowerAscii(n);
      return !l.empty() && head.find(l) != std::string::npos;
    };
    if (names(person.name) || std::any_of(person.aliases.begin(), person.aliases.end(), names) ||
        (head == "senator" && lowerAscii(person.role).find("senator") != std::string::npos))
      return true;
  }
  std::size_t e = text.size();
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '"' || text[e - 1] == '\'' ||
                   static_cast<unsigned char>(text[e - 1]) >= 0x80))
    --e;
  return e > 0 && text[e - 1] == '?' && !asking;
}

std::vector<Finding> QuoteChecker::bySentence(const Quotation &q, const Attribution &a,
                                              const Finding &whole) const {
  if (q.multi_paragraph || q.style == QuoteStyle::BlockQuote)
    return {};
  const std::string_view text = doc_.prose(q.words);
  const std::vector<facts::Token> tokens = facts::tokenize(text);
  std::vector<Quotation> parts;
  std::size_t from = 0; // offset in `text` where the current sentence starts
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k)
    if (text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end).find_first_of(".!?") !=
        std::string_view::npos) {
      Quotation part = q;
      part.words = {q.words.begin + from, q.words.begin + tokens[k + 1].begin};
      parts.push_back(part);
      from = tokens[k + 1].begin;
    }
  if (parts.empty())
    return {};
  Quotation last = q;
  last.words = {q.words.begin + from, q.words.end};
  parts.push_back(last);
  for (std::size_t k = 0; k < parts.size(); ++k) { // only the first opens, only the last closes
    if (k > 0)
      parts[k].open = {parts[k].words.begin, parts[k].words.begin};
    if (k + 1 < parts.size())
      parts[k].close = {parts[k].words.end, parts[k].words.end};
  }
  auto differing = [](const Finding &f) {
    std::size_t n = 0;
    for (const DiffPiece &p : f.diff)
      if (p.kind != DiffPiece::Kind::Same)
        n += facts::tokenize(p.text).size();
    return n;
  };
  std::vector<Finding> out;
  std::size_t total = 0;
  bool any_changed = false;
  for (const Quotation &part : parts) {
    std::optional<Finding> f = check(part, a);
    if (!f || f->status == Status::Unverified || f->status == Status::Problem)
      return {};
    any_changed = any_changed || f->status != Status::Verified;
    total += differing(*f);
    out.push_back(std::move(*f));
  }
  if (!any_changed)
    return {};
  if (whole.status != Status::Unverified && total >= differing(whole))
    return {};
  return out;
}

Finding QuoteChecker::unterminated(const Quotation &q) const {
  Finding f;
  f.rule = "quote-unterminated";
  f.status = Status::Problem;
  // A note, not a warning: the mark is missing while a writer types the quote, and a quote run
  // on over paragraphs in a style of its own is no fault of the record's; the words are checked.
  f.severity = Severity::Information;
  f.span = q.open;
  std::string mark(doc_.text().substr(q.open.begin, q.open.end - q.open.begin));
  f.message = "Unterminated quotation: the opening " + mark +
              " has no closing quotation mark before the end of its paragraph.";
  return f;
}

std::optional<Finding> QuoteChecker::check(const Quotation &q, const Attribution &a) const {
  const facts::FactBase &base = facts_.base();
  const std::string_view text = doc_.prose(q.words);
  std::vector<facts::Token> tokens = facts::tokenize(text);
  for (Span n : q.nested) {
    // A sentence the speaker quotes from someone else is not their own words; a term in scare
    // quotes ("we call it ‘scraping’") is.
    auto inside = [&](const facts::Token &t) {
      return n.begin <= q.words.begin + t.begin && q.words.begin + t.begin < n.end;
    };
    if (std::count_if(tokens.begin(), tokens.end(), inside) >= 4)
      std::erase_if(tokens, inside);
  }
  const facts::QuoteIndex &index = facts_.quoteIndex();
  std::size_t words = 0;
  bool edited = false; // "..." gaps or [editorial] words: fix hunk by hunk
  for (const auto &t : tokens) {
    words += t.kind == TokenKind::Word;
    edited = edited || t.kind != TokenKind::Word;
  }
  if (words == 0)
    return std::nullopt;
  // A speaker the base does not know: their words are not ours to check, unless the draft names
  // them by a proper name and the words are someone else's on record (checked below).
  const bool stranger =
      a.source == AttributionSource::Named && !a.person && (a.stranger || !a.role.empty());
  if (a.source == AttributionSource::Named && !a.person && !stranger)
    return std::nullopt;
  const std::string name_words(doc_.prose(a.name));
  // Only a name the draft spells out can make a quote misattributed, or a pronoun that can mean
  // no one else (a.sure), or one that cannot mean the recorded speaker ("it said" of Zuckerberg's
  // words): a pronoun resolved to another person who could be meant, or the context, may be our
  // mistake.
  const facts::Person *named =
      a.source == AttributionSource::Named || a.carried || a.sure ? a.person : nullptr;
  auto givenToOther = [&](const facts::Quote &rec) {
    if (stranger) { // unless the draft misspells the recorded speaker's name ("Zuckerburg")
      const facts::Person *said = base.person(rec.speaker);
      if (!a.stranger) // a description: unless the recorded speaker may be what it says they are
        return said && !mayBe(*said, a.role);
      return !(said && SpeakerResolver::spellsLike(name_words, *said));
    }
    if (named)
      return rec.speaker != named->id &&
             std::none_of(a.others.begin(), a.others.end(),
                          [&](const facts::Person *p) { return p->id == rec.speaker; });
    const facts::Person *said = base.person(rec.speaker);
    return a.source == AttributionSource::Pronoun && said &&
           !SpeakerResolver::agrees(*said, a.pronoun);
  };
  // The draft's own words for someone the base does not know, or who the draft's words may be
  // more than one of ("the senator from Texas").
  const std::string claimed = stranger || (a.person && !a.others.empty()) ? name_words
                              : a.person                                  ? a.person->name
                                         : "whoever the draft means by \"" + a.pronoun + "\"";
  const bool occasion =
      a.source == AttributionSource::Named || a.source == AttributionSource::Pronoun;

  Finding f;
  f.span = {q.open.begin, std::max(q.close.end, q.words.end)};
  f.claim = std::string(doc_.text().substr(q.words.begin, q.words.end - q.words.begin));
  if (a.person)
    f.attributed_to = a.person->id;
  auto inEvents = [&](std::string_view ev) {
    return std::find(a.events.begin(), a.events.end(), ev) != a.events.end();
  };
  auto addEvidence = [&](const facts::Wording &w) {
    const facts::Quote &rec = base.quotes[w.quote];
    f.evidence.push_back({FactRef::Kind::Quote, rec.id.str(), w.variant});
    f.evidence.push_back({FactRef::Kind::Person, rec.speaker.str(), -1});
    if (!rec.event.empty())
      f.evidence.push_back({FactRef::Kind::Event, rec.event.str(), -1});
  };
  auto misattribution = [&](const facts::Quote &rec) {
    f.rule = "quote-misattributed";
    f.status = Status::Misattributed;
    if (!a.others.empty())
      f.attributed_to.clear(); // the draft's words may name any of several: say only them
    f.severity = Severity::Warning;
    f.message = "These words are on record from " + speakerName(base, rec.speaker) + " (" +
                eventLabel(base, rec) + "), not " + claimed;
    if (a.carried) { // the name belongs to the quote before, which stays theirs: no fix to offer
      f.message += ", whose quote they follow";
      return;
    }
    f.span = {std::min(f.span.begin, a.name.begin), std::max(f.span.end, a.name.end)};
    f.fixes.push_back({"Attribute to " + speakerName(base, rec.speaker),
                       {{a.name, speakerName(base, rec.speaker)}}});
  };
  // "Not on record" only for a speaker the draft names plainly (by name, a pronoun only they can
  // be, or right after their named quote): the speaker of the quote before, or a pronoun that may
  // mean another, may be our mistake, and a note naming the wrong person misleads. Nor for a
  // title in quotation marks ("This Is Your Digital Life", "Today Show"): no one's words.
  const bool plainly = a.source == AttributionSource::Named || a.carried || a.sure;
  auto unverified = [&]() -> std::optional<Finding> {
    if (!a.person || words < 2 || stranger || !plainly || looksLikeTitle(tokens, text) ||
        notTheirs(text, *a.person, a.asking))
      return std::nullopt;
    f.rule = "quote-unverified";
    f.status = Status::Unverified;
    f.severity = Severity::Information;
    f.message =
        "Not on record: the fact base has no quote from " + a.person->name + " with these words.";
    f.evidence.push_back({FactRef::Kind::Person, a.person->id, -1});
    return f;
  };

  // Verbatim: the draft's words, in order, inside a recorded wording; failing that, the same words
  // with compounds spelt as the record spells them.
  auto matches = findVerbatim(tokens);
  std::vector<facts::Token> respelt;
  if (matches.empty())
    respelt = respellAsRecorded(tokens, text, index);
  if (!respelt.empty()) {
    matches = findVerbatim(respelt);
    tokens = std::move(respelt);
    words = static_cast<std::size_t>(
        std::count_if(tokens.begin(), tokens.end(),
                      [](const facts::Token &t) { return t.kind == TokenKind::Word; }));
  }
  if (!matches.empty()) {
    auto rank = [&](const facts::QuoteMatch &m) {
      const facts::Quote &rec = base.quotes[m.wording.quote];
      return (a.person && rec.speaker == a.person->id ? 4 : 0) + (inEvents(rec.event) ? 2 : 0) +
             (m.wording.variant < 0 ? 1 : 0);
    };
    // The first of the best-ranked matches: each ranked once, and none after one with every
    // mark a match can have. A million-quote base holds a short sentence thousands of times, and
    // ranking reads each one's quote; the bundled record's come first.
    const int ceiling = (a.person ? 4 : 0) + (a.events.empty() ? 0 : 2) + 1;
    std::size_t best_at = 0;
    for (std::size_t k = 0, best_rank = 0; k < matches.size(); ++k) {
      const auto r = static_cast<std::size_t>(rank(matches[k]));
      if (k == 0 || r > best_rank) {
        best_at = k;
        best_rank = r;
      }
      if (best_rank == static_cast<std::size_t>(ceiling))
        break;
    }
    const facts::QuoteMatch &best = matches[best_at];
    const facts::Quote &rec = base.quotes[best.wording.quote];
    if (givenToOther(rec)) {
      if (!distinctive(tokens, index) && !mostOfWording(tokens, best, index))
        return unverified(); // a common phrase: someone else saying it proves nothing
      addEvidence(best.wording);
      misattribution(rec);
      f.message += ".";
      return f;
    }
    addEvidence(best.wording);
    // The occasion the draft gives the words: named beside the quote, or else the setting close
    // by (the paragraph, the section's heading, a live blog's own occasion), which sets even a
    // quote the draft gives no one ("## The call ... - **On competition.** “…”").
    const std::vector<std::string> &given =
        !a.events.empty() || !a.settingClose() ? a.events : a.setting;
    const bool other_occasion =
        !a.events.empty() ? !inEvents(rec.event)
                          : std::none_of(given.begin(), given.end(), [&](const std::string &ev) {
                              return sameOccasion(base, ev, rec.event);
                            });
    // "These words are on record from the <occasion> (<date>)" and what follows.
    auto wrongOccasion = [&](const std::string &then) {
      const facts::Event *said = base.event(rec.event);
      f.rule = "quote-wrong-occasion";
      f.status = Status::WrongOccasion;
      f.severity = Severity::Warning;
      f.message = "These words are on record from the " + (said ? said->name : rec.event.str()) +
                  " (" +
                  formatDate(rec.date.empty() && said ? std::string_view(said->date)
                                                      : std::string_view(rec.date)) +
                  ")" + then;
    };
    const facts::Event *claimed = given.empty() ? nullptr : base.event(given.front());
    const std::string claimed_name = claimed ? claimed->name : given.empty() ? "" : given.front();
    if ((occasion || !given.empty()) && !given.empty() && !rec.event.empty() && other_occasion &&
        (distinctive(tokens, index) || mostOfWording(tokens, best, index))) {
      wrongOccasion(", not the " + claimed_name + ".");
      if (a.events.empty())
        f.message += " The draft sets the quote there, and does not say it was said elsewhere.";
      return f;
    }
    // A phrase too short to be his alone ("huge mistake") is still the wrong occasion's when the
    // occasion the draft gives it has his words with one of them another ("big mistake"): he
    // said it one way there, the other way here.
    if (!given.empty() && !rec.event.empty() && other_occasion && words >= 2 && words <= 6 &&
        (a.source == AttributionSource::Named || a.source == AttributionSource::Pronoun ||
         a.carried)) {
      if (auto there = sameWordsButOne(tokens, rec, given)) {
        wrongOccasion("; at the " + claimed_name + " the record has '" + there->second + "'.");
        addEvidence(there->first);
        return f;
      }
    }
    // A short fragment of the speaker's own on record from one occasion, which the clause beside
    // it sets at another it names ("At the same hearing he called it “a never-ending battle”"):
    // words of the speaker's own, not a phrase anyone may use (two of them rare in the base), and
    // none of the named occasion's records holds them.
    if (!a.events.empty() && !rec.event.empty() && other_occasion && words >= 3 && words <= 6 &&
        a.person && rec.speaker == a.person->id &&
        (a.source == AttributionSource::Named || a.source == AttributionSource::Pronoun) &&
        mixOf(tokens, index).rare >= 2 && !looksLikeTitle(tokens, text) &&
        !coreSaidAt(tokens, rec.speaker.str(), a.events) &&
        // The base holds the speaker's words from the named occasion, and these are not among
        // them (read only for a fragment that would otherwise be flagged).
        std::any_of(base.quotes.begin(), base.quotes.end(), [&](const facts::Quote &other) {
          return other.speaker == rec.speaker && !other.event.empty() &&
                 std::any_of(a.events.begin(), a.events.end(), [&](const std::string &ev) {
                   return sameOccasion(base, ev, other.event);
                 });
        })) {
      wrongOccasion(", not the " + claimed_name + ".");
      return f;
    }
    f.rule = "quote-verified";
    f.status = Status::Verified;
    f.message =
        "Verified: said by " + speakerName(base, rec.speaker) + " (" + eventLabel(base, rec) + ").";
    return f;
  }

  // Near: the same quotation with a few words changed, added or left out.
  // Fewer than five words are never called altered, so the index need not be asked.
  constexpr std::size_t kMinAlteredWords = 5;
  // Sentences each on record, verbatim, in one wording, but moved about or with the words between
  // them left out unmarked: that explains the draft better than any word-by-word alignment.
  std::optional<PiecedQuote> pieced;
  if (words >= kMinAlteredWords)
    pieced =
        sentencesOnRecord(tokens, text, facts_, a.person ? a.person->id : std::string(), lookups_);
  // (A quotation over several paragraphs is checked paragraph by paragraph instead.)
  if (words >= kMinAlteredWords && !pieced && !q.multi_paragraph) {
    // Every sentence on record, but from wordings apart ("... disinformation. Across the board
    // ..." runs over two paragraphs of the opening remarks): no word of it is altered.
    const std::string who = a.person ? a.person->id : std::string();
    if (auto apart = sentencesSaidApart(tokens, text, facts_, who, lookups_)) {
      const facts::Quote &rec = base.quotes[apart->front().wording.quote];
      if (givenToOther(rec) && !distinctive(tokens, index))
        return unverified();
      for (const facts::QuoteMatch &m : *apart)
        if (std::none_of(f.evidence.begin(), f.evidence.end(), [&](const FactRef &r) {
              return r.kind == FactRef::Kind::Quote && r.id == base.quotes[m.wording.quote].id;
            }))
          addEvidence(m.wording);
      if (givenToOther(rec)) {
        misattribution(rec);
        f.message += ".";
        return f;
      }
      // Sentences from two occasions quoted as one utterance: each is on record, but the quote
      // says they were said together, which they were not (unless the draft names both).
      const facts::Quote *other = nullptr;
      for (const facts::QuoteMatch &m : *apart) {
        const facts::Quote &r = base.quotes[m.wording.quote];
        if (!r.event.empty() && !rec.event.empty() && !sameOccasion(base, r.event, rec.event) &&
            !(inEvents(r.event) && inEvents(rec.event)))
          other = other ? other : &r;
      }
      if (other && distinctive(tokens, index)) {
        f.rule = "quote-wrong-occasion";
        f.status = Status::WrongOccasion;
        f.severity = Severity::Warning;
        f.message = "Spliced quote: these sentences are on record from " +
                    speakerName(base, rec.speaker) + " on two occasions (" + eventLabel(base, rec) +
                    "; " + eventLabel(base, *other) +
                    "): quoted together, they read as said at once.";
        return f;
      }
      // Said one right after the other: the first sentence ends its record and the next opens
      // the record after it (paragraphs of one speech, in order). Otherwise the draft joins
      // sentences said apart with nothing to mark what stood between them.
      if (distinctive(tokens, index) && !saidInOneRun(tokens, text, facts_, lookups_)) {
        f.rule = "quote-altered";
        f.status = Status::Altered;
        f.severity = Severity::Warning;
        f.message = "Spliced quote: these sentences are on record from " +
                    speakerName(base, rec.speaker) + " (" + eventLabel(base, rec) +
                    "), but said apart: joined with no ellipsis, they read as said together.";
        return f;
      }
      f.rule = "quote-verified";
      f.status = Status::Verified;
      f.message = "Verified: said by " + speakerName(base, rec.speaker) + " (" +
                  eventLabel(base, rec) + "), in " + std::to_string(apart->size()) +
                  " recorded sentences quoted together.";
      return f;
    }
  }
  // A fragment of three or four words given to a known speaker may be one of theirs on record
  // with a word changed ("clearly a big mistake" for "clearly a mistake"), when what it shares
  // with the record is distinctive (fragment_alike below); scare quotes and stock phrases share
  // too little.
  const bool fragment = words >= 3 && words < kMinAlteredWords && !edited && a.person &&
                        !stranger && a.source != AttributionSource::None;
  std::vector<facts::NearQuote> near;
  if (words >= kMinAlteredWords && !pieced)
    near = findNear(tokens, 3, 0.5);
  else if (fragment) {
    near = findNear(tokens, 8, 0.5);
    std::erase_if(near, [&](const facts::NearQuote &nq) {
      return base.quotes[nq.wording.quote].speaker != a.person->id;
    });
  }
  std::optional<QuoteDiff> best_diff;
  const facts::NearQuote *best_near = nullptr;
  std::vector<facts::Token> best_record; // the wording's tokens, with its source's [insertions]
  // The draft against the stretch of a wording findNear aligned, widened by `widen` words on
  // either side; the wording's tokens (with its source's [insertions]) come back in *record.
  auto diffWith = [&](const facts::NearQuote &nq, std::size_t widen,
                      std::vector<facts::Token> *record,
                      bool within_omissions = false) -> std::optional<QuoteDiff> {
    const auto &words_only = facts_.wordingTokens(nq.wording);
    if (nq.first >= nq.last || nq.last > words_only.size())
      return std::nullopt;
    const std::string_view rec_text = facts_.wordingText(nq.wording);
    *record = facts::tokenize(rec_text);
    std::size_t from = words_only[nq.first > widen ? nq.first - widen : 0].begin;
    std::size_t to = words_only[std::min(words_only.size(), nq.last + widen) - 1].end;
    if (within_omissions) // the stretch between the source's own "..." marks around nq.first
      for (const facts::Token &t : *record)
        if (t.kind == TokenKind::Gap) {
          if (t.end <= words_only[nq.first].begin)
            from = std::max(from, t.end);
          else
            to = std::min(to, t.begin);
        }
    std::erase_if(*record, [](const facts::Token &t) { return t.kind == TokenKind::Gap; });
    std::size_t lo = 0, hi = record->size();
    while (lo < hi && (*record)[lo].begin < from)
      ++lo;
    while (hi > lo && (*record)[hi - 1].end > to)
      --hi;
    std::span<const facts::Token> window(record->data() + lo, hi - lo);
    QuoteDiff d = diffQuote(tokens, text, window, rec_text);
    d.record_first += lo;
    d.record_last += lo;
    return d;
  };
  // Each candidate twice: across the source's own "..." marks, and within them, where draft words
  // past the mark are added rather than changed ("abuse of the platform" against "abuse ... that
  // goes for": the record says nothing of what stood there). The better explanation wins.
  for (const facts::NearQuote &nq : near)
    for (bool within : {false, true}) {
      const std::string_view wording = facts_.wordingText(nq.wording);
      if (within && wording.find("...") == std::string_view::npos &&
          wording.find("\xE2\x80\xA6") == std::string_view::npos)
        break; // no "..." or "…" in the wording: nothing to stay within
      std::vector<facts::Token> record;
      std::optional<QuoteDiff> d = diffWith(nq, words, &record, within);
      if (!d)
        continue;
      // More words alike and fewer changed; the speaker and the occasion the draft gives the
      // words count a word's worth each, so that "a big mistake" told to reporters on the call
      // is the call's "huge mistake" with a word changed, not the hearing's "big mistake" with
      // "of our responsibility" left out.
      auto merit = [&](const QuoteDiff &x, const facts::NearQuote &n) {
        const facts::Quote &rec = base.quotes[n.wording.quote];
        // A contraction spelled out is the record's words: "as long as I am running" is the
        // variant's "as long as I’m running", not the main text's with "Advisers" changed.
        const auto alike_words = static_cast<long>(x.same + x.contracted_draft);
        const auto differing = static_cast<long>(x.draft_only - x.contracted_draft) +
                               static_cast<long>(x.record_only - x.contracted_record);
        return 2 * alike_words - differing + (a.person && rec.speaker == a.person->id ? 2 : 0) +
               (inEvents(rec.event) ? 2 : 0);
      };
      if (!best_diff || merit(*d, nq) > merit(*best_diff, *best_near)) {
        best_diff = std::move(d);
        best_near = &nq;
        best_record = std::move(record);
      }
    }
  auto alike = [&](const QuoteDiff &d) {
    // A contraction spelled out ("did not" for "didn't"), or made, counts as words alike here:
    // the quote is altered, but it is the record's.
    const std::size_t same = d.same + d.contracted_draft;
    const std::size_t draft_only = d.draft_only - d.contracted_draft;
    const std::size_t record_only = d.record_only - d.contracted_record;
    const std::size_t longest_run = d.longest_run_as_said;
    if (words < kMinAlteredWords || same < 4)
      return false;
    // Only words left out, no word of the draft's own, and eight or more in order with a run of
    // five: the record's quote with gaps in it however much is left out ("I think it is
    // reasonable ..." for "I certainly think that it is reasonable ... in this way").
    if (draft_only == 0 && same >= 8 && longest_run >= 5)
      return true;
    return same * 10 >= 7 * words && same * 10 >= 7 * (same + record_only) && d.hunks.size() <= 3 &&
           // Runs of three alike, or one word changed in the middle of a distinctive quote ("You
           // never truly solve security"), which leaves runs of two.
           (longest_run >= 3 || (d.hunks.size() == 1 && draft_only <= 1 && record_only <= 1 &&
                                 distinctive(tokens, index)));
  };
  // One word changed, added or left out, in one place, keeping two distinctive words of the
  // record's (or changing a word into another of the same stem: "active" for "proactive").
  auto fragment_alike = [&](const QuoteDiff &d) {
    if (!fragment || d.hunks.size() != 1 || d.same < 2 || d.draft_only > 1 || d.record_only > 1 ||
        (d.longest_run < 2 && d.draft_only + d.record_only < 2))
      return false;
    // Proper names ("Cambridge Analytica") are the story's topic, not the speaker's wording.
    std::size_t shared = 0;
    for (const DiffPiece &p : d.pieces)
      if (p.kind == DiffPiece::Kind::Same)
        for (const facts::Token &t : facts::tokenize(p.text))
          shared += t.kind == TokenKind::Word && rareInBase(index, t.norm) &&
                    !std::isupper(static_cast<unsigned char>(p.text[t.begin]));
    if (shared >= 2)
      return true;
    const auto x = facts::tokenize(d.hunks[0].draft), y = facts::tokenize(d.hunks[0].record);
    if (shared < 1 || x.size() != 1 || y.size() != 1)
      return false;
    const std::string &u = x[0].norm, &v = y[0].norm;
    const std::string &shorter = u.size() < v.size() ? u : v, &longer = u.size() < v.size() ? v : u;
    return shorter.size() >= 5 && shorter != longer &&
           (longer.starts_with(shorter) || longer.ends_with(shorter));
  };
  if (pieced) {
    std::vector<facts::Token> record = facts::tokenize(facts_.wordingText(pieced->window.wording));
    std::erase_if(record, [](const facts::Token &t) { return t.kind == TokenKind::Gap; });
    best_diff = piecedDiff(*pieced, text, facts_.wordingTokens(pieced->window.wording), record,
                           facts_.wordingText(pieced->window.wording));
    best_near = &pieced->window;
    best_record = std::move(record);
  }
  if (best_diff) {
    const QuoteDiff &d = *best_diff;
    const std::size_t differing = d.draft_only + d.record_only;
    const bool same_quote = pieced.has_value() || alike(d) || fragment_alike(d);
    const facts::Quote &near_rec = base.quotes[best_near->wording.quote];
    if (same_quote && givenToOther(near_rec) && !distinctive(tokens, index))
      return unverified(); // a common phrase near someone else's: proves nothing either way
    if (same_quote && differing > 0) {
      const facts::Quote &rec = near_rec;
      addEvidence(best_near->wording);
      f.diff = d.pieces;
      const std::string what = pieced && pieced->reordered
                                   ? "puts the recorded sentences in another order"
                                   : d.describe();
      const auto &rec_tokens = best_record;
      const std::string_view rec_text = facts_.wordingText(best_near->wording);
      Fix fix{"Use the recorded wording", {}};
      // The recorded words as the draft writes them: its line breaks, its quotation marks.
      const DraftMarks marks =
          marksOfQuotation(doc_.text().substr(q.open.begin, q.open.end - q.open.begin));
      auto replace = [&](Span span, std::string_view recorded, std::string_view after = {}) {
        fix.edits.push_back(
            {span, fitToDraft(doc_.text().substr(span.begin, span.end - span.begin), recorded,
                              marks) +
                       std::string(after)});
      };
      if ((!edited && !q.multi_paragraph) || (pieced && pieced->reordered)) {
        const facts::Token *first = nullptr, *last = nullptr;
        for (const auto &t : tokens)
          if (t.kind == TokenKind::Word) {
            first = first ? first : &t;
            last = &t;
          }
        std::size_t rb = rec_tokens[d.record_first].begin, re = rec_tokens[d.record_last - 1].end;
        replace({q.words.begin + first->begin, q.words.begin + last->end},
                rec_text.substr(rb, re - rb));
      } else {
        for (const DiffHunk &h : d.hunks) {
          if (!h.draft.empty())
            replace({q.words.begin + h.draft_begin, q.words.begin + h.draft_end}, h.record);
          else
            replace({q.words.begin + h.draft_at, q.words.begin + h.draft_at}, h.record, " ");
        }
      }
      if (givenToOther(rec)) {
        misattribution(rec);
        f.message += ", and altered: " + what + ".";
        f.fixes.push_back(std::move(fix));
        return f;
      }
      const std::string said = speakerName(base, rec.speaker) + ", " + eventLabel(base, rec);
      f.rule = "quote-altered";
      f.status = Status::Altered;
      f.severity = Severity::Warning;
      f.message = "Altered quote: " + what + " (" + said + ").";
      f.fixes.push_back(std::move(fix));
      // How much the difference matters. The draft names another occasion than the record's:
      // the words may well have been said there too, and the base does not hold them, so the
      // record of one event never "corrects" a quote of another.
      const std::vector<std::string> &named_events =
          !a.events.empty() ? a.events : a.setting_specific;
      if (!named_events.empty() && !rec.event.empty() &&
          std::none_of(named_events.begin(), named_events.end(),
                       [&](const std::string &ev) { return sameOccasion(base, ev, rec.event); })) {
        const facts::Event *claimed = base.event(named_events.front());
        f.rule = "quote-unverified";
        f.status = Status::Unverified;
        f.severity = Severity::Information;
        f.message = "Not on record from the " + (claimed ? claimed->name : named_events.front()) +
                    "; near words are on record from the " + eventLabel(base, rec) + " (" + what +
                    ").";
        return f;
      }
      // A draft dated before the record's occasion cannot be quoting it: the words are some
      // earlier occasion's, which the base does not hold.
      const facts::Event *rec_event = rec.event.empty() ? nullptr : base.event(rec.event);
      const std::string_view rec_date = !rec.date.empty() ? std::string_view(rec.date)
                                        : rec_event       ? std::string_view(rec_event->date)
                                                          : std::string_view();
      if (!a.draft_date.empty() && rec_date.size() == 10 && a.draft_date < rec_date) {
        f.rule = "quote-unverified";
        f.status = Status::Unverified;
        f.severity = Severity::Information;
        f.fixes.clear();
        f.message = "Not on record before " + formatDate(a.draft_date) +
                    ", the draft's date; near words are on record from the " +
                    eventLabel(base, rec) + " (" + what + ").";
        return f;
      }
      switch (materiality(d, tokens)) {
      case Materiality::Contractions:
        f.severity = Severity::Information;
        f.message = "Differs from the record only in contractions: " + what + " (" + said + ").";
        break;
      case Materiality::Fillers:
        f.severity = Severity::Information;
        f.message = "Differs from the record only in filler words: " + what + " (" + said + ").";
        break;
      case Materiality::Transcription:
        f.severity = Severity::Information;
        f.message = "Differs from the record only in small words a transcript may hear either "
                    "way: " +
                    what + " (" + said + ").";
        break;
      case Materiality::PartlyOnRecord:
        f.rule = "quote-unverified";
        f.status = Status::Unverified;
        f.severity = Severity::Information;
        f.fixes.clear();
        f.message = "Partly on record: the words the record holds are verbatim (" + said +
                    "); the rest is not on record: " + what + ".";
        break;
      case Materiality::Material:
        break;
      }
      return f;
    }
    if (same_quote) { // alike word for word once folded: the record, reached through a gap
      addEvidence(best_near->wording);
      if (givenToOther(near_rec)) {
        misattribution(near_rec);
        f.message += ".";
        return f;
      }
      f.rule = "quote-verified";
      f.status = Status::Verified;
      f.message = "Verified: said by " +
                  speakerName(base, base.quotes[best_near->wording.quote].speaker) + " (" +
                  eventLabel(base, base.quotes[best_near->wording.quote]) + ").";
      return f;
    }
  }
  return unverified();
}

std::optional<std::pair<facts::Wording, std::string>>
QuoteChecker::sameWordsButOne(const std::vector<facts::Token> &tokens, const facts::Quote &rec,
                              const std::vector<std::string> &occasions) const {
  const facts::FactBase &base = facts_.base();
  std::vector<std::string_view> mine;
  for (const facts::Token &t : tokens)
    if (t.kind == TokenKind::Word)
      mine.push_back(t.norm);
  if (mine.size() < 2)
    return std::nullopt;
  for (const facts::NearQuote &nq : findNear(tokens, 8, 0.3)) {
    const facts::Quote &other = base.quotes[nq.wording.quote];
    if (other.speaker != rec.speaker || other.event.empty() ||
        std::none_of(occasions.begin(), occasions.end(),
                     [&](const std::string &ev) { return sameOccasion(base, ev, other.event); }))
      continue;
    const auto &theirs = facts_.wordingTokens(nq.wording);
    for (std::size_t at = 0; at + mine.size() <= theirs.size(); ++at) {
      std::size_t differ = 0, kept_rare = 0;
      for (std::size_t k = 0; k < mine.size(); ++k)
        if (theirs[at + k].norm != mine[k])
          ++differ;
        else
          kept_rare += !isCommon(mine[k]);
      if (differ != 1 || kept_rare == 0)
        continue;
      const std::string_view text = facts_.wordingText(nq.wording);
      const std::size_t b = theirs[at].begin, e = theirs[at + mine.size() - 1].end;
      return std::make_pair(nq.wording, std::string(text.substr(b, e - b)));
    }
  }
  return std::nullopt;
}

bool QuoteChecker::coreSaidAt(const std::vector<facts::Token> &tokens, const std::string &speaker,
                              const std::vector<std::string> &occasions) const {
  const facts::FactBase &base = facts_.base();
  // "an arms race" at the hearing, whose record has "arms race": the words that make the phrase
  // the speaker's, without the small words around them.
  std::size_t b = 0, e = tokens.size();
  while (b < e && (tokens[b].kind != TokenKind::Word || isCommon(tokens[b].norm)))
    ++b;
  while (e > b && (tokens[e - 1].kind != TokenKind::Word || isCommon(tokens[e - 1].norm)))
    --e;
  if (b >= e)
    return false;
  const std::vector<facts::Token> core(tokens.begin() + static_cast<std::ptrdiff_t>(b),
                                       tokens.begin() + static_cast<std::ptrdiff_t>(e));
  for (const facts::QuoteMatch &m : findVerbatim(core)) {
    const facts::Quote &rec = base.quotes[m.wording.quote];
    if (rec.speaker == speaker && !rec.event.empty() &&
        std::any_of(occasions.begin(), occasions.end(),
                    [&](const std::string &ev) { return sameOccasion(base, ev, rec.event); }))
      return true;
  }
  return false;
}

std::vector<facts::QuoteMatch>
QuoteChecker::findVerbatim(const std::vector<facts::Token> &words) const {
  return IndexLookups::verbatim(lookups_, facts_, words);
}

std::vector<facts::NearQuote> QuoteChecker::findNear(const std::vector<facts::Token> &words,
                                                     std::size_t max, double min_score) const {
  return lookups_ ? lookups_->findNear(facts_, words, max, min_score)
                  : facts_.findNear(words, max, min_score);
}

} // namespace factline::analyzers
