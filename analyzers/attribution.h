// AttributionFinder: who a draft gives each quotation to, and the occasion it names.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/quote_extractor.h"
#include "analyzers/speaker_resolver.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

enum class AttributionSource {
  None,    // no attribution and no speaker in context: the quote stays unattributed
  Named,   // the draft names the speaker beside the quote ("Zuckerberg said", "— Name")
  Pronoun, // "he said": the most recent compatible person named before the quote
  Context, // a quote standing alone: the speaker of the quote just before it
};

struct Attribution {
  AttributionSource source = AttributionSource::None;
  // The person the draft gives the words to; null when unattributed or when the draft names
  // someone the fact base does not know ("a spokesman for the BBC").
  const facts::Person *person = nullptr;
  // Others the draft's words for the speaker may name as well ("the senator from Texas").
  std::vector<const facts::Person *> others;
  // Named, person null: the words are a person's proper name ("Senator Jane Roe") that the base
  // does not know, so words on record from someone else are given to the wrong person.
  bool stranger = false;
  // Named, person null: what the draft's description says the speaker is ("analyst" for "one
  // analyst"), so words on record from someone who is no such thing are given to the wrong person.
  std::string role;
  Span name;                       // the words naming (or referring to) the speaker
  std::string pronoun;             // Pronoun: "he", "she", "it" or "they"
  std::vector<std::string> events; // event ids the draft names around the quote, best first
  // The draft's setting when the quote's own clause names no occasion: the events named before
  // it in its paragraph, in the heading above it, and in the draft's opening (title and lede).
  // Weaker than `events`: it keeps a quote of one occasion from being "corrected" toward another
  // occasion's record, and says no more.
  std::vector<std::string> setting;
  // Where the setting comes from, nearest first. From the quote's paragraph, the heading of its
  // section, or (a live blog's entry) the draft's opening, it is close enough that words of
  // another occasion, quoted there without a word of where they were said, are given to the
  // setting's occasion; only the paragraph is close enough to keep a near record of another
  // occasion from calling the quote altered.
  enum class SettingFrom { None, Paragraph, Heading, LiveBlog, Opening, FirstNamed };
  SettingFrom setting_from = SettingFrom::None;
  // The setting's events named by a name of their own of two words or more ("the call with
  // reporters", not "senators"): from a heading or the opening, specific enough to keep a near
  // record of another occasion from calling the quote altered, as the paragraph's events do.
  std::vector<std::string> setting_specific;
  // The draft's own date, ISO ("2018-04-04"), from a dateline in its opening ("Apr 4, 2018", "4
  // April 2018", "2018-04-04"); empty when it has none. A record of an occasion after it cannot be
  // what the draft quotes.
  std::string draft_date;
  // The attribution clause has a verb of asking ("Durbin asked", "Graham pressed").
  bool asking = false;
  bool settingClose() const {
    return setting_from == SettingFrom::Paragraph || setting_from == SettingFrom::Heading ||
           setting_from == SettingFrom::LiveBlog;
  }
  Span clause; // the attribution clause ("said Cambridge Analytica"), if any
  // Context: the quote stands in the sentence right after one whose quote the draft gave by name
  // to this speaker, so the draft gives these words to them just as clearly.
  bool carried = false;
  // Pronoun: the pronoun can mean no one else. `person` is the only one of the base's people who
  // agrees with it that the draft has named before the quote ("Senator Grassley asked ... He
  // said: “…”" in a draft that has not named Zuckerberg), or the only one the sentence before
  // names, so the draft gives them the words as plainly as a name would.
  bool sure = false;
};

// Reads attributions in document order: a pronoun or a quote standing alone takes its speaker
// from what came before, so call attribute() for quotations 0, 1, 2, ... in turn.
class AttributionFinder {
public:
  // Names are looked up through `lookups` when there is one (remembered across checks).
  AttributionFinder(const Document &doc, const facts::FactIndex &facts,
                    const std::vector<Quotation> &quotes, IndexLookups *lookups = nullptr);

