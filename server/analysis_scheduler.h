// AnalysisScheduler: debounced, cancellable analysis of drafts on a thread pool (clangd's
// TUScheduler, for prose).
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "analyzers/analyzer_group.h"
#include "facts/fact_index.h"

namespace factline::server {

// One version of a draft, as it is handed to the analyzers.
struct AnalysisInput {
  std::int64_t version = 0;
  std::shared_ptr<const std::string> text;
  analyzers::DraftFormat format = analyzers::DraftFormat::Markdown;
  std::shared_ptr<const facts::FactIndex> facts;
  // How long the analysis may run once it has started; zero means no limit.
  std::chrono::milliseconds budget{0};
};

struct AnalysisOutput {
  AnalysisInput input;
  std::vector<analyzers::Finding> findings;
  std::chrono::microseconds took{0};
  std::string failure;    // an analyzer threw: what it said (findings are then empty)
  bool timed_out = false; // the budget ran out: `findings` are those of the part checked
};

// Every member is called on the protocol strand. For each key (a document URI) only the newest
// scheduled input counts: scheduling again cancels the running analysis of the older one (its
// CancelToken) and its results are never delivered. After `debounce` the analysis runs on the
// pool; its output is posted back to the strand and handed to `done` if nothing newer was
// scheduled meanwhile. A debounce timer that expired just before a newer edit still fires with
// success, so its handler compares generations rather than trusting the error code.
// An analysis that outlives its input's budget is stopped through the same token and its partial
// output is delivered, marked timed_out, so that one huge draft cannot hold a pool thread.
class AnalysisScheduler {
public:
  using Done = std::function<void(const std::string &key, AnalysisOutput output)>;

  AnalysisScheduler(boost::asio::any_io_executor strand, boost::asio::any_io_executor pool,
                    std::shared_ptr<const analyzers::AnalyzerGroup> analyzers, Done done);
  ~AnalysisScheduler();
  AnalysisScheduler(const AnalysisScheduler &) = delete;
  AnalysisScheduler &operator=(const AnalysisScheduler &) = delete;

  void schedule(const std::string &key, AnalysisInput input, std::chrono::milliseconds debounce);
  // Forgets the key: cancels its timer and running analysis; nothing more is delivered for it.
  void cancel(const std::string &key);
  void cancelAll();

private:
  struct Slot {
    std::uint64_t generation = 0;
    std::unique_ptr<boost::asio::steady_timer> timer;
    analyzers::CancelToken token;
  };
  struct Shared; // what pool jobs and timer handlers hold on to, so they outlive nothing
  void start(const std::string &key, std::uint64_t generation, AnalysisInput input);

  std::shared_ptr<Shared> shared_;
};

} // namespace factline::server
