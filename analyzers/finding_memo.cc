// FindingMemo: findings remembered by what they depend on, so a re-check redoes only what changed.
#include "analyzers/finding_memo.h"

#include <algorithm>

namespace factline::analyzers {
namespace {

// Units kept beyond those of recent checks: several long drafts' worth.
constexpr std::size_t kMaxEntries = 50000;
// A unit unmet for this many checks is dropped once the bound is passed.
constexpr std::uint64_t kKeepChecks = 16;

// Offsets move by unsigned wrap-around, so a span before the unit's start (a quotation's speaker
// named before it) comes back where it was.
void shift(std::vector<Finding> &findings, std::size_t from, std::size_t to) {
  auto move = [&](Span &s) {
    s.begin = s.begin - from + to;
    s.end = s.end - from + to;
  };
  for (Finding &f : findings) {
    move(f.span);
    for (Fix &fix : f.fixes)
      for (Replacement &r : fix.edits)
        move(r.span);
  }
}

} // namespace

bool FindingMemo::find(const facts::FactBase *base, const std::string &key, std::size_t offset,
                       std::vector<Finding> &out) {
  std::vector<Finding> found;
  {
    std::lock_guard lock(mu_);
    if (base != base_.get())
      return false;
    auto it = entries_.find(key);
    if (it == entries_.end())
      return false;
    it->second.used = generation_;
    found = it->second.findings;
  }
  shift(found, 0, offset);
  for (Finding &f : found)
    out.push_back(std::move(f));
  return true;
}

void FindingMemo::store(const std::shared_ptr<const facts::FactBase> &base, std::string key,
                        std::size_t offset, const std::vector<Finding> &findings) {
  std::vector<Finding> relative = findings;
  shift(relative, offset, 0);
  std::lock_guard lock(mu_);
  if (base != base_) {
    entries_.clear();
    base_ = base;
  }
  entries_[std::move(key)] = Entry{std::move(relative), generation_};
}

void FindingMemo::endCheck() {
  std::lock_guard lock(mu_);
  ++generation_;
  if (entries_.size() <= kMaxEntries)
    return;
  std::erase_if(entries_, [&](const auto &e) { return e.second.used + kKeepChecks < generation_; });
  if (entries_.size() > kMaxEntries) // one huge draft: keep only what the last check met
    std::erase_if(entries_, [&](const auto &e) { return e.second.used + 1 < generation_; });
}

std::size_t FindingMemo::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

} // namespace factline::analyzers
