// SentenceMemo: each sentence's figure findings, remembered so a re-check redoes only what changed.
#pragma once
#include <string>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/finding_memo.h"

namespace factline::analyzers {

// A sentence's figure findings depend only on its own text and prose, the quoted stretches in it,
// the heading of its section, the sentence before it in its paragraph and the fact base, so they
// can be kept between checks of a draft: a keystroke changes one sentence (and re-checks the
// one after it) and the rest are found here.
class SentenceMemo : public FindingMemo {
public:
  // What identifies a sentence's findings: its text, its prose and the quotations in it, all
  // relative to the sentence's start, its section's heading's prose (`heading`, or empty), and
  // the prose of the sentence before it in its paragraph (`previous`, or empty).
  static std::string key(const Document &doc, Span sentence, const std::vector<Span> &quoted,
                         Span heading, Span previous = {});
};

} // namespace factline::analyzers
