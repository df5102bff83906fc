// Finding: what an analyzer says about one span of a draft, in byte offsets, free of LSP.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace factline::analyzers {

// A half-open byte range [begin, end) into the document text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span &) const = default;
  bool overlaps(const Span &o) const { return begin < o.end && o.begin < end; }
  bool contains(std::size_t offset) const { return begin <= offset && offset < end; }
};

enum class Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

// What checking a claim concluded. Verified claims carry no diagnostic but still have a hover and
// appear in outlines and review reports.
enum class Status {
  Verified,      // quote or figure matches the record
  Altered,       // quote near the record but not verbatim
  Misattributed, // quote on record from someone else
  WrongOccasion, // quote on record but said at another event
  Unverified,    // attributed to a known person, not on record
  Wrong,         // figure inconsistent with the record
  Superseded,    // figure given as current that the record says was replaced
  Problem,       // a defect in the draft's text itself (an unterminated quotation)
};

struct FactRef {
  enum class Kind { Quote, Figure, Person, Event };
  Kind kind = Kind::Quote;
  std::string id;
  int variant = -1; // for quotes: which recorded wording (-1 = the main text)
};

struct Replacement {
  Span span;
  std::string text;
};

// A quick fix: edits applied together.
struct Fix {
  std::string title;
  std::vector<Replacement> edits;
};

// One piece of a word-level difference between the draft's wording and the record's.
struct DiffPiece {
  enum class Kind { Same, DraftOnly, RecordOnly };
  Kind kind = Kind::Same;
  std::string text;
};

struct Finding {
  std::string rule; // stable id: "quote-altered", "figure-wrong", ...
  Status status = Status::Verified;
  std::optional<Severity> severity; // empty: no diagnostic (verified claims)
  Span span;
  std::string message;           // one plain-text sentence naming the exact problem
  std::vector<FactRef> evidence; // the record it rests on, most relevant first
  std::vector<Fix> fixes;
  std::vector<DiffPiece> diff; // altered quotes: the draft's words against the record's
  std::string claim;           // the draft's words being checked ("87 million", the quote)
  std::string attributed_to;   // quotes: person id the draft gives them to, if known
};

} // namespace factline::analyzers
