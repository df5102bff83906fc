// QuoteMemo: each quotation's findings, remembered so a re-check redoes only changed quotes.
#pragma once
#include <string>

#include "analyzers/attribution.h"
#include "analyzers/document.h"
#include "analyzers/finding_memo.h"
#include "analyzers/quote_extractor.h"

namespace factline::analyzers {

// Checking a quotation against the record (QuoteChecker, and the paragraph-by-paragraph retry of
// a multi-paragraph quote) reads only the quotation's own text and prose, its marks, the
// paragraphs it spans and the attribution found for it. Attribution itself reads the context and
// is found afresh on every check; its result is part of the key, so a changed speaker, pronoun,
// description or named occasion is a different key, and a changed attribution clause that names
// the same speaker the same way is the same key.
class QuoteMemo : public FindingMemo {
public:
  // The quotation's extent: its opening mark to its closing mark (or its words' end).
  static Span extent(const Quotation &q);
  // Everything the quotation's findings depend on, offsets relative to extent(q).begin.
  static std::string key(const Document &doc, const Quotation &q, const Attribution &a);
};

} // namespace factline::analyzers
