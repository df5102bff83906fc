// QuoteIndex: building the interned word arrays and postings; verbatim and near quote lookups.
#include "facts/quote_index.h"

#include <algorithm>
#include <future>
#include <limits>

#include "facts/fact_index.h"
#include "facts/mapped_file.h"
#include "facts/quote_words.h"
#include "facts/word_alignment.h"

namespace factline::facts {
namespace {

constexpr std::uint32_t kNoWording = std::numeric_limits<std::uint32_t>::max();
// Near lookup reads at most this many postings, rarest words first: words more common than that
// cannot tell one quote from another in a large base anyway.
constexpr std::size_t kNearPostingBudget = 1u << 14;
// How many candidate wordings are aligned word by word.
constexpr std::size_t kNearCandidates = 24;

const std::vector<Token> &emptyTokens() {
  static const std::vector<Token> empty;
  return empty;
}

std::vector<Token> wordTokensOf(std::string_view text) {
  std::vector<Token> tokens = tokenize(text);
  std::erase_if(tokens, [](const Token &t) { return t.kind != TokenKind::Word; });
  return tokens;
}

} // namespace

QuoteIndex::QuoteIndex(const FactBase &base, std::size_t parallel_from,
                       std::shared_ptr<QuoteWords> given, std::size_t given_first)
    : base_(base) {
  std::size_t total = 0;
  for (const Quote &q : base.quotes)
    total += 1 + q.variants.size();
  wordings_.reserve(total);
  quote_first_wording_.reserve(base.quotes.size());
  for (std::size_t qi = 0; qi < base.quotes.size(); ++qi) {
    const Quote &q = base.quotes[qi];
    quote_first_wording_.push_back(static_cast<std::uint32_t>(wordings_.size()));
    wordings_.push_back({static_cast<std::uint32_t>(qi), -1});
    for (std::size_t vi = 0; vi < q.variants.size(); ++vi)
      wordings_.push_back({static_cast<std::uint32_t>(qi), static_cast<std::int32_t>(vi)});
  }

  // The recorded words: read here, except for a run read before (a snapshot's) that fits.
  const std::vector<Quote> &quotes = base.quotes;
  if (given && !given->viewed_ids.empty()) {
    // A snapshot's run is the whole index in place, or is not used: its ids are not copied.
    const bool sole = given.use_count() == 1;
    if (viewInPlace(quotes, *given, given_first, sole)) {
      finishBuild();
      return;
    }
    given.reset();
  }
  QuoteWords words;
  // A given run's postings, when it brings them: its word ids as they became, and where its
  // positions start among the joined run's.
  std::span<const std::uint32_t> given_postings;
  std::vector<std::uint32_t> given_counts, given_remap;
  std::uint32_t given_from = 0, given_to = 0;
  bool release_postings = false;
  auto wordingsOf = [&](std::size_t first, std::size_t count) -> std::size_t {
    if (first > quotes.size() || count > quotes.size() - first)
      return 0; // fits() says no
    const std::size_t end = first + count;
    return (end < quotes.size() ? quote_first_wording_[end] : wordings_.size()) -
           (first < quotes.size() ? quote_first_wording_[first] : wordings_.size());
  };
  if (given &&
      given->fits(quotes.size(), given_first, wordingsOf(given_first, given->quote_count))) {
    const std::size_t after = given_first + given->quote_count;
    QuoteWords before = QuoteWords::read(quotes, 0, given_first, parallel_from);
    given_postings = given->postings;
    if (!given_postings.empty())
      given_counts = given->counts;
    given_from = static_cast<std::uint32_t>(before.ids.size());
    given_to = given_from + static_cast<std::uint32_t>(given->ids.size());
    if (given.use_count() == 1) {
      release_postings = given->postings_disposable;
      words = std::move(*given);
      given_remap = words.prepend(std::move(before));
    } else {
      words = std::move(before);
      given_remap = words.append(*given);
    }
    given.reset();
    if (after < quotes.size())
      words.append(QuoteWords::read(quotes, after, quotes.size(), parallel_from));
  } else {
    words = QuoteWords::read(quotes, 0, quotes.size(), parallel_from);
  }
  vocabulary_ = std::move(words.vocabulary);
  own_ids_ = std::move(words.ids);
  wording_start_ = std::move(words.starts);
  std::vector<std::uint32_t> counts = std::move(words.counts);
  wording_start_.push_back(static_cast<std::uint32_t>(own_ids_.size()));
  // Room reserved for words never read is given back; a little is not worth copying millions of
  // ids for.
  if (own_ids_.capacity() - own_ids_.size() > own_ids_.size() / 16)
    own_ids_.shrink_to_fit();
  ids_ = own_ids_;

  // Postings in compressed-row form: one flat array, ascending positions per word.
  postings_start_.assign(counts.size() + 1, 0);
  for (std::size_t id = 0; id < counts.size(); ++id)
    postings_start_[id + 1] = postings_start_[id] + counts[id];
  // Not zeroed: every slot is written below, and the pages are then first touched by the two
  // threads that file the positions, not by one that clears 4 bytes a word first.
  own_postings_.reset(new std::uint32_t[ids_.size()]);
  own_postings_size_ = ids_.size();
  postings_ = own_postings_.get();
  std::uint32_t *const filed = own_postings_.get();
  // Positions [from, to) filed under their words, each word's from `fill`. A big base's halves are
  // filed at once: the first half's positions from the front of each word's list, the second
  // half's from its back, last position first, so that they meet and the postings are the one
  // pass's without the second thread counting the first half's words.
  auto file = [&](std::vector<std::uint32_t> &fill, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t pos = from; pos < to; ++pos)
      filed[fill[ids_[pos] & kIdMask]++] = pos;
  };
  const auto positions = static_cast<std::uint32_t>(ids_.size());
  std::vector<std::uint32_t> fill(postings_start_.begin(), postings_start_.end() - 1);
  if (!given_postings.empty()) {
    // The given run's postings are copied, word after word, behind the positions before it (all
    // lower) and ahead of those after it (all higher): one sequential pass instead of filing
    // each position. Copied pages are given back as the copy goes, when they may be.
    file(fill, 0, given_from);
    const std::uint32_t *from = given_postings.data();
    const std::uint32_t *released = from; // page-aligned after the first release
    constexpr std::size_t kReleaseStep = std::size_t{1} << 20; // positions
    for (std::size_t local = 0; local < given_counts.size(); ++local) {
      std::uint32_t *to = filed + fill[given_remap[local]];
      const std::uint32_t n = given_counts[local];
      for (std::uint32_t k = 0; k < n; ++k)
        to[k] = from[k] + given_from;
      fill[given_remap[local]] += n;
      from += n;
      if (release_postings && static_cast<std::size_t>(from - released) >= kReleaseStep)
        released = reinterpret_cast<const std::uint32_t *>(releasePages(released, from));
    }
    if (release_postings)
      releasePages(released, given_postings.data() + given_postings.size());
    file(fill, given_to, positions);
  } else if (quotes.size() >= std::max<std::size_t>(parallel_from, 2)) {
    const std::uint32_t middle = positions / 2;
    auto second = std::async(std::launch::async, [&] {
      std::vector<std::uint32_t> back(postings_start_.begin() + 1, postings_start_.end());
      for (std::uint32_t pos = positions; pos-- > middle;)
        filed[--back[ids_[pos] & kIdMask]] = pos;
    });
    file(fill, 0, middle);
    second.get();
  } else {
    file(fill, 0, positions);
  }

