// ReplyOnce: the one answer to a request, guaranteed (like clangd's ReplyOnce).
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "protocol/expected.h"
#include "protocol/json_rpc.h"

namespace factline::server {

// Sends a finished message body. Must be safe to call from any thread (the stdio transport posts
// to its strand), because the last copy of a ReplyOnce may be dropped on an analysis thread.
using Outbox = std::function<void(std::string body)>;

using RpcResult = protocol::Expected<protocol::json, protocol::RpcError>;

// Answers one request exactly once. Copies share one state: the first call sends the answer and
// later calls are logged and dropped; if every copy is destroyed without an answer, the
// destructor logs the handler's mistake and answers InternalError, so a client never waits
// forever. After cancel() the request is answered RequestCancelled at once and the handler's late
// answer is dropped quietly.
class ReplyOnce {
  struct State;

public:
  ReplyOnce(protocol::RequestId id, std::string method, Outbox outbox);

  void operator()(RpcResult result) const;
  // A result already encoded as JSON text (a draft's diagnostics, kept encoded between answers).
  void encoded(protocol::EncodedJson result) const;
  void error(protocol::ErrorCode code, std::string message) const {
    (*this)(protocol::unexpected(protocol::RpcError{code, std::move(message)}));
  }
  // Answers RequestCancelled now unless already answered. Returns whether it did.
  bool cancel() const;

  bool answered() const;
  bool cancelled() const;

  // A handle that does not keep the request alive, for the table of requests in flight: holding
  // a ReplyOnce there would defeat the forgotten-reply guard.
  class Pending {
  public:
    Pending() = default;
    // Answers RequestCancelled if the request is still unanswered; false if it was not.
    bool cancel() const;
    bool done() const;

  private:
    friend class ReplyOnce;
    std::weak_ptr<State> state_;
  };
  Pending pending() const;
  const protocol::RequestId &id() const;
  const std::string &method() const;

private:
  bool claim() const; // true for the first answer only
  explicit ReplyOnce(std::shared_ptr<State> state) : state_(std::move(state)) {}
  std::shared_ptr<State> state_;
};

} // namespace factline::server
