// The Analyzer interface and the cancellation token every analyzer polls.
#pragma once
#include <atomic>
#include <chrono>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/finding.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

// Set by the scheduler (any thread) when a newer version of the document arrives, or expired by
// the analysis time budget; analyzers check it between units of work and return early with
// whatever they have.
class CancelToken {
public:
  using Clock = std::chrono::steady_clock;
  CancelToken() : state_(std::make_shared<State>()) {}
  bool cancelled() const { return cancelRequested() || timedOut(); }
  void cancel() const { state_->cancelled.store(true, std::memory_order_relaxed); }
  // cancel() was called: the work is no longer wanted at all.
  bool cancelRequested() const { return state_->cancelled.load(std::memory_order_relaxed); }
  // From `at` on the token counts as cancelled: the work ran out of time, and what it found so
  // far is still wanted.
  void setDeadline(Clock::time_point at) const {
    state_->deadline.store(at.time_since_epoch().count(), std::memory_order_relaxed);
  }
  bool timedOut() const {
    auto at = state_->deadline.load(std::memory_order_relaxed);
    return at != kNoDeadline && Clock::now().time_since_epoch().count() >= at;
  }

private:
  static constexpr Clock::rep kNoDeadline = std::numeric_limits<Clock::rep>::max();
  struct State {
    std::atomic<bool> cancelled{false};
    std::atomic<Clock::rep> deadline{kNoDeadline};
  };
  std::shared_ptr<State> state_;
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
