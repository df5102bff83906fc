// AttributionClause: a small lexer for attribution clauses and the word lists it is read with.
#include "analyzers/attribution_clause.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "analyzers/ascii.h"

namespace factline::analyzers {
namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N> &list, std::string_view w) {
  return std::binary_search(list.begin(), list.end(), w);
}

// The word lists below are written in an order that reads well and sorted when compiled, so that
// a word is looked up by halves (a clause's every word is looked up in several of them).
template <typename... Words> constexpr auto sortedWords(Words... words) {
  std::array<std::string_view, sizeof...(Words)> list = {std::string_view(words)...};
  std::sort(list.begin(), list.end());
  return list;
}

// Every form of the verbs a writer introduces speech with. Kept as forms rather than stems so that
// nouns sharing a stem ("statement", "answers" is a verb form but "answerable" is not) stay out.
constexpr auto kSpeechVerbs = sortedWords(
    "say", "says", "said", "saying", "add", "adds", "added", "adding", "ask", "asks", "asked",
    "asking", "reply", "replies", "replied", "replying", "write", "writes", "wrote", "written",
    "writing", "insist", "insists", "insisted", "insisting", "explain", "explains", "explained",
    "explaining", "tell", "tells", "told", "telling", "admit", "admits", "admitted", "admitting",
    "claim", "claims", "claimed", "claiming", "argue", "argues", "argued", "arguing", "note",
    "notes", "noted", "noting", "warn", "warns", "warned", "warning", "continue", "continues",
    "continued", "continuing", "concede", "concedes", "conceded", "conceding", "acknowledge",
    "acknowledges", "acknowledged", "acknowledging", "declare", "declares", "declared", "declaring",
    "state", "states", "stated", "stating", "respond", "responds", "responded", "responding",
    "answer", "answers", "answered", "answering", "remark", "remarks", "remarked", "comment",
    "comments", "commented", "recall", "recalls", "recalled", "confirm", "confirms", "confirmed",
    "deny", "denies", "denied", "announce", "announces", "announced", "testify", "testifies",
    "testified", "tweet", "tweets", "tweeted", "posted", "joke", "joked", "quip", "quipped",
    "suggest", "suggests", "suggested", "observe", "observed", "promise", "promised", "pledge",
    "pledged", "vow", "vowed", "boast", "boasted", "complain", "complained", "confess", "confessed",
    "assert", "asserted", "maintain", "maintained", "reiterate", "reiterated", "repeat", "repeats",
    "repeated", "stress", "stressed", "emphasise", "emphasised", "emphasize", "emphasized",
    "disclose", "disclosed", "apologise", "apologised", "apologize", "apologized", "conclude",
    "concluded", "prod", "prods", "prodded", "interject", "interjects", "interjected", "interrupt",
    "interrupts", "interrupted", "snap", "snaps", "snapped", "retort", "retorts", "retorted",
    "counter", "counters", "countered", "muse", "mused", "jokes", "quips", "shout", "shouted",
    "exclaim", "exclaimed", "demand", "demanded", "wonder", "wondered");

constexpr auto kFragmentVerbs =
    sortedWords("call", "calls", "called", "calling", "describe", "describes", "described",
                "describing", "branded", "dubbed", "labelled", "labeled", "termed");

constexpr auto kAuxiliaries =
    sortedWords("has", "had", "have", "was", "is", "were", "are", "also", "later", "then", "once",
                "again", "simply", "just", "would", "will", "previously", "recently", "further",
                "only", "reportedly", "repeatedly");

constexpr auto kBreaks =
    sortedWords("which", "that", "who", "whom", "whose", "with", "to", "and", "but", "or",
                "because", "if", "when", "while", "whether", "as", "than", "so", "not", "after",
                "before", "since", "although", "though", "in", "at", "on", "during", "about",
                "into", "from", "by", "yesterday", "today", "tomorrow", "where", "why", "how");

constexpr auto kDeterminers = sortedWords("the", "a", "an", "his", "her", "their", "its", "our",
                                          "my", "this", "that", "your");

bool isDashCp(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015); }

} // namespace