  finishBuild();
}

bool QuoteIndex::viewInPlace(const std::vector<Quote> &quotes, QuoteWords &given,
                             std::size_t given_first, bool sole_holder) {
  // The run must hold every quote's words, and its postings, with the quotes before given_first
  // (the bundled base's) as its prefix.
  if (given_first != given.prefix_quotes || given.quote_count != quotes.size() ||
      given.postings.empty() || !given.fits(quotes.size(), 0, wordings_.size()) ||
      given.prefix_wordings > given.starts.size())
    return false;
  // The prefix was read by the binary that wrote the snapshot: it must be what these quotes are
  // now, word for word (a few hundred quotes, read again here: microseconds).
  const QuoteWords before = QuoteWords::read(quotes, 0, given_first);
  const std::span<const std::uint32_t> ids = given.viewed_ids;
  const std::size_t prefix_ids = before.ids.size();
  if (before.starts.size() != given.prefix_wordings || prefix_ids > ids.size() ||
      before.vocabulary.size() > given.vocabulary.size() ||
      !std::equal(before.starts.begin(), before.starts.end(), given.starts.begin()) ||
      !std::equal(before.ids.begin(), before.ids.end(), ids.begin()) ||
      (given.prefix_wordings < given.starts.size() &&
       given.starts[given.prefix_wordings] != prefix_ids))
    return false;
  for (std::uint32_t id = 0; id < before.vocabulary.size(); ++id)
    if (before.vocabulary.word(id) != given.vocabulary.word(id))
      return false;
  if (sole_holder) {
    vocabulary_ = std::move(given.vocabulary);
    wording_start_ = std::move(given.starts);
  } else {
    vocabulary_ = given.vocabulary;
    wording_start_ = given.starts;
  }
  wording_start_.push_back(static_cast<std::uint32_t>(ids.size()));
  postings_start_.assign(given.counts.size() + 1, 0);
  for (std::size_t id = 0; id < given.counts.size(); ++id)
    postings_start_[id + 1] = postings_start_[id] + given.counts[id];
  ids_ = ids;
  postings_ = given.postings.data();
  viewed_ = given.viewed_owner;
  return true;
}

