// Word-level alignment of a draft's words against a recorded wording: which words are the same,
// changed, left out or added. Stateless; any thread.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace factline::facts {

// One step of an alignment, in order. Indices are into the two word sequences given to align*;
// `draft` is kNone for RecordOnly steps and `record` is kNone for DraftOnly steps.
struct AlignmentStep {
  enum class Kind {
    Same,       // the same word on both sides
    Changed,    // a draft word standing where the record has another ("fraud" for "abuse")
    DraftOnly,  // a word the draft adds
    RecordOnly, // a word of the record the draft leaves out (inside the aligned window)
    Omitted,    // a record word the draft skips at one of its own "..." gaps: not a difference
  };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  Kind kind = Kind::Same;
  std::size_t draft = kNone;
  std::size_t record = kNone;
};

struct WordAlignment {
  std::vector<AlignmentStep> steps;
  std::size_t record_first = 0; // the window of the record the draft aligns with: [first, last)
  std::size_t record_last = 0;
  std::size_t same = 0; // how many words are Same
  // 2 * same / (draft words + record words in the window, not counting Omitted ones): 1 when the
  // draft reproduces the window verbatim, 0 when nothing lines up.
  double score = 0;
};

struct AlignmentOptions {
  // Align the draft with the best window of the record (leading and trailing record words are
  // free) instead of with the whole record.
  bool record_window = true;
  // gap_after[i]: the draft has "..." after its word i, so record words there are Omitted, free.
  const std::vector<bool> *gap_after = nullptr;
};

// Minimum-edit alignment (unit costs; ties go to Same/Changed so a substituted word at either end
// stays in the window and is reported as Changed). Cost O(draft * record) time and memory.
WordAlignment alignWordIds(std::span<const std::uint32_t> draft,
                           std::span<const std::uint32_t> record,
                           const AlignmentOptions &options = {});

// The same over folded words (compare Token::norm values, e.g. from tokenize()).
WordAlignment alignWords(std::span<const std::string> draft, std::span<const std::string> record,
                         const AlignmentOptions &options = {});

} // namespace factline::facts