std::vector<ClauseToken> lexClause(std::string_view s, Span span) {
  std::vector<ClauseToken> out;
  std::size_t i = span.begin;
  const std::size_t hi = std::min(span.end, s.size());
  out.reserve(hi > i ? (hi - i) / 5 + 2 : 0); // a token about every five bytes of prose
  auto cpAt = [&](std::size_t k, std::size_t *len) -> char32_t {
    unsigned char c = static_cast<unsigned char>(s[k]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (k + n > hi)
      n = 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t m = 1; m < n; ++m)
      cp = (cp << 6) | (static_cast<unsigned char>(s[k + m]) & 0x3F);
    *len = n;
    return cp;
  };
  auto isLetterCp = [](char32_t c) {
    if (c < 0x80)
      return isAsciiAlnum(c);
    return c >= 0xC0 && !(c >= 0x2000 && c <= 0x206F) && c != 0x3000;
  };
  auto isQuoteCp = [](char32_t c) {
    return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB;
  };
  while (i < hi) {
    std::size_t len;
    char32_t c = cpAt(i, &len);
    // Emphasis marks ("**10 April** — Senator Grassley:") are markup, not punctuation.
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*' || c == '_') {
      i += len;
      continue;
    }
    if (isLetterCp(c)) {
      ClauseToken t;
      t.span.begin = i;
      t.capital = c >= 'A' && c <= 'Z';
      std::size_t j = i;
      while (j < hi) {
        if (const unsigned char b = static_cast<unsigned char>(s[j]); b < 0x80 && isAsciiAlnum(b)) {
          ++j; // most of a word: one byte, one letter
          continue;
        }
        std::size_t l;
        char32_t d = cpAt(j, &l);
        bool inner = d == '\'' || d == 0x2019 || d == '-' || d == '.';
        if (isLetterCp(d)) {
          j += l;
          continue;
        }
        // An apostrophe or hyphen inside a word ("didn't", "never-ending"); a period inside an
        // abbreviation ("U.S.") but not at a sentence end.
        if (inner && j + l < hi) {
          std::size_t l2;
          char32_t e = cpAt(j + l, &l2);
          if (isLetterCp(e) && (d != '.' || std::isupper(static_cast<unsigned char>(s[j - 1])))) {
            j += l;
            continue;
          }
        }
        break;
      }
      t.span.end = j;
      t.lower.resize(j - i);
      std::size_t n = 0;
      for (std::size_t k = i; k < j; ++k) {
        unsigned char ch = static_cast<unsigned char>(s[k]);
        if (ch == 0xE2 && k + 2 < j && s[k + 1] == '\x80' && s[k + 2] == '\x99') {
          t.lower[n++] = '\'';
          k += 2;
        } else {
          t.lower[n++] = asciiLower(ch);
        }
      }
      t.lower.resize(n);
      out.push_back(std::move(t));
      i = j;
      continue;
    }
    ClauseToken t;
    t.span = {i, i + len};
    if (isQuoteCp(c)) {
      t.kind = ClauseToken::Kind::QuoteMark;
    } else {
      t.kind = ClauseToken::Kind::Punct;
      t.punct = isDashCp(c) ? '-' : c == 0x2026 ? '.' : c < 0x80 ? static_cast<char>(c) : '?';
    }
    out.push_back(std::move(t));
    i += len;
  }
  return out;
}

bool isSpeechVerb(std::string_view w) { return contains(kSpeechVerbs, w); }
bool isFragmentVerb(std::string_view w) { return contains(kFragmentVerbs, w); }
bool isAuxiliary(std::string_view w) { return contains(kAuxiliaries, w); }
bool isPhraseBreak(std::string_view w) { return contains(kBreaks, w); }

bool breaksPhraseAt(const std::vector<ClauseToken> &t, std::size_t k) {
  if (!isPhraseBreak(t[k].lower))
    return false;
  const bool place_preposition = t[k].is("from") || t[k].is("at") || t[k].is("in");
  return !(place_preposition && k + 1 < t.size() && t[k + 1].isWord() && t[k + 1].capital);
}
bool isDeterminer(std::string_view w) { return contains(kDeterminers, w); }

std::string_view pronounOf(std::string_view w) {
  for (std::string_view p : {"he", "she", "it", "they"})
    if (w == p)
      return p;
  return {};
}

