// QuoteDiff: a word-level alignment of a draft's quoted words against a recorded wording.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/finding.h"
#include "facts/normalize.h"

namespace factline::analyzers {

// One place where the draft's words and the record's part: words the draft has that the record
// has not (`draft`) and the other way round (`record`), in their own texts' spelling.
struct DiffHunk {
  std::string draft;
  std::string record;
  std::size_t draft_begin = 0, draft_end = 0; // byte span of the draft words in the draft text
  std::size_t draft_at = 0; // where record words would go when the draft has none (an omission)
};

struct QuoteDiff {
  std::vector<DiffPiece> pieces; // Same / DraftOnly / RecordOnly, in order, for the hover
  std::vector<DiffHunk> hunks;
  std::size_t same = 0;        // words alike
  std::size_t draft_only = 0;  // words only the draft has
  std::size_t record_only = 0; // words of the aligned record window the draft leaves out
  std::size_t longest_run = 0; // the longest run of words alike, in order
  // Hunks that only spell out a contraction of the record's ("did not" for "didn't") or contract
  // what it spells out: their words on either side, and the longest run of words alike counting
  // them alike. The words differ (the quote is altered), but it is the same quote.
  std::size_t contracted_draft = 0, contracted_record = 0;
  std::size_t longest_run_as_said = 0;
  std::size_t record_first = 0; // the aligned window of the record's words: [first, last)
  std::size_t record_last = 0;

  // "'fraud' where the record has 'abuse'; omits 'closer'".
  std::string describe() const;
};

// Aligns the draft's tokens (words, "..." gaps and [editorial] words, as facts::tokenize gives
// them, with offsets into `draft_text`) with the best-fitting window of the record's word tokens
// (offsets into `record_text`). Record words the draft skips at a gap are not differences;
// the draft's editorial words are ignored, and the record's (its source's [insertions]) may be
// quoted or left out. Cost O(draft words x record words).
QuoteDiff diffQuote(const std::vector<facts::Token> &draft, std::string_view draft_text,
                    std::span<const facts::Token> record, std::string_view record_text);

} // namespace factline::analyzers
