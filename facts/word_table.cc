// WordTable: linear probing over a power-of-two table kept at most half full.
#include "facts/word_table.h"

#include <cstring>

namespace factline::facts {

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

std::uint32_t WordTable::add(std::string_view word, std::size_t slot, std::uint64_t tag) {
  const auto id = static_cast<std::uint32_t>(size());
  const auto at = static_cast<std::uint32_t>(arena_.size());
  const auto length = static_cast<std::uint32_t>(word.size());
  char header[8];
  std::memcpy(header, &id, 4);
  std::memcpy(header + 4, &length, 4);
  arena_.append(header, 8);
  arena_.append(word);
  starts_.push_back(at);
  slots_[slot] = tag | (at + 1);
  --room_;
  return id;
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
  mask_ = slots_.size() - 1;
  room_ = slots_.size() / 2 - starts_.size();
}

} // namespace factline::facts
