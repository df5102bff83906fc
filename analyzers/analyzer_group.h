// AnalyzerGroup: runs the analyzers in a stable order, applies the writer's suppressions, sorts.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"

namespace factline::analyzers {

class AnalyzerGroup {
public:
  void add(std::unique_ptr<Analyzer> analyzer) { analyzers_.push_back(std::move(analyzer)); }

  // Every finding of every analyzer not switched off in `disabled` (by analyzer name), without
  // those the writer suppressed in the draft, ordered by position. Returns early when cancelled.
  std::vector<Finding> analyze(const Document &doc, const facts::FactIndex &facts,
                               const CancelToken &cancel,
                               const std::set<std::string> &disabled = {}) const;

  const std::vector<std::unique_ptr<Analyzer>> &analyzers() const { return analyzers_; }

  // The standard set: quotation marks, quotes, figures.
  static AnalyzerGroup standard();

private:
  std::vector<std::unique_ptr<Analyzer>> analyzers_;
};

} // namespace factline::analyzers
