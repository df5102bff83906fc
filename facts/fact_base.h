// The fact base: verified people, events, sources, quotes and figures, merged from one or more
// files.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/id_table.h"
#include "facts/text.h"

namespace factline::facts {

enum class EntityKind { Person, Organisation };

// Someone (or some body) who can be quoted or named in a draft.
struct Person {
  std::string id;
  EntityKind kind = EntityKind::Person;
  std::string name;                     // canonical display name: "Mark Zuckerberg"
  std::vector<std::string> aliases;     // other names: "Zuckerberg", "Mr Zuckerberg", "Mark"
  std::vector<std::string> descriptors; // role phrases: "the Facebook CEO", "the Facebook founder"
  std::string role;                     // "Facebook founder and chief executive"
  std::string pronoun;                  // "he", "she", "they" or "it" (organisations)
  std::string organisation;             // id of the organisation they speak for, if any
};

// An occasion on which things were said: the call with reporters, the Senate hearing.
struct Event {
  std::string id;
  std::string name;                 // "conference call with reporters"
  std::string date;                 // ISO 8601, "2018-04-04"
  std::vector<std::string> aliases; // how a draft may name it: "press conference", "the hearing"
  std::string description;
};

// Where the record comes from: an article.
struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::string date; // ISO 8601
  std::string url;
};

// Another recorded wording of the same quote (the same words reported differently by a source).
struct QuoteVariant {
  Text text;
  Text source; // source id
  Text note;
};

struct Quote {
  Text id;
  Text text;    // the words as recorded, without surrounding quotation marks
  Text speaker; // person id
  Text event;   // event id (may be empty)
  Text date;    // ISO 8601
  Text source;  // source id
  std::vector<QuoteVariant> variants;
  Text context; // how the source introduces it, for the hover
  // Where in a transcript the words fall (an imported record; 0 and empty otherwise): the turn
  // (1-based, over the whole transcript), the record's place in its turn (1-based: a long turn is
  // several records, in order), and the time into the recording ("00:03:12").
  std::uint32_t turn = 0;
  std::uint32_t part = 0;
  Text time;
};

enum class FigureKind { Count, Percent, Ratio, Duration, Money, Year, Other };

// A recorded number, what it counts, and how the source qualified it.
struct Figure {
  Text id;
  FigureKind kind = FigureKind::Count;
  double value =
      0; // the number in its own unit: 87000000, 4.5 (per cent), 0.02 (one in 50), 5 (hours)
  Text unit; // what one unit is: "users", "Australians", "per cent", "hours", "senators"
  Text text; // as the source writes it: "87 million", "one in 50", "more than five hours"
  Text qualifier; // "", "more than", "up to", "nearly", "as many as", "about", ...
  Text subject;   // what the figure counts, in words, for messages and hovers
  std::vector<Text> keywords; // words that link a draft's sentence to this figure
  std::vector<Text> units;    // unit nouns a draft may use: "users", "accounts", "people"
  Text stated_by;             // person id of who put the figure out (may be empty)
  Text date;                  // ISO 8601
  Text source;                // source id
  Text superseded_by; // figure id of the figure that replaced this one (empty if current)
  Text context;       // the sentence of the source it comes from
  // An imported figure no one has confirmed yet ("status": "candidate"). The loader keeps such
  // figures out of FactBase::figures (LoadResult::figure_candidates counts them), so nothing
  // unconfirmed is ever used to flag a draft.
  bool candidate = false;
};

// The merged record. Later bases add entries or override earlier ones with the same id.
// An ISO 8601 date of the record as people read it: "2018-04-04" -> "4 April 2018". Anything
// else (a partial date, an impossible month or day) is returned unchanged.
std::string formatDate(std::string_view iso_date);

class FactBase {
public:
  std::vector<Person> people;
  std::vector<Event> events;
  std::vector<Source> sources;
  std::vector<Quote> quotes;
  std::vector<Figure> figures;

  // Adds every entry of `other`; an entry whose id already exists replaces the old one in place.
  // The id tables stay current (this base's must be current before: see reindex).
  void merge(FactBase other);

  const Person *person(std::string_view id) const;
  const Event *event(std::string_view id) const;
  const Source *source(std::string_view id) const;
  const Quote *quote(std::string_view id) const;
  const Figure *figure(std::string_view id) const;

  // The quotes' and figures' strings are Texts viewing bytes the base keeps (facts/text.h).
  // keep() copies `s` into the base's own arena; hold() keeps something the entries view (a
  // mapped snapshot) alive. Copies of a base, and the bases it is merged into, share them.
  Text keep(std::string_view s);
  void hold(std::shared_ptr<const void> owner) { held_.push_back(std::move(owner)); }
  // Holds what `other`'s Texts view, for its entries moved here one by one.
  void holdTextsOf(FactBase &other);

  // Rebuilds the id lookup tables; call after changing the vectors directly.
  void reindex();
  // The same, one part at a time: for a loader that fills the quotes and the figures on two
  // threads, each of which then indexes its own (the parts share nothing).
  void reindexPeopleEventsSources();
  void reindexQuotes();
  void reindexFigures();
  // True when some quote or figure id is held by more than one entry (as of the last reindex or
  // merge): then only the last of them is found by id.
  bool quoteOrFigureIdsRepeat() const {
    return quote_ids_.size() != quotes.size() || figure_ids_.size() != figures.size();
  }

private:
  std::shared_ptr<TextArena> arena_;                // where keep() copies to
  std::vector<std::shared_ptr<const void>> held_;   // earlier arenas, mapped files
  IdTable person_ids_, event_ids_, source_ids_, quote_ids_, figure_ids_;
};

} // namespace factline::facts
