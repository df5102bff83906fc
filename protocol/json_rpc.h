// JSON-RPC 2.0 as LSP uses it: message kinds, error codes, parsing bodies and encoding replies.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "protocol/expected.h"

namespace factline::protocol {

using json = nlohmann::json;

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  UnknownErrorCode = -32001,
  RequestCancelled = -32800,
  ContentModified = -32801,
  RequestFailed = -32803, // LSP 3.17: the request was valid but failed (a client refused an edit)
};

struct RpcError {
  ErrorCode code = ErrorCode::InternalError;
  std::string message;
};

// A request id: a JSON integer or string (null only in answers to unreadable messages).
using RequestId = json;

struct Request {
  RequestId id;
  std::string method;
  json params; // null when absent
};

struct Notification {
  std::string method;
  json params;
};

struct Response {
  RequestId id;
  json result; // null when the answer is an error
  std::optional<RpcError> error;
};

using Message = std::variant<Request, Notification, Response>;

// Why a body is not a message, and the id to answer (null when none could be read).
struct MessageError {
  RpcError error;
  RequestId id;
};

// Parses one message body. Never throws: bad JSON is ParseError, JSON that is not a JSON-RPC 2.0
// message is InvalidRequest. Nesting deeper than kMaxJsonDepth is refused before parsing, because
// a hostile body could otherwise exhaust the stack of code that walks the value.
constexpr int kMaxJsonDepth = 256;
Expected<Message, MessageError> parseMessage(std::string_view body);

// Message bodies to send. Strings that are not valid UTF-8 are written with U+FFFD in place of bad
// bytes rather than throwing.
std::string encodeResult(const RequestId &id, const json &result);
std::string encodeError(const RequestId &id, const RpcError &error);
std::string encodeRequest(const RequestId &id, std::string_view method, const json &params);
std::string encodeNotification(std::string_view method, const json &params);

// A JSON value already written out, sent as it is: what the server keeps encoded between answers
// (a draft's diagnostics) is not parsed back into a tree only to be written again. Must be valid
// JSON; whoever builds one answers for that.
struct EncodedJson {
  std::string text;
};
std::string encodeResult(const RequestId &id, const EncodedJson &result);
std::string encodeNotification(std::string_view method, const EncodedJson &params);

// json::dump that never throws on invalid UTF-8.
std::string dumpJson(const json &value);

} // namespace factline::protocol
