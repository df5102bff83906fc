// WordTable: interns folded words as dense uint32 ids, with the strings in one arena and an
// open-addressing table of ids, so that millions of lookups cost no allocation each.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace factline::facts {

// Built on one thread; once built, find() and word() may be called from any number of threads.
class WordTable {
public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  // The id of `word`, adding it when new (ids count up from 0 in order of first appearance).
  std::uint32_t intern(std::string_view word);
  // The id of `word`, or kMissing.
  std::uint32_t find(std::string_view word) const;

  std::string_view word(std::uint32_t id) const {
    return std::string_view(arena_).substr(starts_[id], starts_[id + 1] - starts_[id]);
  }
  std::size_t size() const { return starts_.size() - 1; }
  std::size_t memoryBytes() const {
    return arena_.capacity() + starts_.capacity() * 4 + slots_.capacity() * 8;
  }

private:
  static std::size_t hash(std::string_view word);
  void grow();

  std::string arena_;                    // every word, back to back
  std::vector<std::uint32_t> starts_{0}; // per id + 1: where its word starts in arena_
  // tag << 32 | (id + 1), or 0 for an empty slot. The tag (high bits of the word's hash) settles
  // most probes that meet another word without reading that word.
  std::vector<std::uint64_t> slots_;
};

} // namespace factline::facts
