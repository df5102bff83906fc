// WordTable: interns folded words as dense uint32 ids, with the strings in one arena and an
// open-addressing table of ids, so that millions of lookups cost no allocation each.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace factline::facts {

// Built on one thread; once built, find() and word() may be called from any number of threads.
class WordTable {
public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  // The hash the table files `word` under: callers interning many words may compute it ahead
  // and prefetch() its slot, so that the table's cache misses overlap.
  static std::size_t hash(std::string_view word);
  void prefetch(std::size_t hash) const {
    if (!slots_.empty())
      __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }

  // After prefetch(hash) has had time to land: prefetches the record of the word the hash's slot
  // most likely holds, the lookup's second cache miss.
  void prefetchRecord(std::size_t hash) const {
    if (slots_.empty())
      return;
    const std::uint64_t slot = slots_[hash & (slots_.size() - 1)];
    if (slot != 0)
      __builtin_prefetch(arena_.data() + static_cast<std::uint32_t>(slot) - 1);
  }

  // The id of `word`, adding it when new (ids count up from 0 in order of first appearance).
  std::uint32_t intern(std::string_view word) { return intern(word, hash(word)); }
  std::uint32_t intern(std::string_view word, std::size_t hash);
  // The id of `word`, or kMissing.
  std::uint32_t find(std::string_view word) const;

  std::string_view word(std::uint32_t id) const { return recordWord(starts_[id]); }
  std::size_t size() const { return starts_.size(); }
  std::size_t memoryBytes() const {
    return arena_.capacity() + starts_.capacity() * 4 + slots_.capacity() * 8;
  }

private:
  void grow();
  std::uint32_t recordId(std::uint32_t at) const {
    std::uint32_t id;
    std::memcpy(&id, arena_.data() + at, 4);
    return id;
  }
  std::string_view recordWord(std::uint32_t at) const {
    std::uint32_t length;
    std::memcpy(&length, arena_.data() + at + 4, 4);
    return {arena_.data() + at + 8, length};
  }

  // Every word's record, back to back: its id (4 bytes), its length (4 bytes), its bytes. A slot
  // points at the record, so that a lookup reads one cache line of the arena, not also a table of
  // offsets.
  std::string arena_;
  std::vector<std::uint32_t> starts_; // per id: where its record starts in arena_
  // tag << 32 | (record offset + 1), or 0 for an empty slot. The tag (high bits of the word's
  // hash) settles most probes that meet another word without reading that word.
  std::vector<std::uint64_t> slots_;
};

} // namespace factline::facts
