// MemoTable: values remembered under a key for one fact base, bounded in keys and bytes by how
// recently checks met them. FindingMemo keeps findings in one; the quote checker keeps the
// index's near lookups.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "facts/fact_base.h"

namespace factline::analyzers {

// Every MemoTable in the process, so that what they keep can be let go of at once. A memo is a
// cache across checks of open drafts: with none open it speeds nothing up, yet it holds up to its
// bound of keys and findings and the fact base it was filled against (kept alive by it after a
// reload). The server calls forgetMemos() when the last draft closes. Registering is the one
// piece of global state here; it changes no finding, only how long remembered ones are kept.
class MemoTableBase {
public:
  MemoTableBase() {
    Registry &r = registry();
    std::lock_guard lock(r.mu);
    r.tables.push_back(this);
  }
  virtual ~MemoTableBase() {
    Registry &r = registry();
    std::lock_guard lock(r.mu);
    std::erase(r.tables, this);
  }
  MemoTableBase(const MemoTableBase &) = delete;
  MemoTableBase &operator=(const MemoTableBase &) = delete;

  // Empties the table and lets go of its fact base.
  virtual void forget() = 0;
  virtual std::size_t size() const = 0;

  // forget() on every table; safe while checks run (they only find less).
  static void forgetAll() {
    Registry &r = registry();
    std::lock_guard lock(r.mu);
    for (MemoTableBase *t : r.tables)
      t->forget();
  }
  // The keys kept over every table.
  static std::size_t entriesAll() {
    Registry &r = registry();
    std::lock_guard lock(r.mu);
    std::size_t n = 0;
    for (const MemoTableBase *t : r.tables)
      n += t->size();
    return n;
  }

private:
  struct Registry {
    std::mutex mu;
    std::vector<MemoTableBase *> tables;
  };
  // Built by the first table's constructor, so destroyed after every table built after it.
  static Registry &registry() {
    static Registry r;
    return r;
  }
};

// Drops everything every memo table keeps (the server: when no draft is open any more).
inline void forgetMemos() { MemoTableBase::forgetAll(); }
// Keys kept over every memo table in the process (introspection for tests and logs).
inline std::size_t memoEntries() { return MemoTableBase::entriesAll(); }

// Roughly the heap bytes a value keeps, for the memo's byte bound: a container's elements, not
// what they point to (FindingMemo passes its own, better count).
template <typename Value> std::size_t memoBytes(const Value &value) {
  if constexpr (requires {
                  value.size();
                  typename Value::value_type;
                })
    return sizeof(Value) + value.size() * sizeof(typename Value::value_type);
  else
    return sizeof(Value);
}

// Values for one fact base at a time (storing for another base forgets the first's). Safe to use
// from several analysis threads at once: one mutex, held only to look up or store.
// Bounded in keys and in bytes: past either bound, the keys least recently met are dropped down to
// three quarters of it (never those the last check met), so a server editing many drafts for
// hours keeps a working set, not a history.
template <typename Value> class MemoTable final : public MemoTableBase {
public:
  // The value stored for `key` against `base`, copied into `out`; false when none.
  bool find(const facts::FactBase *base, const std::string &key, Value &out) {
    std::lock_guard lock(mu_);
    if (base != base_.get())
      return false;
    auto it = entries_.find(key);
    if (it == entries_.end())
      return false;
    it->second.used = generation_;
    out = it->second.value;
    return true;
  }

  // `bytes`: what the value keeps on the heap, when the caller knows better than memoBytes().
  void store(const std::shared_ptr<const facts::FactBase> &base, std::string key, Value value,
             std::size_t bytes = 0) {
    std::lock_guard lock(mu_);
    if (base != base_) {
      entries_.clear();
      bytes_ = 0;
      base_ = base;
    }
    std::size_t cost = kEntryOverhead + key.size() + (bytes ? bytes : memoBytes(value));
    auto [it, inserted] = entries_.try_emplace(std::move(key));
    if (!inserted)
      bytes_ -= it->second.bytes;
    it->second = Entry{std::move(value), generation_, cost};
    bytes_ += cost;
  }

  // Called once a check is done: past a bound, forgets the keys least recently met.
  void endCheck() {
    std::lock_guard lock(mu_);
    ++generation_;
    if (entries_.size() <= kMaxEntries && bytes_ <= kMaxBytes)
      return;
    // Newest first: keep entries until three quarters of either bound is reached; the rest go.
    std::vector<std::pair<std::uint64_t, std::size_t>> ages; // (used, bytes)
    ages.reserve(entries_.size());
    for (const auto &[key, e] : entries_)
      ages.emplace_back(e.used, e.bytes);
    std::sort(ages.begin(), ages.end(), std::greater<>());
    std::size_t kept = 0, kept_bytes = 0;
    std::optional<std::uint64_t> cut; // entries met at or before this check go
    for (const auto &[used, bytes] : ages) {
      bool last_check = used + 1 >= generation_; // one huge draft: keep what it needs
      if (!last_check &&
          (kept + 1 > kMaxEntries / 4 * 3 || kept_bytes + bytes > kMaxBytes / 4 * 3)) {
        cut = used;
        break;
      }
      ++kept;
      kept_bytes += bytes;
    }
    if (!cut)
      return;
    std::erase_if(entries_, [&](const auto &e) {
      if (e.second.used > *cut)
        return false;
      bytes_ -= e.second.bytes;
      return true;
    });
  }

  void forget() override {
    std::lock_guard lock(mu_);
    std::unordered_map<std::string, Entry>().swap(entries_); // the buckets too
    bytes_ = 0;
    base_.reset();
  }

  std::size_t size() const override {
    std::lock_guard lock(mu_);
    return entries_.size();
  }
  // Roughly the bytes kept (keys, values, the table's own per-entry cost).
  std::size_t bytes() const {
    std::lock_guard lock(mu_);
    return bytes_;
  }

  // Keys kept beyond those of the last check: several long drafts' worth.
  static constexpr std::size_t kMaxEntries = 20000;
  // And their bytes: 20 long drafts (a few hundred units each, ~1 KiB a unit) fit several times.
  static constexpr std::size_t kMaxBytes = std::size_t(16) << 20;
  // A hash node, its bucket and the string's own header: counted with every key.
  static constexpr std::size_t kEntryOverhead = 96;

private:
  struct Entry {
    Value value;
    std::uint64_t used = 0; // the check that last met it
    std::size_t bytes = 0;  // its cost, as counted in bytes_
  };
  mutable std::mutex mu_;
  std::shared_ptr<const facts::FactBase> base_; // values are for this base only
  std::unordered_map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
  std::uint64_t generation_ = 0;
};

} // namespace factline::analyzers
