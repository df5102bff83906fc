// SpeakerResolver: which person of the fact base a phrase of a draft names, and pronoun agreement.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/attribution_clause.h"
#include "analyzers/index_lookups.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

struct SpeakerName {
  const facts::Person *person = nullptr; // null: the phrase names someone the base does not know
  Span span;                             // the words that name them
  // Others the same words may name ("the senator from Texas"): the draft does not say which.
  std::vector<const facts::Person *> others;
};

class SpeakerResolver {
public:
  // Names are looked up through `lookups` when there is one (remembered across checks).
  SpeakerResolver(const facts::FactIndex &facts, std::string_view prose,
                  IndexLookups *lookups = nullptr)
      : facts_(facts), prose_(prose), lookups_(lookups) {}

  // The person named by the words tokens[first, last): the longest run of them the fact base
  // knows (by name, alias or descriptor, with titles), or an organisation's spokesman, official or
  // statement ("a Cambridge Analytica spokesman", "a spokesman for Facebook"). Runs nearer the
  // end win ties when `prefer_end`. Empty when no run is known.
  std::optional<SpeakerName> resolve(const std::vector<ClauseToken> &tokens, std::size_t first,
                                     std::size_t last, bool prefer_end) const;

  // Every known person named in tokens[first, last), in order, each at its longest name.
  std::vector<SpeakerName> mentions(const std::vector<ClauseToken> &tokens, std::size_t first,
                                    std::size_t last) const;

  // Does `person` agree with the pronoun "he", "she", "it" or "they"?
  static bool agrees(const facts::Person &person, std::string_view pronoun);

  // Do tokens[first, last) look like the proper name of a person ("Senator Ted Cruz", "Jane
  // Doe", "Facebook COO Sheryl Sandberg") rather than a description ("a BBC reporter", "one
  // analyst")? A single capitalised word opening a sentence ("Critics") is not taken for a name.
  // Is `name` (a draft's words for a speaker the base does not know) a misspelling of `person`'s
  // surname or another of their names ("Zuckerburg", "Mr Zuckerbeg")? A letter or two off.
  static bool spellsLike(std::string_view name, const facts::Person &person);

  static bool looksLikeName(const std::vector<ClauseToken> &tokens, std::size_t first,
                            std::size_t last, bool sentence_start);

  const facts::Person *person(std::string_view id) const;

private:
  // tokens[b, e) are a description the base knows ("the researcher"): is it set beside a proper
  // name the base does not know ("the researcher Jane Roe", "Jane Roe, the researcher")? Then
  // the phrase describes that stranger, not the base's person; the name's span comes back.
  std::optional<Span> strangerBeside(const std::vector<ClauseToken> &tokens, std::size_t first,
                                     std::size_t last, std::size_t b, std::size_t e) const;
  const facts::Person *lookup(const std::vector<ClauseToken> &tokens, std::size_t first,
                              std::size_t last,
                              std::vector<const facts::Person *> *others = nullptr) const;

  const facts::FactIndex &facts_;
  std::string_view prose_;
  IndexLookups *lookups_;
};

} // namespace factline::analyzers
