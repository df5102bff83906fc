// editDistance: Levenshtein distance between two byte strings (one row of the table at a time).
#pragma once
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace factline::analyzers {

// The fewest single-byte insertions, deletions and substitutions that turn `a` into `b`: how a
// misspelt name ("Zuckerburg") or a mistyped rule ("figure-wrnog") is told from another word.
// Costs |a| x |b|: callers bound the lengths of untrusted strings first.
inline std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1 : 0)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

} // namespace factline::analyzers