void QuoteIndex::finishBuild() {
  block_wording_.resize((ids_.size() >> kBlockBits) + 1);
  for (std::uint32_t w = 0, block = 0; block < block_wording_.size(); ++block) {
    const std::uint32_t pos = block << kBlockBits;
    while (w + 1 < wordings_.size() && wording_start_[w + 1] <= pos)
      ++w;
    block_wording_[block] = w;
  }

  token_cache_ = std::make_unique<std::atomic<const std::vector<Token> *>[]>(wordings_.size());
  for (std::size_t i = 0; i < wordings_.size(); ++i)
    token_cache_[i].store(nullptr, std::memory_order_relaxed);
}

QuoteIndex::~QuoteIndex() {
  for (std::size_t i = 0; i < wordings_.size(); ++i)
    delete token_cache_[i].load(std::memory_order_relaxed);
}

std::uint32_t QuoteIndex::wordId(std::string_view folded) const {
  std::uint32_t id = vocabulary_.find(folded);
  return id == WordTable::kMissing ? kUnknownWord : id;
}

std::size_t QuoteIndex::frequency(std::uint32_t id) const {
  if (id >= vocabularySize())
    return 0;
  return postings_start_[id + 1] - postings_start_[id];
}

std::size_t QuoteIndex::memoryBytes() const {
  return wordings_.capacity() * sizeof(CompactWording) +
         (quote_first_wording_.capacity() + wording_start_.capacity() + own_ids_.capacity() +
          postings_start_.capacity() + own_postings_size_) *
             sizeof(std::uint32_t) +
         block_wording_.capacity() * sizeof(std::uint32_t) + vocabulary_.memoryBytes() +
         wordings_.size() * sizeof(void *);
}

std::uint32_t QuoteIndex::wordingIndex(Wording w) const {
  if (w.quote >= quote_first_wording_.size() || w.variant < -1)
    return kNoWording;
  const Quote &q = base_.quotes[w.quote];
  if (w.variant >= static_cast<int>(q.variants.size()))
    return kNoWording;
  return quote_first_wording_[w.quote] + static_cast<std::uint32_t>(w.variant + 1);
}

Wording QuoteIndex::publicWording(std::uint32_t index) const {
  return Wording{wordings_[index].quote, wordings_[index].variant};
}

