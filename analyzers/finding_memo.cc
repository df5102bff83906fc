// FindingMemo: findings remembered by what they depend on, so a re-check redoes only what changed.
#include "analyzers/finding_memo.h"

#include <algorithm>

namespace factline::analyzers {
namespace {

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
  if (!table_.find(base, key, found))
    return false;
  shift(found, 0, offset);
  for (Finding &f : found)
    out.push_back(std::move(f));
  return true;
}

void FindingMemo::store(const std::shared_ptr<const facts::FactBase> &base, std::string key,
                        std::size_t offset, const std::vector<Finding> &findings) {
  std::vector<Finding> relative = findings;
  shift(relative, offset, 0);
  table_.store(base, std::move(key), std::move(relative));
}

void FindingMemo::endCheck() { table_.endCheck(); }

std::size_t FindingMemo::size() const { return table_.size(); }

} // namespace factline::analyzers
