// WordTable: interns folded words as dense uint32 ids, with the strings in one arena and an
// open-addressing table of ids, so that millions of lookups cost no allocation each.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factline::facts {

// Built on one thread; once built, find() and word() may be called from any number of threads.
class WordTable {
public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  WordTable() = default;
  WordTable(const WordTable &) = default;
  WordTable &operator=(const WordTable &) = default;
  // A table moved from is empty, and may be used again.
  WordTable(WordTable &&other) noexcept { *this = std::move(other); }
  WordTable &operator=(WordTable &&other) noexcept {
    arena_ = std::move(other.arena_);
    starts_ = std::move(other.starts_);
    slots_ = std::move(other.slots_);
    mask_ = std::exchange(other.mask_, 0);
    room_ = std::exchange(other.room_, 0);
    other.arena_.clear();
    other.starts_.clear();
    other.slots_.clear();
    return *this;
  }

  // The hash the table files `word` under: callers interning many words may compute it ahead
  // and prefetch() its slot, so that the table's cache misses overlap.
  static std::size_t hash(std::string_view word) {
    // Eight bytes at a time, each block multiplied in, then a final mix: short words, well
    // spread, and a word of up to eight letters costs one multiplication. Inline: building an
    // index hashes tens of millions of words.
    const char *p = word.data();
    std::size_t n = word.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    while (n >= 8) {
      std::uint64_t block;
      std::memcpy(&block, p, 8);
      h = (h ^ block) * 0xbf58476d1ce4e5b9ull;
      h ^= h >> 31;
      p += 8;
      n -= 8;
    }
    // The last 1 to 7 bytes without a variable-length copy (a call to memcpy): two 4-byte loads
    // that overlap, or the first, middle and last byte. Given the length, which the seed holds,
    // either covers every byte.
    if (n >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      h = (h ^ (static_cast<std::uint64_t>(a) << 32 | b)) * 0xbf58476d1ce4e5b9ull;
    } else if (n > 0) {
      const auto *u = reinterpret_cast<const unsigned char *>(p);
      const std::uint64_t block = static_cast<std::uint64_t>(u[0]) << 16 |
                                  static_cast<std::uint64_t>(u[n >> 1]) << 8 | u[n - 1];
      h = (h ^ block) * 0xbf58476d1ce4e5b9ull;
    }
    h ^= h >> 29;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 32;
    return static_cast<std::size_t>(h);
  }
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
  std::uint32_t intern(std::string_view word, std::size_t hash) {
    if (room_ == 0)
      grow();
    const std::uint64_t tag = tagOf(hash);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0)
        return add(word, i, tag);
      const auto at = static_cast<std::uint32_t>(slot) - 1;
      if ((slot & ~0xffffffffull) == tag && sameWord(recordWord(at), word))
        return recordId(at);
    }
  }
  // The id of `word`, or kMissing.
  std::uint32_t find(std::string_view word) const;

  // Whether two words are the same bytes, as lookups compare them (most are told apart by their
  // hashes before). Words are short: whole 8- or 4-byte loads that overlap at the end, compared
  // inline, beat a loop of a byte a step and a call to memcmp.
  static bool sameWord(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size())
      return false;
    const char *p = a.data(), *q = b.data();
    auto load8 = [](const char *at) {
      std::uint64_t v;
      std::memcpy(&v, at, 8);
      return v;
    };
    auto load4 = [](const char *at) {
      std::uint32_t v;
      std::memcpy(&v, at, 4);
      return v;
    };
    if (n >= 8) {
      for (std::size_t k = 0; k + 8 < n; k += 8)
        if (load8(p + k) != load8(q + k))
          return false;
      return load8(p + n - 8) == load8(q + n - 8);
    }
    if (n >= 4)
      return load4(p) == load4(q) && load4(p + n - 4) == load4(q + n - 4);
    for (std::size_t k = 0; k < n; ++k)
      if (p[k] != q[k])
        return false;
    return true;
  }
  std::string_view word(std::uint32_t id) const { return recordWord(starts_[id]); }
  std::size_t size() const { return starts_.size(); }
  std::size_t memoryBytes() const {
    return arena_.capacity() + starts_.capacity() * 4 + slots_.capacity() * 8;
  }

private:
  static std::uint64_t tagOf(std::size_t h) {
    return (static_cast<std::uint64_t>(h) >> 32 | 1u) << 32;
  }
  // Files a new word in empty slot `slot`.
  std::uint32_t add(std::string_view word, std::size_t slot, std::uint64_t tag);
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
  std::size_t mask_ = 0; // slots_.size() - 1
  std::size_t room_ = 0; // words that may be added before the table grows (kept at most half full)
};

} // namespace factline::facts
