// Word-level alignment by minimum edit distance (semi-global when aligning with a record window).
#include "facts/word_alignment.h"

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace factline::facts {

WordAlignment alignWordIds(std::span<const std::uint32_t> draft,
                           std::span<const std::uint32_t> record, const AlignmentOptions &options) {
  using Kind = AlignmentStep::Kind;
  const std::size_t q = draft.size(), n = record.size(), width = n + 1;
  auto gapAfter = [&](std::size_t i) {
    return options.gap_after && i < options.gap_after->size() && (*options.gap_after)[i];
  };
  // Record words consumed while the draft stands between its words i-1 and i are free when the
  // draft marks an omission there.
  auto skipCost = [&](std::size_t i) -> std::uint32_t {
    return (i > 0 && i < q && gapAfter(i - 1)) ? 0 : 1;
  };

  // Each cell keeps the cheapest way to reach it and, among equally cheap ways, the one with the
  // most Same words; the step taken is stored so that the traceback follows the same choice.
  // Cost and Same words are packed into one key, cost in the high half and (max - same) in the
  // low one, so that "cheaper, or as cheap with more Same" is one comparison: key < key. Only the
  // steps are kept for every cell; keys for the row above and this one.
  enum Op : std::uint8_t { kStart, kDiagonal, kDraftOnly, kRecordOnly };
  constexpr std::uint64_t kCost = std::uint64_t{1} << 32, kNoSame = 0xffffffffull;
  std::vector<std::uint64_t> above(width), here(width);
  std::vector<std::uint8_t> op((q + 1) * width, kStart);
  above[0] = kNoSame;
  for (std::size_t j = 1; j <= n; ++j) {
    above[j] = (options.record_window ? 0 : j) * kCost + kNoSame;
    op[j] = options.record_window ? kStart : kRecordOnly;
  }
  for (std::size_t i = 1; i <= q; ++i) {
    const std::size_t row = i * width;
    here[0] = i * kCost + kNoSame;
    op[row] = kDraftOnly;
    const std::uint64_t skip = skipCost(i) * kCost;
    const std::uint32_t word = draft[i - 1];
    for (std::size_t j = 1; j <= n; ++j) {
      // A Same step adds a Same word (the low half counts down from kNoSame, never below it by
      // more than the draft's length); a Changed one costs 1.
      std::uint64_t k = word == record[j - 1] ? above[j - 1] - 1 : above[j - 1] + kCost;
      std::uint8_t o = kDiagonal;
      if (const std::uint64_t kk = above[j] + kCost; kk < k) {
        k = kk;
        o = kDraftOnly;
      }
      if (const std::uint64_t kk = here[j - 1] + skip; kk < k) {
        k = kk;
        o = kRecordOnly;
      }
      here[j] = k;
      op[row + j] = o;
    }
    std::swap(above, here);
  }

  // Where the window ends: the cheapest column with the most Same words; of those the last, so
  // that a changed last word stays in the window ("fraud" against "abuse").
  std::size_t end = n;
  if (options.record_window && q > 0) {
    const std::vector<std::uint64_t> &last = above; // row q
    for (std::size_t j = n; j-- > 0;)
      if (last[j] < last[end])
        end = j;
  }

  WordAlignment out;
  std::size_t i = q, j = end;
  while (op[i * width + j] != kStart) {
    switch (op[i * width + j]) {
    case kDiagonal: {
      bool is_same = draft[i - 1] == record[j - 1];
      out.steps.push_back({is_same ? Kind::Same : Kind::Changed, i - 1, j - 1});
      out.same += is_same ? 1 : 0;
      --i;
      --j;
      break;
    }
    case kDraftOnly:
      out.steps.push_back({Kind::DraftOnly, i - 1, AlignmentStep::kNone});
      --i;
      break;
    default:
      out.steps.push_back(
          {skipCost(i) == 0 ? Kind::Omitted : Kind::RecordOnly, AlignmentStep::kNone, j - 1});
      --j;
    }
  }
  std::reverse(out.steps.begin(), out.steps.end());
  out.record_first = j;
  out.record_last = end;
  std::size_t window = 0;
  for (const AlignmentStep &s : out.steps)
    if (s.record != AlignmentStep::kNone && s.kind != Kind::Omitted)
      ++window;
  if (q + window > 0)
    out.score = 2.0 * static_cast<double>(out.same) / static_cast<double>(q + window);
  return out;
}

WordAlignment alignWords(std::span<const std::string> draft, std::span<const std::string> record,
                         const AlignmentOptions &options) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  auto intern = [&](std::span<const std::string> words) {
    std::vector<std::uint32_t> out;
    out.reserve(words.size());
    for (const std::string &w : words)
      out.push_back(ids.try_emplace(w, static_cast<std::uint32_t>(ids.size())).first->second);
    return out;
  };
  std::vector<std::uint32_t> d = intern(draft), r = intern(record);
  return alignWordIds(d, r, options);
}

} // namespace factline::facts
