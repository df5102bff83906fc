// WordTable: linear probing over a power-of-two table kept at most half full.
#include "facts/word_table.h"

#include <cstring>

namespace factline::facts {

std::size_t WordTable::hash(std::string_view word) {
  // Eight bytes at a time, each block multiplied in, then a final mix: short words, well spread,
  // and a word of up to eight letters costs one multiplication.
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

namespace {

std::uint64_t tagOf(std::size_t h) { return (static_cast<std::uint64_t>(h) >> 32 | 1u) << 32; }

// Words are short: a loop the compiler keeps inline beats a call to memcmp.
bool sameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k])
      return false;
  return true;
}

} // namespace

std::uint32_t WordTable::find(std::string_view word) const {
  if (slots_.empty())
    return kMissing;
  const std::size_t h = hash(word);
  const std::uint64_t tag = tagOf(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0)
      return kMissing;
    const auto at = static_cast<std::uint32_t>(slot) - 1;
    if ((slot & ~0xffffffffull) == tag && sameWord(recordWord(at), word))
      return recordId(at);
  }
}

std::uint32_t WordTable::intern(std::string_view word, std::size_t h) {
  if ((size() + 1) * 2 > slots_.size())
    grow();
  const std::uint64_t tag = tagOf(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) {
      const auto id = static_cast<std::uint32_t>(size());
      const auto at = static_cast<std::uint32_t>(arena_.size());
      const auto length = static_cast<std::uint32_t>(word.size());
      char header[8];
      std::memcpy(header, &id, 4);
      std::memcpy(header + 4, &length, 4);
      arena_.append(header, 8);
      arena_.append(word);
      starts_.push_back(at);
      slots_[i] = tag | (at + 1);
      return id;
    }
    const auto at = static_cast<std::uint32_t>(slot) - 1;
    if ((slot & ~0xffffffffull) == tag && sameWord(recordWord(at), word))
      return recordId(at);
  }
}

void WordTable::grow() {
  std::vector<std::uint64_t> bigger(slots_.empty() ? 1024 : slots_.size() * 2, 0);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint32_t at : starts_) {
    const std::size_t h = hash(recordWord(at));
    std::size_t i = h & mask;
    while (bigger[i] != 0)
      i = (i + 1) & mask;
    bigger[i] = tagOf(h) | (at + 1);
  }
  slots_ = std::move(bigger);
}

} // namespace factline::facts
