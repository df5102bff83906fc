// AnalysisScheduler: per-document generations, debounce timers, pool jobs and their hand-back.
#include "server/analysis_scheduler.h"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

namespace factline::server {

namespace asio = boost::asio;

struct AnalysisScheduler::Shared {
  asio::any_io_executor strand;
  asio::any_io_executor pool;
  std::shared_ptr<const analyzers::AnalyzerGroup> analyzers;
  Done done;
  std::unordered_map<std::string, Slot> slots; // strand only
  std::uint64_t next_generation = 1;

  bool current(const std::string &key, std::uint64_t generation) const {
    auto it = slots.find(key);
    return it != slots.end() && it->second.generation == generation;
  }
};

AnalysisScheduler::AnalysisScheduler(asio::any_io_executor strand, asio::any_io_executor pool,
                                     std::shared_ptr<const analyzers::AnalyzerGroup> analyzers,
                                     Done done)
    : shared_(std::make_shared<Shared>()) {
  shared_->strand = std::move(strand);
  shared_->pool = std::move(pool);
  shared_->analyzers = std::move(analyzers);
  shared_->done = std::move(done);
}

AnalysisScheduler::~AnalysisScheduler() { cancelAll(); }

void AnalysisScheduler::schedule(const std::string &key, AnalysisInput input,
                                 std::chrono::milliseconds debounce) {
  Slot &slot = shared_->slots[key];
  slot.token.cancel(); // the analysis of an older version, if one is running
  slot.token = analyzers::CancelToken();
  slot.generation = shared_->next_generation++;
  const std::uint64_t generation = slot.generation;
  if (debounce.count() <= 0) {
    if (slot.timer)
      slot.timer->cancel();
    start(key, generation, std::move(input));
    return;
  }
  if (!slot.timer)
    slot.timer = std::make_unique<asio::steady_timer>(shared_->strand);
  slot.timer->expires_after(debounce); // cancels the wait for the older version
  std::weak_ptr<Shared> weak = shared_;
  slot.timer->async_wait([this, weak, key, generation,
                          input = std::move(input)](const boost::system::error_code &) mutable {
    auto shared = weak.lock();
    // Success does not mean "still wanted": compare generations.
    if (!shared || !shared->current(key, generation))
      return;
    start(key, generation, std::move(input));
  });
}

void AnalysisScheduler::start(const std::string &key, std::uint64_t generation,
                              AnalysisInput input) {
  analyzers::CancelToken token = shared_->slots[key].token;
  std::weak_ptr<Shared> weak = shared_;
  auto analyzers_group = shared_->analyzers;
  asio::post(shared_->pool,
             [weak, analyzers_group, key, generation, token, input = std::move(input)]() mutable {
               AnalysisOutput out;
               if (token.cancelled())
                 return; // a newer version arrived while this one waited for a thread
               auto begin = std::chrono::steady_clock::now();
               if (input.budget.count() > 0)
                 token.setDeadline(begin + input.budget);
               try {
                 analyzers::Document doc(*input.text, input.format);
                 out.findings = analyzers_group->analyze(doc, *input.facts, token);
               } catch (const std::exception &e) {
                 out.failure = e.what();
                 out.findings.clear();
               }
               out.took = std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::steady_clock::now() - begin);
               out.input = std::move(input);
               if (token.cancelRequested())
                 return;
               out.timed_out = token.timedOut();
               auto shared = weak.lock();
               if (!shared)
                 return;
               asio::post(shared->strand, [weak, key, generation, out = std::move(out)]() mutable {
                 auto shared = weak.lock();
                 if (!shared || !shared->current(key, generation)) {
                   spdlog::debug("dropping analysis of {} v{}: a newer version was scheduled", key,
                                 out.input.version);
                   return;
                 }
                 shared->done(key, std::move(out));
               });
             });
}

void AnalysisScheduler::cancel(const std::string &key) {
  auto it = shared_->slots.find(key);
  if (it == shared_->slots.end())
    return;
  it->second.token.cancel();
  if (it->second.timer)
    it->second.timer->cancel();
  shared_->slots.erase(it);
}

void AnalysisScheduler::cancelAll() {
  for (auto &[key, slot] : shared_->slots) {
    slot.token.cancel();
    if (slot.timer)
      slot.timer->cancel();
  }
  shared_->slots.clear();
}

} // namespace factline::server
