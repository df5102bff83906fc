// FigureLinker: which recorded figure, if any, a draft's figure states, from the sentence around
// it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/figure_comparison.h"
#include "analyzers/figure_extractor.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

// The folded words of one sentence, read once for all its figures.
struct SentenceWords {
  std::vector<facts::Token> tokens; // facts::tokenize of the sentence, offsets in the document
  std::vector<std::string> stems;   // tokens' folded words, possessive and plural "s" removed
  std::vector<std::string> roots;   // tokens' Snowball stems (facts::wordRoot): for link words
  std::vector<std::size_t> figures; // FactIndex::figuresFor the sentence: the only candidates
  // The section the sentence stands in, when its heading names an occasion of the base (an
  // event) and the sentence itself names none: the dates of the occasions the heading names, the
  // heading's stems, and the records its words point to (FactIndex::figuresFor the heading).
  std::vector<std::string> section_dates;
  std::vector<std::string> section_stems;
  std::vector<std::string> section_roots;
  std::vector<std::size_t> section_figures;
  // The sentence before it in the same paragraph: its stems, and the records its words point
  // to. Read only for a count with no noun of its own ("the actual number is at least 87
  // million") or a unit noun rival records share ("97 million profiles"), whose subject the
  // sentence before may name.
  std::vector<std::string> previous_stems;
  std::vector<std::string> previous_roots;
  std::vector<std::size_t> previous_figures;
};

// How a draft frames a recorded number otherwise than the record: a fall where the record has a
// rise ("shares fell 4.5 per cent"), percentage points where it has per cent.
enum class Misframing { None, Direction, PercentUnit };

// A recorded figure the draft's figure may state, and how strongly the sentence says so.
struct FigureCandidate {
  std::size_t figure = 0; // index into FactBase::figures
  int score = 0;          // unit noun after the number, keywords, the person who stated it
  int keywords = 0;       // the record's keywords found in the sentence
  int distinctive = 0;    // of those, the ones no rival record has
  Span unit;              // the record's unit noun right after the number, if the draft has it
  Interval draft;         // the values the draft allows, in the record's unit
  const RecordReading *record = nullptr;
  bool consistent = false; // some value the draft allows is one the record allows
  // Set only with `consistent`: the number is the record's, its framing is not. A misframed
  // number that is not the record's is another change (a fall in March), and does not link.
  Misframing misframing = Misframing::None;
  Span direction_word; // Misframing::Direction: the draft's word for the change ("fell")
};

// Lives for one analysis; caches what it reads of the recorded figures it meets. Not thread-safe.
class FigureLinker {
public:
  FigureLinker(const facts::FactIndex &index, std::string_view prose);

  // `heading`: the span of the heading of the section the sentence stands in (empty: none);
  // `previous`: the sentence before it in its paragraph (empty: none).
  SentenceWords words(Span sentence, Span heading = {}, Span previous = {}) const;
  std::string_view prose() const { return prose_; }

  // The recorded figures the sentence links `figure` to, best first. A figure links only when
  // the record measures the same kind of thing in a convertible unit, within a factor of 12 of
  // the draft's value (a number far off counts something else), and the sentence says what it
  // counts: the record's keywords, and for counts the record's unit noun after the number (or,
  // for large numbers, elsewhere in the sentence: "the number of users grew to 87 million"). A
  // count narrowed to a place the record does not name ("users in Britain", "Americans") is a
  // part of it, and does not link. A length of time the sentence links to another occasion's
  // record than its section's heading names ("Zuckerberg took questions for an hour" under "The
  // call with reporters": the questions are the hearing's keyword) is a length of the heading's
  // occasion instead, linked by the heading's words. A large count within a factor of 1.5 of a
  // current record may also link through the sentence before (SentenceWords::previous_stems):
  // with no noun of its own, when the two sentences hold one of the record's unit nouns and a
  // keyword no rival has; with a unit noun rivals share, when it is within 15 per cent of the
  // record, no rival sharing the noun is as close, and such a keyword is there.
  std::vector<FigureCandidate> candidates(const SentenceFigures &sentence,
                                          const DraftFigure &figure, const SentenceWords &words);

  // `figure` against one recorded figure, whatever the sentence says: for the figures a linked
  // record replaced ("50 million" where the sentence links to the 87 million that replaced it).
  // Nullopt when the two cannot measure the same thing.
  std::optional<FigureCandidate> compare(const DraftFigure &figure, std::size_t record);

  // A folded word reduced for keyword comparison ("users" and "user's" -> "user").
  static std::string stem(std::string_view folded);

private:
  struct Phrase {
    std::vector<std::string> words;   // stemmed
    bool distinctive = false;         // keywords: no rival has it; units: no rival counts in it
    std::vector<double> rival_values; // units: the values of the rivals that count in it
  };
  // What linking needs of one recorded figure. Its rivals are the figures of the same kind that
  // count in one of its unit nouns ("users"): a sentence must tell it apart from them.
  struct Prepared {
    RecordReading reading;
    std::vector<Phrase> keywords;     // its link words (FigureTerms::linkPhrases), as roots
    std::vector<Phrase> units;        // longest first
    std::vector<Phrase> local_units;  // units without the place they name ("users in Australia")
    std::vector<std::string> primary; // the record's own `unit`, stemmed
    std::vector<std::vector<std::string>> names; // stemmed names of who stated it
    int direction = 0;               // +1 a rise, -1 a fall, 0 neither: "closed up 4.5 per cent"
    std::vector<std::string> places; // FigurePlaces ids its own words name: "au"
    std::vector<std::string> required_places; // those it counts in: a draft must say them
    std::vector<std::string> own_date;        // words naming its date: "tuesday", "april", "2018"
    std::vector<std::string> occasion;        // the same, when the record itself is dated
    std::string date;                         // ISO: the record's own date, else its source's
    unsigned chambers = 0;                    // the chambers of Congress its words name
  };
  const Prepared &prepared(std::size_t figure);

  const facts::FactIndex &index_;
  std::string_view prose_;
  std::unordered_map<std::size_t, Prepared> cache_;
};

} // namespace factline::analyzers
