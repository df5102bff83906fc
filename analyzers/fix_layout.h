// FixLayout: a recorded wording laid out as the draft's words it replaces (line breaks, marks).
#pragma once
#include <string>
#include <string_view>

namespace factline::analyzers {

// How the draft marks the quotation a fix writes into.
struct DraftMarks {
  enum class Outer { None, Double, Single };
  Outer outer = Outer::None; // the quotation's own marks: nested quotes take the other kind
  bool curly = true;         // “ ” ‘ ’ rather than " '
};

// The marks of a quotation opened by `open_mark` ("“", "\"", "‘", "'", "«", "„"; empty for a
// block quote or a transcript's turn, which take double marks inside and curly ones).
DraftMarks marksOfQuotation(std::string_view open_mark);

// `replacement` (a recorded wording, one line) written as the draft wrote `replaced`, the draft's
// text it replaces:
// - each line break of `replaced`, with what opens the next line ("> " in a block quote, an
//   indent, a Markdown hard break's trailing spaces), is kept before the same word of the
//   recording when that word is still there (else after the same word, else at the same share of
//   the length), so that a hard-wrapped quote stays wrapped and its diff shows only the words;
// - apostrophes take the draft's style (that of `replaced` when it has one, else `marks.curly`),
//   and quotation marks inside the recording take the kind a quotation nested in the draft's
//   takes (single inside double, double inside single), curly or straight as the draft's.
// Pure; any thread.
std::string fitToDraft(std::string_view replaced, std::string_view replacement, DraftMarks marks);

} // namespace factline::analyzers
