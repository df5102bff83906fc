// QuoteCredit: "— Name" credit lines that attribute block quotes and stand-alone quotes.
#pragma once
#include <vector>

#include "analyzers/document.h"
#include "analyzers/quote_extractor.h"

namespace factline::analyzers {

// Sets Quotation::credit for quotes followed by a credit line ("— Mark Zuckerberg, 10 April
// 2018", "-- Name", "― Name") and adds, for a Markdown block quote without quotation marks that
// ends with or is followed by one, a QuoteStyle::BlockQuote quotation of its text (the credit line
// excluded). Unsorted: the caller orders `quotes`.
void creditQuotations(const Document &doc, std::vector<Quotation> &quotes);

} // namespace factline::analyzers
