// WordTable: linear probing over a power-of-two table kept at most half full.
#include "facts/word_table.h"

namespace factline::facts {

std::size_t WordTable::hash(std::string_view word) {
  // FNV-1a, then a final mix: short words, well spread.
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : word) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return static_cast<std::size_t>(h);
}

namespace {

std::uint64_t tagOf(std::size_t h) { return (static_cast<std::uint64_t>(h) >> 32 | 1u) << 32; }

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
    const auto id = static_cast<std::uint32_t>(slot) - 1;
    if ((slot & ~0xffffffffull) == tag && this->word(id) == word)
      return id;
  }
}

std::uint32_t WordTable::intern(std::string_view word) {
  if ((size() + 1) * 2 > slots_.size())
    grow();
  const std::size_t h = hash(word);
  const std::uint64_t tag = tagOf(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) {
      auto id = static_cast<std::uint32_t>(size());
      arena_.append(word);
      starts_.push_back(static_cast<std::uint32_t>(arena_.size()));
      slots_[i] = tag | (id + 1);
      return id;
    }
    const auto id = static_cast<std::uint32_t>(slot) - 1;
    if ((slot & ~0xffffffffull) == tag && this->word(id) == word)
      return id;
  }
}

void WordTable::grow() {
  std::vector<std::uint64_t> bigger(slots_.empty() ? 1024 : slots_.size() * 2, 0);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint32_t id = 0; id < size(); ++id) {
    const std::size_t h = hash(word(id));
    std::size_t i = h & mask;
    while (bigger[i] != 0)
      i = (i + 1) & mask;
    bigger[i] = tagOf(h) | (id + 1);
  }
  slots_ = std::move(bigger);
}

} // namespace factline::facts
