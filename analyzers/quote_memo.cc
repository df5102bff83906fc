// QuoteMemo: each quotation's findings, remembered so a re-check redoes only changed quotes.
#include "analyzers/quote_memo.h"

#include <algorithm>

namespace factline::analyzers {

Span QuoteMemo::extent(const Quotation &q) {
  return {q.open.begin, std::max({q.open.end, q.close.end, q.words.end})};
}

std::string QuoteMemo::key(const Document &doc, const Quotation &q, const Attribution &a) {
  const Span e = extent(q);
  const std::size_t len = e.end - e.begin;
  std::string key;
  key.reserve(len + 160);
  appendTextAndProse(key, doc.text(), doc.prose(), e.begin, e.end);
  // Offsets before the extent (a speaker named before the quote) wrap around: still exact.
  auto span = [&](Span s) {
    append(key, s.begin - e.begin);
    append(key, s.end - e.begin);
  };
  span(q.open);
  span(q.close);
  span(q.words);
  span(q.credit);
  append(key, static_cast<std::size_t>(q.style));
  append(key, static_cast<std::size_t>(q.depth));
  append(key, (q.terminated ? 1u : 0u) | (q.multi_paragraph ? 2u : 0u));
  if (q.multi_paragraph) // the paragraphs it is split into when checked one by one
  {
    const auto &blocks = doc.blocks(); // in order, apart: their ends are ordered too
    auto b = std::partition_point(blocks.begin(), blocks.end(),
                                  [&](const Block &x) { return x.span.end <= e.begin; });
    for (; b != blocks.end() && b->span.begin < e.end; ++b)
      span(b->span);
  }
  key.push_back('\0');
  append(key, static_cast<std::size_t>(a.source));
  if (a.person)
    key.append(a.person->id);
  // What the check reads of the attribution: not the clause itself, whose words matter only
  // through what was found in them, so typing on in "..., Zuckerberg said" checks nothing again.
  key.push_back('\0');
  append(key, (a.stranger ? 1u : 0u) | (a.carried ? 2u : 0u) | (a.sure ? 4u : 0u) |
                  (a.asking ? 8u : 0u));
  span(a.name);
  auto words = [&](std::string_view w) {
    append(key, w.size());
    key.append(w);
  };
  words(doc.prose(a.name)); // a finding names a stranger by these words
  words(a.pronoun);
  words(a.role);
  append(key, a.others.size());
  for (const facts::Person *other : a.others)
    words(other->id);
  for (const std::string &event : a.events) {
    key.push_back('\0');
    key.append(event);
  }
  key.push_back(static_cast<char>('\1' + static_cast<int>(a.setting_from)));
  key.append(a.draft_date);
  for (const std::string &event : a.setting_specific) {
    key.push_back('\0');
    key.append(event);
  }
  key.push_back('\1');
  for (const std::string &event : a.setting) {
    key.push_back('\0');
    key.append(event);
  }
  return key;
}

} // namespace factline::analyzers
