// SentenceMemo: each sentence's figure findings, remembered so a re-check redoes only what changed.
#include "analyzers/figure_memo.h"

#include <algorithm>

namespace factline::analyzers {

std::string SentenceMemo::key(const Document &doc, Span sentence, const std::vector<Span> &quoted) {
  const std::size_t len = sentence.end - sentence.begin;
  std::string key;
  key.reserve(2 * len + 16);
  key.append(doc.text(), sentence.begin, len);
  key.push_back('\0');
  key.append(doc.prose(), sentence.begin, len);
  for (const Span &q : quoted) {
    if (!q.overlaps(sentence))
      continue;
    append(key, std::max(q.begin, sentence.begin) - sentence.begin);
    append(key, std::min(q.end, sentence.end) - sentence.begin);
  }
  return key;
}

} // namespace factline::analyzers
