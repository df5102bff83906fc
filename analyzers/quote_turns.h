// QuoteTurns: the speaker turns of a transcript ("Senator Thune: ...", "ZUCKERBERG: ...") as
// quotations credited to their label.
#pragma once
#include <vector>

#include "analyzers/document.h"
#include "analyzers/quote_extractor.h"

namespace factline::analyzers {

// Adds, for each paragraph that opens with a speaker's label and a colon and holds no quotation
// mark, a QuoteStyle::Turn quotation of the words after the colon, credited to the label. Only in
// a draft laid out as a dialogue: two such paragraphs or more, by two labels or more, so that a
// lone "Update: ..." or "Zuckerberg: the week in review" is never read as speech. List items are
// summaries, not transcripts. Unsorted: the caller orders `quotes`.
void addTranscriptTurns(const Document &doc, std::vector<Quotation> &quotes);

} // namespace factline::analyzers
