// QuoteWords: the recorded words of a run of consecutive quotes, as ids of a vocabulary of their
// own. The quote index is built from them, and tokenizing is most of building it: runs are read
// on separate threads and joined, and a snapshot keeps one so that loading it does not tokenize.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "facts/fact_base.h"
#include "facts/word_table.h"

namespace factline::facts {

struct QuoteWords {
  // High bit of a stored word id: the source marked an omission ("...") or an insertion ("[...]")
  // just before this word, so a verbatim run may not cross it.
  static constexpr std::uint32_t kBreakBefore = 0x80000000u;
  static constexpr std::uint32_t kIdMask = 0x7fffffffu;

  std::size_t quote_count = 0;       // how many quotes the run holds
  // A snapshot's run starts with the words of the bundled base's quotes as the binary that wrote
  // it held them (the first `prefix_quotes` of quote_count, `prefix_wordings` wordings), so that
  // the run is the whole index's when the file follows the bundled base: then its arrays are used
  // in place, nothing rewritten (QuoteIndex). 0 for every other run.
  std::size_t prefix_quotes = 0, prefix_wordings = 0;
  WordTable vocabulary;              // ids in order of first appearance in the run
  std::vector<std::uint32_t> ids;    // every recorded word's id, with kBreakBefore
  // A snapshot's ids, viewed in place instead of `ids` (which is then empty), and what keeps
  // their bytes alive (the mapped snapshot). Such a run is used in place or not at all.
  std::span<const std::uint32_t> viewed_ids;
  std::shared_ptr<const void> viewed_owner;
  std::vector<std::uint32_t> starts; // per wording (a quote's text, then its variants): into ids
  std::vector<std::uint32_t> counts; // per word id: how many times it occurs
  // Where each word occurs, when the run was read with them (a snapshot's): for each word id in
  // turn, the positions in `ids` of its counts[id] occurrences, ascending. A view: whoever made
  // the run keeps the bytes alive while it is used. Empty otherwise, and emptied by every change
  // to the run (the index then files the positions itself).
  std::span<const std::uint32_t> postings;
  // The postings' bytes may be given back to the kernel once the index has copied them (they
  // are read once, and nothing else reads them).
  bool postings_disposable = false;

  // The ids, wherever they are.
  std::span<const std::uint32_t> allIds() const {
    return viewed_ids.empty() ? std::span<const std::uint32_t>(ids) : viewed_ids;
  }

  // The words of quotes [first, end): on one thread, or from `parallel_from` quotes on on two,
  // with the same result.
  static QuoteWords read(const std::vector<Quote> &quotes, std::size_t first, std::size_t end,
                         std::size_t parallel_from = static_cast<std::size_t>(-1));

  // Adds the words of quotes [first, end), which must follow this run's, on this thread: what
  // one read() of all of them gives. For reading a base's words in steps, in spare moments.
  void readMore(const std::vector<Quote> &quotes, std::size_t first, std::size_t end);

  // Adds the run of the quotes that follow this run's. Its words are interned after this run's in
  // the order they first appear in it, which gives every word the id one run over all the quotes
  // gives: however the runs were cut, the joined run is the same.
  // From `parallel_from` of later's ids on, they are rewritten on two threads.
  // Returns what each of later's word ids became.
  static constexpr std::size_t kParallelIds = std::size_t{1} << 20;
  std::vector<std::uint32_t> append(const QuoteWords &later,
                                    std::size_t parallel_from = kParallelIds);

  // Puts the run of the quotes just before this run's in front of it, with the same result as
  // earlier.append(*this), but in place: this run's arrays (a snapshot's, millions of words) are
  // rewritten, not copied, and grow only by `earlier`'s. Returns what each of this run's word ids
  // became.
  std::vector<std::uint32_t> prepend(QuoteWords &&earlier);

  // The postings of this run's words, as `postings` describes them (for writing a snapshot).
  std::vector<std::uint32_t> filePostings() const;

  // How many wordings quotes [first, first + quote_count) hold, against starts.size(): a run that
  // does not fit the quotes it is offered for is not used.
  bool fits(const std::vector<Quote> &quotes, std::size_t first) const;
  // The same when the caller has counted the wordings of quotes [first, first + quote_count)
  // among `quote_total` quotes (a million quotes are not read again for it).
  // Postings given must have one position a word.
  bool fits(std::size_t quote_total, std::size_t first, std::size_t wordings) const;
};

} // namespace factline::facts