// "quoted", "read out", "cited", "reminded": the speaker repeats words that are someone else's
// ("Sandberg was quoted as saying" is her own).
bool quotesSomeoneElseAt(const std::vector<ClauseToken> &t, std::size_t k) {
  if (t[k].is("quoted") || t[k].is("quoting"))
    return !(k + 1 < t.size() && t[k + 1].is("as"));
  if ((t[k].is("read") || t[k].is("reads")) && k > 0) // "Facebook's statement read:" is its text
    for (std::string_view text : {"statement", "post", "letter", "message", "email", "tweet",
                                  "note", "release", "memo", "notice", "blog"})
      if (t[k - 1].is(text))
        return false;
  for (std::string_view v :
       {"read", "reads", "reading", "cited", "citing", "recalled", "recalling", "reminded",
        "reminding", "repeated", "repeating", "echoed", "echoing", "paraphrased"})
    if (t[k].is(v))
      // "he repeated that security was ...": a claim of his own reported, not words read out.
      return !(k + 1 < t.size() && t[k + 1].is("that"));
  return false;
}

// Words saying how someone spoke: "Sandberg was blunt.", "Sandberg went further."
bool isMannerOfSpeech(std::string_view w) {
  for (std::string_view m :
       {"blunt",       "candid",     "direct",    "frank",    "defiant",   "unapologetic",
        "unrepentant", "contrite",   "emphatic",  "clear",    "firm",      "forthright",
        "adamant",     "apologetic", "further",   "agreed",   "disagreed", "countered",
        "responded",   "replied",    "explained", "insisted", "conceded",  "admitted",
        "apologised",  "apologized", "spoke",     "struck",   "tone",      "message",
        "answer",      "reply",      "response",  "verdict",  "view",      "point",
        "words"})
    if (w == m)
      return true;
  return false;
}

// Verbs of asking, keeping silent or only watching: the sentence before a quote standing alone
// that says someone asked ("Grassley asked how often."), nodded or declined to comment introduces
// words that are someone else's.
bool isAskingOrSilentVerb(const ClauseToken &t) {
  static constexpr auto kVerbs =
      sortedWords("nodded", "nods", "sat", "sits", "smiled", "smiles", "watched", "watches",
                  "listened", "listens", "looked", "looks", "stared", "shrugged", "frowned",
                  "declined", "refused", "arrived", "left", // silent
                  "asked", "asks", "asking", "pressed", "presses", "questioned", "quizzed",
                  "grilled", "demanded", "wondered", "challenged", "wanted"); // asking
  return t.isWord() && contains(kVerbs, t.lower);
}

bool isReplyVerb(const ClauseToken &t) {
  static constexpr auto kVerbs = sortedWords(
      "replied", "replies", "reply", "replying", "answered", "answers", "answering", "responded",
      "responds", "responding", "retorted", "retorts", "countered", "counters");
  return t.isWord() && contains(kVerbs, t.lower);
}

// The period of a title ("Ms. Sandberg", "Sen. Cruz"), which a speaker's name runs on past.
bool isTitlePeriodAt(const std::vector<ClauseToken> &t, std::size_t e) {
  if (e == 0 || t[e].kind != ClauseToken::Kind::Punct || t[e].punct != '.' ||
      t[e].span.end != t[e].span.begin + 1 || !t[e - 1].isWord() || !t[e - 1].capital)
    return false;
  for (std::string_view w : {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "gen"})
    if (t[e - 1].is(w))
      return true;
  return false;
}

// Nouns for what someone is, which tell whether a description may be the recorded speaker.
std::string_view roleNounOf(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "analyst",     "senator",     "lawmaker",      "aide",          "critic",    "expert",
      "researcher",  "regulator",   "commissioner",  "campaigner",    "activist",  "lawyer",
      "attorney",    "investor",    "user",          "employee",      "engineer",  "staffer",
      "spokesman",   "spokeswoman", "spokesperson",  "professor",     "academic",  "observer",
      "commentator", "congressman", "congresswoman", "official",      "reporter",  "journalist",
      "executive",   "insider",     "source",        "whistleblower", "developer", "adviser",
      "advisor",     "consultant",  "strategist",    "economist",     "scientist"};
  for (std::string_view r : kRoles)
    if (w == r || (w.size() == r.size() + 1 && w.starts_with(r) && w.back() == 's'))
      return r;
  return {};
}

} // namespace factline::analyzers
