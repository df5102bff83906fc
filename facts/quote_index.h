// QuoteIndex: every recorded wording as interned word ids, with positional postings per word, so
// that verbatim and near lookups cost what the query's rarest words cost, not the base's size.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "facts/fact_base.h"
#include "facts/normalize.h"
#include "facts/quote_words.h"
#include "facts/word_table.h"

namespace factline::facts {

struct Wording;
struct QuoteMatch;
struct NearQuote;

// Built once from a FactBase (which must outlive it and not change); then read-only and safe to
// query from any number of threads. wordingTokens() fills a per-wording cache lazily with an
// atomic publish, so it too may be called from any thread.
class QuoteIndex {
public:
  static constexpr std::uint32_t kUnknownWord = 0x7fffffffu;
  // From this many quotes on, the recorded words are read on two threads.
  static constexpr std::size_t kParallelQuotes = 20000;

  // `parallel_from`: from this many quotes on, two threads read them (tests set it to compare).
  // `given`: the words of quotes [given_first, given_first + given->quote_count), read before (a
  // snapshot's), used instead of reading those quotes when they fit them; taken over (not
  // copied) when nothing else holds them.
  explicit QuoteIndex(const FactBase &base, std::size_t parallel_from = kParallelQuotes,
                      std::shared_ptr<QuoteWords> given = nullptr, std::size_t given_first = 0);
  ~QuoteIndex();
  QuoteIndex(const QuoteIndex &) = delete;
  QuoteIndex &operator=(const QuoteIndex &) = delete;

  std::size_t wordingCount() const { return wordings_.size(); }
  std::size_t wordCount() const { return ids_.size(); }
  std::size_t vocabularySize() const { return postings_start_.size() - 1; }

  // True when the word list and the postings are a snapshot's, viewed in place (nothing copied).
  bool viewsSnapshot() const { return viewed_ != nullptr; }

  // The interned id of a folded word, or kUnknownWord.
  std::uint32_t wordId(std::string_view folded) const;
  // How many recorded words are this word (its posting list's length).
  std::size_t frequency(std::uint32_t id) const;
  // Where the word is recorded: its positions in the word list, ascending (empty for an id
  // out of range).
  std::span<const std::uint32_t> postings(std::uint32_t id) const {
    if (id >= vocabularySize())
      return {};
    return {postings_ + postings_start_[id], frequency(id)};
  }

  const std::vector<Token> &wordingTokens(Wording w) const;
  std::string_view wordingText(Wording w) const;

  std::vector<QuoteMatch> findVerbatim(const std::vector<Token> &words) const;
  std::vector<NearQuote> findNear(const std::vector<Token> &words, std::size_t max,
                                  double min_score) const;

  // Bytes held by the index's arrays of its own (not the FactBase, not a snapshot's arrays viewed
  // in place, not the lazily filled token cache).
  std::size_t memoryBytes() const;

private:
  static constexpr std::uint32_t kBreakBefore = QuoteWords::kBreakBefore;
  static constexpr std::uint32_t kIdMask = QuoteWords::kIdMask;

  struct CompactWording {
    std::uint32_t quote;
    std::int32_t variant;
  };

  std::uint32_t wordingIndex(Wording w) const; // or UINT32_MAX when w names nothing
  std::uint32_t wordingAt(std::uint32_t position) const;
  bool runAt(const std::vector<std::uint32_t> &run, std::uint32_t start, std::uint32_t begin,
             std::uint32_t end) const;
  Wording publicWording(std::uint32_t index) const;

  const FactBase &base_;
  std::vector<CompactWording> wordings_;
  std::vector<std::uint32_t> quote_first_wording_; // per quote: index of its main text's wording
  std::vector<std::uint32_t> wording_start_;       // per wording + 1: offset into ids_
  // Every recorded word, wording after wording: own_ids_, or a snapshot's viewed in place.
  std::span<const std::uint32_t> ids_;
  std::vector<std::uint32_t> own_ids_;
  WordTable vocabulary_;
  // Per block of 2^kBlockBits positions: the wording holding the block's first position, so that
  // a position's wording is found in a step or two instead of a binary search.
  static constexpr unsigned kBlockBits = 6;
  std::vector<std::uint32_t> block_wording_;
  std::vector<std::uint32_t> postings_start_; // per word id + 1: offset into postings_
  // Positions into ids_, ascending per word: own_postings_, or a snapshot's viewed in place.
  const std::uint32_t *postings_ = nullptr;
  std::unique_ptr<std::uint32_t[]> own_postings_;
  std::size_t own_postings_size_ = 0;
  std::shared_ptr<const void> viewed_; // keeps viewed ids and postings alive (a mapped snapshot)
  // Takes `given`'s arrays as the index's own, when it holds the words of every quote and its
  // prefix is the words of the quotes before given_first (facts/quote_words.h, prefix_quotes).
  bool viewInPlace(const std::vector<Quote> &quotes, QuoteWords &given, std::size_t given_first,
                   bool sole_holder);
  void finishBuild(); // the tables every build ends with: positions' wordings, token cache
  mutable std::unique_ptr<std::atomic<const std::vector<Token> *>[]> token_cache_;
};

} // namespace factline::facts
