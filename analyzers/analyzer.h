// The Analyzer interface and the cancellation token every analyzer polls.
#pragma once
#include <atomic>
#include <memory>
#include <string_view>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/finding.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

// Set by the scheduler (any thread) when a newer version of the document arrives; analyzers
// check it between units of work and return early with whatever they have.
class CancelToken {
public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  bool cancelled() const { return flag_->load(std::memory_order_relaxed); }
  void cancel() const { flag_->store(true, std::memory_order_relaxed); }

private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

// Pure: the same document and facts give the same findings, on any thread.
class Analyzer {
public:
  virtual ~Analyzer() = default;
  virtual std::string_view name() const = 0;
  virtual std::vector<Finding> analyze(const Document &doc, const facts::FactIndex &facts,
                                       const CancelToken &cancel) const = 0;
};

} // namespace factline::analyzers
