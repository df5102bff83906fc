// HandlerTable: LSP methods bound to typed handlers; params are read here, errors become -32602.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "protocol/json_path.h"
#include "protocol/json_rpc.h"
#include "server/reply_once.h"

namespace factline::server {

// A typed answer, delivered once: Callback<Hover> takes Expected<Hover, RpcError>.
template <typename T>
using Callback = std::function<void(protocol::Expected<T, protocol::RpcError>)>;

// For methods without parameters (shutdown): accepts null, an empty object or an empty array.
struct NoParams {};
inline bool fromJSON(const protocol::json &, NoParams &, const protocol::JsonPath &) {
  return true;
}

// For results with no value (shutdown answers null).
struct NullResult {};

// Converting a handler's result to JSON: the protocol's toJSON, with optional -> null and
// vectors -> arrays.
inline protocol::json resultToJSON(const NullResult &) { return nullptr; }
inline protocol::json resultToJSON(const protocol::json &j) { return j; }
template <typename T> protocol::json resultToJSON(const T &value) {
  using protocol::toJSON;
  return toJSON(value);
}
template <typename T> protocol::json resultToJSON(const std::optional<T> &value) {
  return value ? resultToJSON(*value) : protocol::json(nullptr);
}
template <typename T> protocol::json resultToJSON(const std::vector<T> &values) {
  protocol::json out = protocol::json::array();
  for (const auto &v : values)
    out.push_back(resultToJSON(v));
  return out;
}

// Methods to handlers. Used on the protocol strand only.
class HandlerTable {
public:
  using RawRequest = std::function<void(const protocol::json &params, ReplyOnce reply)>;
  using RawNotification = std::function<void(const protocol::json &params)>;
  // Called with "method: path: what" when a notification's params cannot be read.
  using ParamsError = std::function<void(const std::string &method, const std::string &error)>;

  template <typename Params, typename Result>
  void request(const std::string &method, std::function<void(const Params &, Callback<Result>)> h) {
    requests_[method] = [method, h](const protocol::json &raw, ReplyOnce reply) {
      Params params{};
      protocol::JsonPath path("params");
      if (!fromJSON(raw, params, path))
        return reply.error(protocol::ErrorCode::InvalidParams, method + ": " + path.error());
      h(params, [reply](protocol::Expected<Result, protocol::RpcError> result) {
        if (!result)
          reply(protocol::unexpected(result.error()));
        else if constexpr (std::is_same_v<Result, protocol::EncodedJson>)
          reply.encoded(std::move(*result)); // written once, sent as it is
        else
          reply(resultToJSON(*result));
      });
    };
  }

  template <typename Params>
  void notification(const std::string &method, std::function<void(const Params &)> h) {
    notifications_[method] = [this, method, h](const protocol::json &raw) {
      Params params{};
      protocol::JsonPath path("params");
      if (!fromJSON(raw, params, path)) {
        if (on_params_error_)
          on_params_error_(method, path.error());
        return;
      }
      h(params);
    };
  }

  void onParamsError(ParamsError f) { on_params_error_ = std::move(f); }

  const RawRequest *findRequest(const std::string &method) const {
    auto it = requests_.find(method);
    return it == requests_.end() ? nullptr : &it->second;
  }
  const RawNotification *findNotification(const std::string &method) const {
    auto it = notifications_.find(method);
    return it == notifications_.end() ? nullptr : &it->second;
  }

private:
  std::map<std::string, RawRequest> requests_;
  std::map<std::string, RawNotification> notifications_;
  ParamsError on_params_error_;
};

} // namespace factline::server