std::uint32_t QuoteIndex::wordingAt(std::uint32_t position) const {
  std::uint32_t w = block_wording_[position >> kBlockBits];
  while (wording_start_[w + 1] <= position)
    ++w;
  return w;
}

std::string_view QuoteIndex::wordingText(Wording w) const {
  if (wordingIndex(w) == kNoWording)
    return {};
  const Quote &q = base_.quotes[w.quote];
  return w.variant < 0 ? std::string_view(q.text)
                       : std::string_view(q.variants[static_cast<std::size_t>(w.variant)].text);
}

const std::vector<Token> &QuoteIndex::wordingTokens(Wording w) const {
  std::uint32_t index = wordingIndex(w);
  if (index == kNoWording)
    return emptyTokens();
  auto &slot = token_cache_[index];
  if (const auto *cached = slot.load(std::memory_order_acquire))
    return *cached;
  // Tokens are made again from the text rather than kept for every wording: a million quotes'
  // tokens would cost gigabytes, and only matched wordings are ever asked for.
  auto *fresh = new std::vector<Token>(wordTokensOf(wordingText(w)));
  const std::vector<Token> *expected = nullptr;
  if (slot.compare_exchange_strong(expected, fresh, std::memory_order_acq_rel))
    return *fresh;
  delete fresh; // another thread published first
  return *expected;
}

// True when `run` is found at ids_[start...] inside [begin, end) without crossing a break.
bool QuoteIndex::runAt(const std::vector<std::uint32_t> &run, std::uint32_t start,
                       std::uint32_t begin, std::uint32_t end) const {
  if (start < begin || start + run.size() > end)
    return false;
  for (std::size_t k = 0; k < run.size(); ++k) {
    std::uint32_t stored = ids_[start + k];
    if ((stored & kIdMask) != run[k] || (k > 0 && (stored & kBreakBefore)))
      return false;
  }
  return true;
}

std::vector<QuoteMatch> QuoteIndex::findVerbatim(const std::vector<Token> &words) const {
  // The draft's words in runs that must each be contiguous in the record: "..." and "[...]" split
  // them (an insertion stands for words the speaker said, so it allows any in between).
  std::vector<std::vector<std::uint32_t>> pieces(1);
  for (const Token &t : words) {
    if (t.kind != TokenKind::Word) {
      if (!pieces.back().empty())
        pieces.emplace_back();
      continue;
    }
    std::uint32_t id = wordId(t.norm);
    if (id == kUnknownWord)
      return {}; // a word never recorded: no wording holds it
    pieces.back().push_back(id);
  }
  if (pieces.back().empty())
    pieces.pop_back();
  if (pieces.empty())
    return {};

  // Anchor on the rarest word: every match holds it, so its postings are the only candidates.
  std::size_t anchor_piece = 0, anchor_offset = 0, rarest = std::numeric_limits<std::size_t>::max();
  for (std::size_t p = 0; p < pieces.size(); ++p)
    for (std::size_t k = 0; k < pieces[p].size(); ++k)
      if (frequency(pieces[p][k]) < rarest) {
        rarest = frequency(pieces[p][k]);
        anchor_piece = p;
        anchor_offset = k;
      }

  std::vector<QuoteMatch> out;
  const std::uint32_t anchor_id = pieces[anchor_piece][anchor_offset];
  for (std::uint32_t i = postings_start_[anchor_id]; i < postings_start_[anchor_id + 1]; ++i) {
    std::uint32_t pos = postings_[i];
    if (pos < anchor_offset)
      continue;
    std::uint32_t wi = wordingAt(pos);
    std::uint32_t begin = wording_start_[wi], end = wording_start_[wi + 1];
    std::uint32_t start = pos - static_cast<std::uint32_t>(anchor_offset);
    if (!runAt(pieces[anchor_piece], start, begin, end))
      continue;
    // Pieces before the anchor, nearest first, each ending at or before the next one's start;
    // pieces after it, earliest first. Greedy choice is enough to decide whether an order exists.
    std::uint32_t first = start,
                  last = start + static_cast<std::uint32_t>(pieces[anchor_piece].size());
    bool found = true;
    for (std::size_t p = anchor_piece; p-- > 0 && found;) {
      auto len = static_cast<std::uint32_t>(pieces[p].size());
      found = false;
      for (std::uint32_t s = first; s-- > begin;)
        if (s + len <= first && runAt(pieces[p], s, begin, end)) {
          first = s;
          found = true;
          break;
        }
    }
    for (std::size_t p = anchor_piece + 1; p < pieces.size() && found; ++p) {
      auto len = static_cast<std::uint32_t>(pieces[p].size());
      found = false;
      for (std::uint32_t s = last; s + len <= end; ++s)
        if (runAt(pieces[p], s, begin, end)) {
          last = s + len;
          found = true;
          break;
        }
    }
    if (!found)
      continue;
    QuoteMatch m{publicWording(wi), first - begin, last - begin};
    if (!out.empty() && out.back().wording == m.wording && out.back().first == m.first &&
        out.back().last == m.last)
      continue;
    out.push_back(m);
  }
  return out;
}

