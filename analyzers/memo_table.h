// MemoTable: values remembered under a key for one fact base, bounded by how recently checks met
// them. FindingMemo keeps findings in one; the quote checker keeps the index's near lookups.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "facts/fact_base.h"

namespace factline::analyzers {

// Values for one fact base at a time (storing for another base forgets the first's). Safe to use
// from several analysis threads at once: one mutex, held only to look up or store.
template <typename Value> class MemoTable {
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

  void store(const std::shared_ptr<const facts::FactBase> &base, std::string key, Value value) {
    std::lock_guard lock(mu_);
    if (base != base_) {
      entries_.clear();
      base_ = base;
    }
    entries_[std::move(key)] = Entry{std::move(value), generation_};
  }

  // Called once a check is done: forgets keys no recent check has met, past a bound.
  void endCheck() {
    std::lock_guard lock(mu_);
    ++generation_;
    if (entries_.size() <= kMaxEntries)
      return;
    std::erase_if(entries_,
                  [&](const auto &e) { return e.second.used + kKeepChecks < generation_; });
    if (entries_.size() > kMaxEntries) // one huge draft: keep only what the last check met
      std::erase_if(entries_, [&](const auto &e) { return e.second.used + 1 < generation_; });
  }

  std::size_t size() const {
    std::lock_guard lock(mu_);
    return entries_.size();
  }

  // Keys kept beyond those of recent checks: several long drafts' worth.
  static constexpr std::size_t kMaxEntries = 50000;
  // A key unmet for this many checks is dropped once the bound is passed.
  static constexpr std::uint64_t kKeepChecks = 16;

private:
  struct Entry {
    Value value;
    std::uint64_t used = 0; // the check that last met it
  };
  mutable std::mutex mu_;
  std::shared_ptr<const facts::FactBase> base_; // values are for this base only
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 0;
};

} // namespace factline::analyzers
