// IdTable: an entry's id to its index in its vector, by open addressing over the entries' own ids.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace factline::facts {

// A million quotes and a million figures each need an id lookup. A node-based map costs an
// allocation and a copy of the id per entry (about 70 bytes each, and most of the time of
// building it); this table holds 8 bytes a slot (a hash tag and the index) and compares against
// the id already stored in the entry. Indices stay valid when the vector grows; the table must be
// rebuilt when entries move to other indices. Reads from any number of threads once built.
class IdTable {
public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  void clear() {
    slots_.clear();
    size_ = 0;
  }
  // Room for `n` ids without growing; only before the first insert.
  void reserve(std::size_t n) {
    if (size_ == 0 && slotsFor(n) > slots_.size())
      slots_.assign(slotsFor(n), 0);
  }

  // The index of the entry with `id`, or npos. `idOf(i)` gives the id of entry i.
  template <typename IdOf> std::size_t find(std::string_view id, const IdOf &idOf) const {
    return find(id, hash(id), idOf);
  }
  // The same with hash(id) computed before, and its slot perhaps prefetched: a lookup asked for
  // ahead of the time it is needed does not wait for the table's cache line.
  static std::uint64_t hash(std::string_view id) {
    std::uint64_t h = std::hash<std::string_view>{}(id);
    h ^= h >> 31; // the table uses the low bits, the tag the high ones: spread both
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  }
  void prefetch(std::uint64_t h) const {
    if (!slots_.empty())
      __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
  }
  template <typename IdOf>
  std::size_t find(std::string_view id, std::uint64_t h, const IdOf &idOf) const {
    if (slots_.empty())
      return npos;
    const std::uint32_t tag = tagOf(h);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      const std::uint64_t slot = slots_[s];
      if (slot == 0)
        return npos;
      if (static_cast<std::uint32_t>(slot >> 32) == tag) {
        const std::size_t index = static_cast<std::uint32_t>(slot) - 1;
        if (idOf(index) == id)
          return index;
      }
    }
  }

  // Adds `index` under `id` unless the id is present; returns the index that holds it then.
  template <typename IdOf>
  std::size_t insert(std::string_view id, std::size_t index, const IdOf &idOf) {
    return place(id, index, idOf, false);
  }
  // Adds `index` under `id`, replacing the index an equal id had.
  template <typename IdOf> void assign(std::string_view id, std::size_t index, const IdOf &idOf) {
    place(id, index, idOf, true);
  }

  // Indexes entries 0 to n - 1 afresh, the last entry of an id winning: what clear() and assign()
  // for each entry in turn give. A million ids fill a 16 MB table, a cache miss a slot; each
  // slot's line is asked for kAhead entries before it is written, so the misses overlap.
  template <typename IdOf> void assignAll(std::size_t n, const IdOf &idOf) {
    clear();
    reserve(n);
    if (n == 0)
      return;
    // Two stages ahead: the id's bytes (which live with the entry's other strings, a cache miss
    // of their own) 2 * kAhead entries before, its slot kAhead entries before.
    constexpr std::size_t kAhead = 32;
    std::uint64_t hashes[kAhead];
    const std::size_t mask = slots_.size() - 1;
    auto ask = [&](std::size_t i) {
      hashes[i % kAhead] = hash(idOf(i));
      __builtin_prefetch(&slots_[hashes[i % kAhead] & mask], 1);
    };
    for (std::size_t i = 0; i < n && i < 2 * kAhead; ++i)
      __builtin_prefetch(idOf(i).data());
    for (std::size_t i = 0; i < n && i < kAhead; ++i)
      ask(i);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t h = hashes[i % kAhead];
      if (i + 2 * kAhead < n)
        __builtin_prefetch(idOf(i + 2 * kAhead).data());
      if (i + kAhead < n)
        ask(i + kAhead);
      placeHashed(h, idOf(i), i, idOf, true);
    }
  }

  // How many distinct ids it holds.
  std::size_t size() const { return size_; }

  // Adds `by` to every index: the entries moved `by` places down their vector, in the same order.
  void shift(std::size_t by) {
    for (std::uint64_t &slot : slots_)
      if (slot != 0)
        slot += by;
  }

  std::size_t memoryBytes() const { return slots_.capacity() * sizeof(std::uint64_t); }

private:
  static std::uint32_t tagOf(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
  static std::size_t slotsFor(std::size_t n) {
    std::size_t s = 16;
    while (s < 2 * n)
      s *= 2;
    return s;
  }

  template <typename IdOf>
  std::size_t place(std::string_view id, std::size_t index, const IdOf &idOf, bool replace) {
    if (slotsFor(size_ + 1) > slots_.size())
      rehash(slotsFor(size_ + 1) * 2, idOf);
    return placeHashed(hash(id), id, index, idOf, replace);
  }

  // place() once the table has room; `h` is hash(id).
  template <typename IdOf>
  std::size_t placeHashed(std::uint64_t h, std::string_view id, std::size_t index, const IdOf &idOf,
                          bool replace) {
    const std::uint64_t tag = tagOf(h);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      std::uint64_t &slot = slots_[s];
      if (slot == 0) {
        slot = tag << 32 | (index + 1);
        ++size_;
        return index;
      }
      if ((slot >> 32) == tag) {
        const std::size_t held = static_cast<std::uint32_t>(slot) - 1;
        if (idOf(held) == id) {
          if (!replace)
            return held;
          slot = tag << 32 | (index + 1);
          return index;
        }
      }
    }
  }

  // Slots carry a tag of their hash, not the whole hash: growing hashes the ids again.
  template <typename IdOf> void rehash(std::size_t n, const IdOf &idOf) {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(n, 0);
    const std::size_t mask = n - 1;
    for (std::uint64_t slot : old) {
      if (slot == 0)
        continue;
      std::size_t s = hash(idOf(static_cast<std::uint32_t>(slot) - 1)) & mask;
      while (slots_[s] != 0)
        s = (s + 1) & mask;
      slots_[s] = slot;
    }
  }

  std::vector<std::uint64_t> slots_; // tag << 32 | (index + 1); 0 is empty
  std::size_t size_ = 0;
};

} // namespace factline::facts
