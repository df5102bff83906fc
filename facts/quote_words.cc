// QuoteWords: tokenizing quotes into runs of word ids, and joining runs.
#include "facts/quote_words.h"

#include <algorithm>
#include <future>
#include <string>

#include "facts/normalize.h"

namespace factline::facts {
namespace {

QuoteWords readOne(const std::vector<Quote> &quotes, std::size_t first, std::size_t end) {
  QuoteWords run;
  run.readMore(quotes, first, end);
  return run;
}

// Interns the words of `from` into `vocabulary` in the order of their ids there, adding their
// counts to `counts`: what each of `from`'s ids is in `vocabulary`.
std::vector<std::uint32_t> internAll(WordTable &vocabulary, std::vector<std::uint32_t> &counts,
                                     const QuoteWords &from) {
  std::vector<std::uint32_t> remap(from.vocabulary.size());
  for (std::uint32_t local = 0; local < remap.size(); ++local) {
    remap[local] = vocabulary.intern(from.vocabulary.word(local));
    if (remap[local] == counts.size())
      counts.push_back(0);
    counts[remap[local]] += from.counts[local];
  }
  return remap;
}

} // namespace

QuoteWords QuoteWords::read(const std::vector<Quote> &quotes, std::size_t first, std::size_t end,
                            std::size_t parallel_from) {
  if (end - first < std::max<std::size_t>(parallel_from, 2))
    return readOne(quotes, first, end);
  const std::size_t middle = first + (end - first) / 2;
  auto second = std::async(std::launch::async, readOne, std::cref(quotes), middle, end);
  QuoteWords run;
  run.ids.reserve((end - first) * 36); // room for the second half's too: no copy when joined
  run.readMore(quotes, first, middle);
  run.append(second.get(), 0);
  return run;
}

std::vector<std::uint32_t> QuoteWords::append(const QuoteWords &later, std::size_t parallel_from) {
  postings = {};
  std::vector<std::uint32_t> remap = internAll(vocabulary, counts, later);
  const auto offset = static_cast<std::uint32_t>(ids.size());
  starts.reserve(starts.size() + later.starts.size());
  for (std::uint32_t start : later.starts)
    starts.push_back(start + offset);
  ids.reserve(ids.size() + later.ids.size());
  ids.resize(ids.size() + later.ids.size());
  // Millions of ids (half of a big base's) are rewritten in two halves at once.
  auto rewrite = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
      ids[offset + i] = remap[later.ids[i] & kIdMask] | (later.ids[i] & kBreakBefore);
  };
  const std::size_t n = later.ids.size();
  if (n >= std::max<std::size_t>(parallel_from, 2)) {
    auto second = std::async(std::launch::async, rewrite, n / 2, n);
    rewrite(0, n / 2);
    second.get();
  } else {
    rewrite(0, n);
  }
  quote_count += later.quote_count;
  return remap;
}

std::vector<std::uint32_t> QuoteWords::prepend(QuoteWords &&earlier) {
  postings = {};
  WordTable joined = std::move(earlier.vocabulary);
  std::vector<std::uint32_t> joined_counts = std::move(earlier.counts);
  std::vector<std::uint32_t> remap = internAll(joined, joined_counts, *this);
  // This run's ids are rewritten into the joined vocabulary and moved down past earlier's in one
  // pass, from the back (a snapshot's 34 million: one pass over them instead of two).
  const std::size_t shift = earlier.ids.size(), n = ids.size();
  ids.resize(n + shift);
  for (std::size_t i = n; i-- > 0;) {
    const std::uint32_t id = ids[i];
    ids[i + shift] = remap[id & kIdMask] | (id & kBreakBefore);
  }
  std::copy(earlier.ids.begin(), earlier.ids.end(), ids.begin());
  const auto offset = static_cast<std::uint32_t>(shift);
  for (std::uint32_t &start : starts)
    start += offset;
  starts.insert(starts.begin(), earlier.starts.begin(), earlier.starts.end());
  vocabulary = std::move(joined);
  counts = std::move(joined_counts);
  quote_count += earlier.quote_count;
  return remap;
}

std::vector<std::uint32_t> QuoteWords::filePostings() const {
  std::vector<std::uint32_t> fill(counts.size() + 1, 0);
  for (std::size_t id = 0; id < counts.size(); ++id)
    fill[id + 1] = fill[id] + counts[id];
  std::vector<std::uint32_t> out(ids.size());
  for (std::uint32_t pos = 0; pos < ids.size(); ++pos)
    out[fill[ids[pos] & kIdMask]++] = pos;
  return out;
}

void QuoteWords::readMore(const std::vector<Quote> &quotes, std::size_t first, std::size_t end) {
  QuoteWords &run = *this;
  postings = {};
  // About 34 words a quote; the room grows by halves at least, when read in many steps.
  const std::size_t want = ids.size() + (end - first) * 36;
  if (want > ids.capacity())
    ids.reserve(std::max(want, ids.capacity() + ids.capacity() / 2));
  // A wording's words are folded and hashed first and their slots prefetched, then interned:
  // the table's cache misses, most of the cost, then overlap instead of coming one by one.
  FoldedWords folded;
  std::vector<std::size_t> hashes;
  auto add = [&](std::string_view text) {
    run.starts.push_back(static_cast<std::uint32_t>(run.ids.size()));
    foldedWordsOf(text, folded);
    hashes.resize(folded.words.size());
    for (std::size_t k = 0; k < folded.words.size(); ++k) {
      hashes[k] = WordTable::hash(folded.word(folded.words[k]));
      run.vocabulary.prefetch(hashes[k]);
    }
    for (const std::size_t h : hashes)
      run.vocabulary.prefetchRecord(h);
    for (std::size_t k = 0; k < folded.words.size(); ++k) {
      const FoldedWords::Word &w = folded.words[k];
      const std::uint32_t id = run.vocabulary.intern(folded.word(w), hashes[k]);
      if (id == run.counts.size())
        run.counts.push_back(0);
      ++run.counts[id];
      run.ids.push_back(id | (w.break_before ? QuoteWords::kBreakBefore : 0));
    }
  };
  for (std::size_t qi = first; qi < end; ++qi) {
    add(quotes[qi].text);
    for (const QuoteVariant &v : quotes[qi].variants)
      add(v.text);
  }
  run.quote_count += end - first;
}

bool QuoteWords::fits(const std::vector<Quote> &quotes, std::size_t first) const {
  if (first > quotes.size() || quote_count > quotes.size() - first)
    return false;
  std::size_t wordings = 0;
  for (std::size_t qi = first; qi < first + quote_count; ++qi)
    wordings += 1 + quotes[qi].variants.size();
  return fits(quotes.size(), first, wordings);
}

bool QuoteWords::fits(std::size_t quote_total, std::size_t first, std::size_t wordings) const {
  if (first > quote_total || quote_count > quote_total - first)
    return false;
  if (wordings != starts.size() || counts.size() != vocabulary.size())
    return false;
  const std::size_t id_count = allIds().size();
  if (!postings.empty() && postings.size() != id_count)
    return false;
  for (std::size_t k = 0; k < starts.size(); ++k)
    if (starts[k] > id_count || (k > 0 && starts[k] < starts[k - 1]))
      return false;
  return true;
}

} // namespace factline::facts