std::vector<NearQuote> QuoteIndex::findNear(const std::vector<Token> &words, std::size_t max,
                                            double min_score) const {
  std::vector<std::uint32_t> draft;
  std::vector<bool> gap_after;
  for (const Token &t : words) {
    if (t.kind != TokenKind::Word) {
      if (!draft.empty())
        gap_after.back() = true;
      continue;
    }
    draft.push_back(wordId(t.norm));
    gap_after.push_back(false);
  }
  if (draft.empty() || max == 0)
    return {};

  // Candidates: wordings holding the draft's rarer words, read rarest first within a budget.
  std::vector<std::uint32_t> distinct;
  for (std::uint32_t id : draft)
    if (id != kUnknownWord)
      distinct.push_back(id);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::sort(distinct.begin(), distinct.end(), [&](std::uint32_t a, std::uint32_t b) {
    return frequency(a) != frequency(b) ? frequency(a) < frequency(b) : a < b;
  });
  // Which rare words are read: rarest first, within the budget, at most 64 (one bit each).
  std::vector<std::uint32_t> rare;
  std::size_t budget = kNearPostingBudget;
  for (std::uint32_t id : distinct) {
    std::size_t df = frequency(id);
    if (df > budget || rare.size() == 64)
      break;
    budget -= df;
    rare.push_back(id);
  }
  // Merge their postings (each ascending) into one ascending walk over positions: the wordings
  // come out in order, so the shared words of each are counted without sorting or hashing.
  // Each cursor holds the position it stands at, so the heap compares without reading postings_
  // (positions are unique, so the order is the same).
  struct Cursor {
    std::uint32_t pos, next, end, word;
  };
  auto later = [](const Cursor &a, const Cursor &b) { return a.pos > b.pos; };
  std::vector<Cursor> heap;
  for (std::uint32_t k = 0; k < rare.size(); ++k)
    if (frequency(rare[k]) > 0)
      heap.push_back({postings_[postings_start_[rare[k]]], postings_start_[rare[k]],
                      postings_start_[rare[k] + 1], k});
  std::make_heap(heap.begin(), heap.end(), later);
  struct Candidate {
    std::uint32_t wording, shared, min_pos, max_pos;
  };
  struct Hit {
    std::uint32_t pos, word;
  };
  std::vector<Hit> hits; // the walk's positions, ascending, each with its rare word
  hits.reserve(kNearPostingBudget - budget); // the rare words' postings, all of them
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    Cursor &c = heap.back();
    hits.push_back({c.pos, c.word});
    if (++c.next == c.end) {
      heap.pop_back();
    } else {
      c.pos = postings_[c.next];
      std::push_heap(heap.begin(), heap.end(), later);
    }
  }
  // Each position's wording: two loads far apart in a big base's arrays (the block's first
  // wording, then the wordings' starts), a cache miss each. The lines are asked for ahead, the
  // first 16 positions ahead and the second (which needs the first) 8 ahead, so that the misses
  // of a walk overlap instead of coming one by one: with a million quotes they were most of a
  // near lookup.
  constexpr std::size_t kAhead = 16;
  auto blockOf = [&](std::uint32_t pos) { return &block_wording_[pos >> kBlockBits]; };
  for (std::size_t i = 0; i < std::min(hits.size(), kAhead); ++i)
    __builtin_prefetch(blockOf(hits[i].pos));
  std::vector<Candidate> candidates;
  std::uint64_t words_seen = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (i + kAhead < hits.size())
      __builtin_prefetch(blockOf(hits[i + kAhead].pos));
    if (i + kAhead / 2 < hits.size())
      __builtin_prefetch(&wording_start_[*blockOf(hits[i + kAhead / 2].pos) + 1]);
    const std::uint32_t pos = hits[i].pos;
    const std::uint32_t wording = wordingAt(pos);
    if (candidates.empty() || candidates.back().wording != wording) {
      candidates.push_back({wording, 0, pos, pos});
      words_seen = 0;
    }
    Candidate &cand = candidates.back();
    if (!(words_seen & (1ull << hits[i].word))) {
      words_seen |= 1ull << hits[i].word;
      ++cand.shared;
    }
    cand.max_pos = pos;
  }
  std::size_t keep = std::min(candidates.size(), kNearCandidates);
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                    candidates.end(), [](const Candidate &a, const Candidate &b) {
                      return a.shared != b.shared ? a.shared > b.shared : a.wording < b.wording;
                    });
  candidates.resize(keep);

  std::vector<NearQuote> out;
  std::vector<std::uint32_t> record;
  AlignmentOptions options;
  options.gap_after = &gap_after;
  const auto slack = static_cast<std::uint32_t>(draft.size() + 2);
  // An alignment's Same words pair draft words with equal record words one to one, so there are
  // at most as many as the two share, counted with repeats; and its score, 2 * same / (draft +
  // window), is at most 2 * shared / (draft + shared), the window holding every Same word. A
  // stretch whose bound is below min_score is not aligned: it could not have been kept.
  std::vector<std::uint32_t> draft_sorted(draft.begin(), draft.end()), record_sorted;
  std::sort(draft_sorted.begin(), draft_sorted.end());
  auto sharedWords = [&] {
    record_sorted.assign(record.begin(), record.end());
    std::sort(record_sorted.begin(), record_sorted.end());
    std::size_t shared = 0;
    for (auto d = draft_sorted.begin(), r = record_sorted.begin();
         d != draft_sorted.end() && r != record_sorted.end();)
      if (*d < *r)
        ++d;
      else if (*r < *d)
        ++r;
      else
        ++shared, ++d, ++r;
    return shared;
  };
  for (const Candidate &c : candidates) {
    // Align only with the stretch of the wording around the shared words.
    std::uint32_t begin = wording_start_[c.wording], end = wording_start_[c.wording + 1];
    std::uint32_t lo = c.min_pos - begin > slack ? c.min_pos - slack : begin;
    std::uint32_t hi = std::min(end, c.max_pos + 1 + slack);
    record.clear();
    for (std::uint32_t p = lo; p < hi; ++p)
      record.push_back(ids_[p] & kIdMask);
    const std::size_t shared = sharedWords();
    if (shared == 0 ||
        2.0 * static_cast<double>(shared) / static_cast<double>(draft.size() + shared) < min_score)
      continue;
    WordAlignment a = alignWordIds(draft, record, options);
    if (a.score < min_score || a.same == 0)
      continue;
    out.push_back({publicWording(c.wording), a.score, lo - begin + a.record_first,
                   lo - begin + a.record_last});
  }
  std::sort(out.begin(), out.end(), [&](const NearQuote &a, const NearQuote &b) {
    if (a.score != b.score)
      return a.score > b.score;
    return wordingIndex(a.wording) < wordingIndex(b.wording);
  });
  if (out.size() > max)
    out.resize(max);
  return out;
}

} // namespace factline::facts
