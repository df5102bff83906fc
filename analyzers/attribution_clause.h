// AttributionClause: the words and punctuation around a quotation, with the speech-verb lexicon.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/finding.h"

namespace factline::analyzers {

// One word or punctuation mark of the prose around a quotation. Words keep inner apostrophes and
// hyphens; `lower` is the ASCII-lowered word with curly apostrophes made straight, for lookups.
struct ClauseToken {
  enum class Kind { Word, Punct, QuoteMark };
  Kind kind = Kind::Word;
  Span span;
  std::string lower;    // words only
  char punct = 0;       // Punct: , . ; : ! ? ( ) and '-' for any dash, '.' for an ellipsis
  bool capital = false; // the word starts with an upper-case letter
  bool isWord() const { return kind == Kind::Word; }
  bool is(std::string_view w) const { return kind == Kind::Word && lower == w; }
};

// Lexes [span.begin, span.end) of `prose`.
std::vector<ClauseToken> lexClause(std::string_view prose, Span span);

// "said", "says", "has said", "told", "replied", "added", "insisted", ... (any tense).
bool isSpeechVerb(std::string_view lower);
// Verbs that introduce a quoted fragment rather than speech: "called it a", "described ... as".
bool isFragmentVerb(std::string_view lower);
// Words that may stand between a speaker and the verb: "has", "was", "also", "later".
bool isAuxiliary(std::string_view lower);
// Words that end a speaker's noun phrase: conjunctions, relatives, prepositions of clauses.
bool isPhraseBreak(std::string_view lower);
// isPhraseBreak for tokens[k], except a preposition tying a place or a body into a speaker's noun
// phrase ("the senator from Texas", "a professor at Stanford", "head of policy in Europe").
bool breaksPhraseAt(const std::vector<ClauseToken> &tokens, std::size_t k);
// Determiners and possessives: "the answer", "his reply" use a speech verb as a noun.
bool isDeterminer(std::string_view lower);
// "he", "she", "it", "they": the pronoun itself, or empty.
std::string_view pronounOf(std::string_view lower);

// "quoted", "read out", "cited", "reminded" at tokens[k]: the speaker repeats someone else's words.
bool quotesSomeoneElseAt(const std::vector<ClauseToken> &tokens, std::size_t k);
// Words saying how someone spoke: "blunt", "candid", "went further", "replied".
bool isMannerOfSpeech(std::string_view lower);
// Asking, keeping silent or only watching: "asked", "pressed", "nodded", "declined".
bool isAskingOrSilentVerb(const ClauseToken &t);
// Answering: "replied", "answered", "responded", "retorted", "countered".
bool isReplyVerb(const ClauseToken &t);
// The period of a title at tokens[k] ("Ms. Sandberg", "Sen. Cruz"), which a name runs on past.
bool isTitlePeriodAt(const std::vector<ClauseToken> &tokens, std::size_t k);

// "analysts" -> "analyst", "a Senate aide" has "aide": what a description says someone is; empty
// for any other word.
std::string_view roleNounOf(std::string_view lower);

} // namespace factline::analyzers
