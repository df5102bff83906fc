// AnalyzerGroup: composition of the analyzers and the writer's in-draft suppressions.
#include "analyzers/analyzer_group.h"

#include <algorithm>

#include "analyzers/standard_analyzers.h"

namespace factline::analyzers {

std::vector<Finding> AnalyzerGroup::analyze(const Document &doc, const facts::FactIndex &facts,
                                            const CancelToken &cancel,
                                            const std::set<std::string> &disabled) const {
  std::vector<Finding> all;
  for (const auto &a : analyzers_) {
    if (cancel.cancelled())
      break;
    if (disabled.count(std::string(a->name())))
      continue;
    for (Finding &f : a->analyze(doc, facts, cancel))
      if (!doc.suppressed(f.span))
        all.push_back(std::move(f));
  }
  std::stable_sort(all.begin(), all.end(), [](const Finding &a, const Finding &b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  return all;
}

AnalyzerGroup AnalyzerGroup::standard() {
  AnalyzerGroup group;
  for (auto &a : makeStandardAnalyzers())
    group.add(std::move(a));
  return group;
}

} // namespace factline::analyzers
