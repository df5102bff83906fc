// JSON-RPC 2.0: validating incoming bodies and building outgoing ones.
#include "protocol/json_rpc.h"

namespace factline::protocol {
namespace {

// Deepest nesting of arrays and objects in `body`, stopping early past `limit`.
int nestingDepth(std::string_view body, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit)
        break;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

Unexpected<MessageError> invalid(std::string message, RequestId id = nullptr) {
  return unexpected(MessageError{{ErrorCode::InvalidRequest, std::move(message)}, std::move(id)});
}

bool isValidId(const json &id) { return id.is_number_integer() || id.is_string(); }

} // namespace

std::string dumpJson(const json &value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<Message, MessageError> parseMessage(std::string_view body) {
  if (nestingDepth(body, kMaxJsonDepth) > kMaxJsonDepth)
    return unexpected(
        MessageError{{ErrorCode::ParseError,
                      "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"},
                     nullptr});
  json msg;
  try {
    msg = json::parse(body);
  } catch (const json::parse_error &e) {
    return unexpected(MessageError{{ErrorCode::ParseError, e.what()}, nullptr});
  }
  if (msg.is_array())
    return invalid("JSON-RPC batches are not supported by the Language Server Protocol");
  if (!msg.is_object())
    return invalid("a message must be a JSON object");

  RequestId id = nullptr;
  auto id_it = msg.find("id");
  bool has_id = id_it != msg.end();
  if (has_id && isValidId(*id_it))
    id = *id_it;
  auto version = msg.find("jsonrpc");
  if (version == msg.end() || *version != "2.0")
    return invalid("\"jsonrpc\" must be \"2.0\"", id);
  if (has_id && !isValidId(*id_it))
    return invalid("\"id\" must be an integer or a string");

  auto method = msg.find("method");
  if (method != msg.end()) {
    if (!method->is_string())
      return invalid("\"method\" must be a string", id);
    json params = nullptr;
    if (auto p = msg.find("params"); p != msg.end()) {
      if (!p->is_object() && !p->is_array() && !p->is_null())
        return invalid("\"params\" must be an object or an array", id);
      params = std::move(*p);
    }
    if (has_id)
      return Message(Request{std::move(id), method->get<std::string>(), std::move(params)});
    return Message(Notification{method->get<std::string>(), std::move(params)});
  }

  if (!has_id)
    return invalid("a message needs a \"method\" or an \"id\"");
  auto result = msg.find("result");
  auto error = msg.find("error");
  if ((result == msg.end()) == (error == msg.end()))
    return invalid("a response must have exactly one of \"result\" and \"error\"", id);
  Response r{std::move(id), nullptr, std::nullopt};
  if (result != msg.end()) {
    r.result = std::move(*result);
  } else {
    if (!error->is_object() || !error->contains("code") || !(*error)["code"].is_number_integer())
      return invalid("\"error\" must be an object with an integer \"code\"", r.id);
    RpcError e;
    e.code = static_cast<ErrorCode>((*error)["code"].get<int>());
    if (auto m = error->find("message"); m != error->end() && m->is_string())
      e.message = m->get<std::string>();
    r.error = std::move(e);
  }
  return Message(std::move(r));
}

std::string encodeResult(const RequestId &id, const json &result) {
  return dumpJson(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

std::string encodeResult(const RequestId &id, const EncodedJson &result) {
  std::string out = R"({"id":)";
  out += dumpJson(id);
  out += R"(,"jsonrpc":"2.0","result":)";
  out += result.text;
  out += '}';
  return out;
}

std::string encodeNotification(std::string_view method, const EncodedJson &params) {
  std::string out = R"({"jsonrpc":"2.0","method":)";
  out += dumpJson(json(method));
  out += R"(,"params":)";
  out += params.text;
  out += '}';
  return out;
}

std::string encodeError(const RequestId &id, const RpcError &error) {
  return dumpJson(
      json{{"jsonrpc", "2.0"},
           {"id", id},
           {"error", {{"code", static_cast<int>(error.code)}, {"message", error.message}}}});
}

std::string encodeRequest(const RequestId &id, std::string_view method, const json &params) {
  json msg{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null())
    msg["params"] = params;
  return dumpJson(msg);
}

std::string encodeNotification(std::string_view method, const json &params) {
  json msg{{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null())
    msg["params"] = params;
  return dumpJson(msg);
}

} // namespace factline::protocol
