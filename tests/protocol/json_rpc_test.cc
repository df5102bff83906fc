// JSON-RPC 2.0: message kinds, the error code for each malformed body, and encoded replies.
#include <catch2/catch.hpp>

#include <string>

#include "protocol/json_rpc.h"

using namespace factline::protocol;

namespace {

MessageError errorOf(std::string_view body) {
  auto m = parseMessage(body);
  REQUIRE_FALSE(m.has_value());
  return m.error();
}

} // namespace

TEST_CASE("requests - notifications and responses are told apart", "[jsonrpc]") {
  auto req = parseMessage(R"({"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}})");
  REQUIRE(req.has_value());
  REQUIRE(std::holds_alternative<Request>(*req));
  CHECK(std::get<Request>(*req).id == 7);
  CHECK(std::get<Request>(*req).method == "textDocument/hover");

  auto str_id = parseMessage(R"({"jsonrpc":"2.0","id":"abc","method":"shutdown","params":null})");
  REQUIRE(str_id.has_value());
  CHECK(std::get<Request>(*str_id).id == "abc");
  CHECK(std::get<Request>(*str_id).params.is_null());

  auto note = parseMessage(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  REQUIRE(std::holds_alternative<Notification>(*note));
  CHECK(std::get<Notification>(*note).method == "initialized");

  auto ok = parseMessage(R"({"jsonrpc":"2.0","id":1,"result":[null]})");
  REQUIRE(std::holds_alternative<Response>(*ok));
  CHECK(std::get<Response>(*ok).result == json::array({nullptr}));
  CHECK_FALSE(std::get<Response>(*ok).error);

  auto err = parseMessage(R"({"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"no"}})");
  REQUIRE(std::holds_alternative<Response>(*err));
  REQUIRE(std::get<Response>(*err).error);
  CHECK(std::get<Response>(*err).error->code == ErrorCode::MethodNotFound);
  CHECK(std::get<Response>(*err).error->message == "no");
}

TEST_CASE("bad JSON is a parse error with a null id", "[jsonrpc]") {
  auto e = errorOf(R"({"jsonrpc":"2.0","id":1,"method":)");
  CHECK(e.error.code == ErrorCode::ParseError);
  CHECK(e.id.is_null());
}

TEST_CASE("invalid UTF-8 inside a JSON string is a parse error", "[jsonrpc]") {
  auto e = errorOf("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"t\":\"\xC3\x28\"}}");
  CHECK(e.error.code == ErrorCode::ParseError);
}

TEST_CASE("deeply nested JSON is refused before it is parsed", "[jsonrpc]") {
  std::string deep = R"({"jsonrpc":"2.0","method":"x","params":)" + std::string(100000, '[') +
                     std::string(100000, ']') + "}";
  auto e = errorOf(deep);
  CHECK(e.error.code == ErrorCode::ParseError);
  CHECK(e.error.message.find("nested deeper") != std::string::npos);
  // Brackets inside strings do not count.
  std::string in_string =
      R"({"jsonrpc":"2.0","method":"x","params":{"t":")" + std::string(1000, '[') + R"("}})";
  CHECK(parseMessage(in_string).has_value());
}

TEST_CASE("JSON that is not a JSON-RPC message is an invalid request", "[jsonrpc]") {
  CHECK(errorOf("42").error.code == ErrorCode::InvalidRequest);
  CHECK(errorOf("[]").error.code == ErrorCode::InvalidRequest);
  CHECK(errorOf(R"({"id":1,"method":"x"})").error.code == ErrorCode::InvalidRequest);
  CHECK(errorOf(R"({"jsonrpc":"1.0","id":1,"method":"x"})").error.code ==
        ErrorCode::InvalidRequest);
  CHECK(errorOf(R"({"jsonrpc":"2.0","id":{},"method":"x"})").error.code ==
        ErrorCode::InvalidRequest);
  CHECK(errorOf(R"({"jsonrpc":"2.0"})").error.code == ErrorCode::InvalidRequest);
  CHECK(errorOf(R"({"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1}})").error.code ==
        ErrorCode::InvalidRequest);
  auto bad_params = errorOf(R"({"jsonrpc":"2.0","id":9,"method":"x","params":"text"})");
  CHECK(bad_params.error.code == ErrorCode::InvalidRequest);
  CHECK(bad_params.id == 9); // the id is kept, so the answer reaches the right request
  auto bad_method = errorOf(R"({"jsonrpc":"2.0","id":"q","method":5})");
  CHECK(bad_method.id == "q");
}

TEST_CASE("replies are JSON-RPC 2.0 with the code as an integer", "[jsonrpc]") {
  auto err = json::parse(encodeError(3, {ErrorCode::RequestCancelled, "cancelled"}));
  CHECK(err["jsonrpc"] == "2.0");
  CHECK(err["id"] == 3);
  CHECK(err["error"]["code"] == -32800);
  CHECK(err["error"]["message"] == "cancelled");
  CHECK(static_cast<int>(ErrorCode::ContentModified) == -32801);
  CHECK(static_cast<int>(ErrorCode::ServerNotInitialized) == -32002);
  CHECK(static_cast<int>(ErrorCode::InvalidParams) == -32602);
  CHECK(static_cast<int>(ErrorCode::InternalError) == -32603);

  auto ok = json::parse(encodeResult("x", nullptr));
  CHECK(ok["id"] == "x");
  CHECK(ok.contains("result"));
  CHECK(ok["result"].is_null());

  auto note = json::parse(encodeNotification("initialized", json::object()));
  CHECK_FALSE(note.contains("id"));
  CHECK(note["method"] == "initialized");
}

TEST_CASE("strings that are not UTF-8 are written with replacement characters", "[jsonrpc]") {
  std::string out = encodeNotification("m", json{{"t", std::string("a\xFF") + "b"}});
  auto back = json::parse(out);
  CHECK(back["params"]["t"] == "a\xEF\xBF\xBD"
                               "b");
}
