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

// What the findings keep on the heap, roughly: the memo's byte bound counts it.
std::size_t heapBytes(const std::vector<Finding> &findings) {
  std::size_t n = findings.capacity() * sizeof(Finding);
  for (const Finding &f : findings) {
    n += f.rule.size() + f.message.size() + f.claim.size() + f.attributed_to.size();
    n += f.evidence.size() * sizeof(FactRef);
    for (const FactRef &r : f.evidence)
      n += r.id.size();
    for (const Fix &fix : f.fixes) {
      n += sizeof(Fix) + fix.title.size() + fix.edits.size() * sizeof(Replacement);
      for (const Replacement &r : fix.edits)
        n += r.text.size();
    }
    for (const DiffPiece &d : f.diff)
      n += sizeof(DiffPiece) + d.text.size();
  }
  return n;
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
  const std::size_t bytes = heapBytes(relative);
  table_.store(base, std::move(key), std::move(relative), bytes);
}

void FindingMemo::endCheck() { table_.endCheck(); }

std::size_t FindingMemo::size() const { return table_.size(); }

std::size_t FindingMemo::bytes() const { return table_.bytes(); }

} // namespace factline::analyzers
