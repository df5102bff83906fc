// ReplyOnce: shared answer state, the forgotten-reply guard and cancellation.
#include "server/reply_once.h"

#include <atomic>
#include <mutex>

#include <spdlog/spdlog.h>

namespace factline::server {

struct ReplyOnce::State {
  protocol::RequestId id;
  std::string method;
  Outbox outbox;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  std::mutex mutex; // a reply may race a cancel when the handler finishes off the strand
  bool answered = false;
  bool cancelled = false;

  ~State() {
    if (answered)
      return;
    spdlog::error("{} (id {}) was never answered: the handler dropped its reply", method,
                  protocol::dumpJson(id));
    outbox(protocol::encodeError(id, {protocol::ErrorCode::InternalError,
                                      method + ": the server failed to answer this request"}));
  }
};

ReplyOnce::ReplyOnce(protocol::RequestId id, std::string method, Outbox outbox)
    : state_(std::make_shared<State>()) {
  state_->id = std::move(id);
  state_->method = std::move(method);
  state_->outbox = std::move(outbox);
}

bool ReplyOnce::claim() const {
  std::lock_guard lock(state_->mutex);
  if (state_->answered) {
    if (!state_->cancelled)
      spdlog::error("{} (id {}) answered twice; the second answer is dropped", state_->method,
                    protocol::dumpJson(state_->id));
    return false;
  }
  state_->answered = true;
  return true;
}

void ReplyOnce::encoded(protocol::EncodedJson result) const {
  if (!claim())
    return;
  spdlog::debug("--> reply {} (id {}), {} bytes encoded", state_->method,
                protocol::dumpJson(state_->id), result.text.size());
  state_->outbox(protocol::encodeResult(state_->id, result));
}

void ReplyOnce::operator()(RpcResult result) const {
  if (!claim())
    return;
  auto took = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - state_->start)
                  .count();
  if (result) {
    spdlog::debug("--> reply {} (id {}) in {} us", state_->method, protocol::dumpJson(state_->id),
                  took);
    state_->outbox(protocol::encodeResult(state_->id, *result));
  } else {
    spdlog::info("--> error {} (id {}): {} {}", state_->method, protocol::dumpJson(state_->id),
                 static_cast<int>(result.error().code), result.error().message);
    state_->outbox(protocol::encodeError(state_->id, result.error()));
  }
}

bool ReplyOnce::cancel() const {
  {
    std::lock_guard lock(state_->mutex);
    if (state_->answered)
      return false;
    state_->cancelled = true;
  }
  error(protocol::ErrorCode::RequestCancelled, state_->method + " was cancelled by the client");
  return true;
}

bool ReplyOnce::answered() const {
  std::lock_guard lock(state_->mutex);
  return state_->answered;
}

bool ReplyOnce::cancelled() const {
  std::lock_guard lock(state_->mutex);
  return state_->cancelled;
}

ReplyOnce::Pending ReplyOnce::pending() const {
  Pending p;
  p.state_ = state_;
  return p;
}

bool ReplyOnce::Pending::cancel() const {
  auto state = state_.lock();
  if (!state)
    return false;
  return ReplyOnce(std::move(state)).cancel();
}

bool ReplyOnce::Pending::done() const {
  auto state = state_.lock();
  if (!state)
    return true;
  std::lock_guard lock(state->mutex);
  return state->answered;
}

const protocol::RequestId &ReplyOnce::id() const { return state_->id; }
const std::string &ReplyOnce::method() const { return state_->method; }

} // namespace factline::server
