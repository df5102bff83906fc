// QuoteExtractor: finds the quotations in a draft's prose: marks, nesting, paragraphs, block
// quotes.
#pragma once
#include <vector>

#include "analyzers/document.h"
#include "analyzers/finding.h"

namespace factline::analyzers {

enum class QuoteStyle {
  Double,     // "..." “...” „...“
  Single,     // '...' ‘...’
  Guillemet,  // «...»
  BlockQuote, // a Markdown "> " block quote without quotation marks, credited by a "— Name" line
  Turn,       // a transcript's turn without quotation marks, credited by its "Name:" label
};

struct Quotation {
  QuoteStyle style = QuoteStyle::Double;
  Span open;  // the opening mark; empty (begin == end) for an unmarked block quote
  Span close; // the closing mark; empty when unterminated or unmarked
  // What is quoted, between the marks. A quote running over several paragraphs spans all of them
  // (the continuation marks that open the later paragraphs lie inside). An unterminated quotation
  // ends at the end of its paragraph, so it never swallows the rest of the draft.
  Span words;
  int depth = 0;  // 0: outermost; 1 and more: nested inside another quotation
  int block = -1; // block of the opening mark
  bool terminated = true;
  bool multi_paragraph = false;
  // The name in a credit line ("— Mark Zuckerberg, 10 April 2018" gives "Mark Zuckerberg") that
  // follows a block quote or a quote standing as its own paragraph; empty when there is none.
  Span credit;
  // Outermost only: the quotations nested inside this one, marks included ("You told us ‘It was
  // my mistake’"): words the speaker quotes from someone else, not their own.
  std::vector<Span> nested;
};

// The quotations of a document in order of their opening marks, found in Document::prose() so
// that code, comments, front matter and link destinations are never read. Pure; any thread.
std::vector<Quotation> extractQuotations(const Document &doc);

// The paragraphs of a multi-paragraph quotation as quotations of their own: the first keeps the
// opening mark, each later one opens at its continuation mark, the last keeps the closing mark.
// A record may hold the paragraphs as separate quotes.
std::vector<Quotation> splitParagraphs(const Document &doc, const Quotation &q);

} // namespace factline::analyzers