  Attribution attribute(std::size_t k);

private:
  struct Parse {
    bool found = false;
    std::string_view pronoun;
    std::optional<SpeakerName> name;
    Span words; // the words naming the speaker
    // "according to X": X may be where the words were reported (a wire, a transcript), so a name
    // the base does not know is no evidence of another speaker.
    bool reported = false;
  };
  Parse afterClause(const Quotation &q, const std::vector<ClauseToken> &t) const;
  Parse beforeClause(const std::vector<ClauseToken> &t, bool at_sentence_start) const;
  Parse subject(const std::vector<ClauseToken> &t, std::size_t first, std::size_t last,
                bool prefer_end) const;
  static bool isPassive(const std::vector<ClauseToken> &t, std::size_t aux_begin, std::size_t v);
  Parse passiveAgent(const std::vector<ClauseToken> &t, std::size_t v) const;
  Parse precedingSpeaker(int si, std::size_t k, const facts::Person *going_on) const;
  // `skip`: a person the pronoun cannot mean (the asker of the question a reply answers).
  // *ambiguous is set when a person the base does not know, named near by, may be the one meant.
  const facts::Person *resolvePronoun(std::string_view pronoun, std::size_t at,
                                      const facts::Person *skip = nullptr,
                                      bool *ambiguous = nullptr) const;
  // The people named, outside quotations, before `at` (up to the draft's 150th sentence: past
  // it, none is read, and nullopt).
  std::optional<std::vector<const facts::Person *>> namedBefore(std::size_t at);
  // The one person of the base agreeing with `pronoun` (`skip` aside) named before `at`, if
  // there is exactly one.
  const facts::Person *soleCandidate(std::string_view pronoun, std::size_t at,
                                     const facts::Person *skip);
  // Is `person` the only one of the base's people agreeing with `pronoun` (`skip` aside) that the
  // prose names, outside quotations, before `at`?
  // Is `person` the one of the base's people agreeing with `pronoun` (`skip` aside) that the
  // nearest sentence naming any of them names, in the quote's paragraph and at most three
  // sentences back, with no one else? ("Senator Grassley asked about apps. He said: “…”")
  bool soleInSentenceBefore(const facts::Person *person, std::string_view pronoun, std::size_t at,
                            const facts::Person *skip) const;
  // The person the sentence holding `at`, or the one before it in the same paragraph, says asked
  // something ("Graham had asked whether ...", "Senator Grassley asks again how many apps ...").
  const facts::Person *askerBefore(std::size_t at) const;
  // Does the sentence `t` name, by a title or as the subject of a speech verb, a person the base
  // does not know (`known`: the base's people it names)?
  static bool namesUnknownPerson(const std::vector<ClauseToken> &t,
                                 const std::vector<SpeakerName> &known);
  bool onlyCandidate(const facts::Person *person, std::string_view pronoun, std::size_t at,
                     const facts::Person *skip);
  bool insideQuote(Span s) const;
  // The words of `span` in the draft's own voice: its tokens outside quotations.
  std::vector<ClauseToken> proseTokens(Span span) const;
  // The same for sentence `k`, up to `at` when `at` falls inside it.
  std::vector<ClauseToken> sentenceBefore(int k, std::size_t at) const;
  // The events named in the prose of block `b` before `until` (outside quotations).
  // With `specific`, only names of two words or more ("call with reporters", not "senators").
  std::vector<std::string> eventsInBlock(int b, std::size_t until, bool specific = false);
  // The events named in the prose of blocks 0..block, up to `at` in `block`, in draft order.
  std::vector<std::string> eventsNamedBefore(int block, std::size_t at);
  // The setting of quotation q in `block`, and where it came from.
  std::vector<std::string> settingOf(const Quotation &q, int block, Attribution::SettingFrom *from,
                                     std::vector<std::string> *specific);

  // The dateline of the draft's opening, ISO; empty when there is none.
  static std::string datelineOf(const Document &doc);

  const Document &doc_;
  const facts::FactIndex &facts_;
  std::string draft_date_;
  const std::vector<Quotation> &quotes_;
  SpeakerResolver resolver_;
  IndexLookups *lookups_ = nullptr;
  const facts::Person *last_speaker_ = nullptr;
  int last_speaker_block_ = -100;
  bool last_speaker_claimed_ = false; // the draft named them (or carried a named speaker on)
  int last_speaker_sentence_ = -100;  // the sentence where their quotation closed
  std::optional<Attribution> last_in_sentence_; // the previous quotation's, when named
  int last_sentence_ = -1;
  // The asker of the last quoted question, and its block: a reply right after it is someone
  // else's ("“…?” Graham asked. “…,” he replied.").
  const facts::Person *last_asker_ = nullptr;
  int last_asker_block_ = -100;
  // The people named outside quotations in the sentences before `named_upto_` (a prefix of the
  // draft, grown as quotations further on need it).
  std::vector<const facts::Person *> named_before_;
  // Events named by whole blocks (headings, the opening), read once per check.
  // A stretch of a block's prose between quotations, and the events it names (all, and those by
  // a name of two words or more). Read once per check, as first asked for.
  struct Segment {
    std::size_t end = 0;
    std::vector<std::string> events, specific;
  };
  const std::vector<Segment> &segmentsOf(int b);
  // The base's events dated on a day and month the words give ("10 April", "April 4").
  std::vector<std::string> eventsOnDatesIn(const std::vector<ClauseToken> &t) const;
  std::vector<std::optional<std::vector<Segment>>> segments_;
  int first_naming_block_ = -2; // the first block that names an occasion: -1 none, -2 not read
  std::size_t named_upto_ = 0;
};

} // namespace factline::analyzers
