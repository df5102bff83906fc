// SentenceMemo: each sentence's figure findings, remembered so a re-check redoes only what changed.
#include "analyzers/figure_memo.h"

#include <algorithm>

namespace factline::analyzers {

std::string SentenceMemo::key(const Document &doc, Span sentence, const std::vector<Span> &quoted,
                              Span heading, Span previous) {
  const std::size_t len = sentence.end - sentence.begin;
  std::string key;
  key.reserve(len + heading.end - heading.begin + 24 + 16 * quoted.size());
  appendTextAndProse(key, doc.text(), doc.prose(), sentence.begin, sentence.end);
  const std::string_view title = doc.prose(heading); // before the quotations: one reading only
  append(key, title.size());
  key.append(title);
  const std::string_view before = doc.prose(previous);
  append(key, before.size());
  key.append(before);
  for (const Span &q : quoted) {
    if (!q.overlaps(sentence))
      continue;
    append(key, std::max(q.begin, sentence.begin) - sentence.begin);
    append(key, std::min(q.end, sentence.end) - sentence.begin);
  }
  return key;
}

} // namespace factline::analyzers
