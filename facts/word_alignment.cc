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
  enum Op : std::uint8_t { kStart, kDiagonal, kDraftOnly, kRecordOnly };
  std::vector<std::uint32_t> cost((q + 1) * width), same((q + 1) * width);
  std::vector<std::uint8_t> op((q + 1) * width, kStart);
  for (std::size_t j = 1; j <= n; ++j) {
    cost[j] = options.record_window ? 0 : static_cast<std::uint32_t>(j);
    op[j] = options.record_window ? kStart : kRecordOnly;
  }
  for (std::size_t i = 1; i <= q; ++i) {
    const std::size_t row = i * width, up = (i - 1) * width;
    cost[row] = static_cast<std::uint32_t>(i);
    op[row] = kDraftOnly;
    const std::uint32_t skip = skipCost(i);
    for (std::size_t j = 1; j <= n; ++j) {
      const bool match = draft[i - 1] == record[j - 1];
      std::uint32_t c = cost[up + j - 1] + (match ? 0 : 1), m = same[up + j - 1] + (match ? 1 : 0);
      std::uint8_t o = kDiagonal;
      auto consider = [&](std::uint32_t cc, std::uint32_t mm, std::uint8_t oo) {
        if (cc < c || (cc == c && mm > m)) {
          c = cc;
          m = mm;
          o = oo;
        }
      };
      consider(cost[up + j] + 1, same[up + j], kDraftOnly);
      consider(cost[row + j - 1] + skip, same[row + j - 1], kRecordOnly);
      cost[row + j] = c;
      same[row + j] = m;
      op[row + j] = o;
    }
  }

  // Where the window ends: the cheapest column with the most Same words; of those the last, so
  // that a changed last word stays in the window ("fraud" against "abuse").
  std::size_t end = n;
  if (options.record_window && q > 0) {
    const std::size_t row = q * width;
    for (std::size_t j = n; j-- > 0;)
      if (cost[row + j] < cost[row + end] ||
          (cost[row + j] == cost[row + end] && same[row + j] > same[row + end]))
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
