// The server in-process: lifecycle, exit codes, malformed messages, cancellation.
#include <catch2/catch.hpp>

#include "test_client.h"

using namespace factline::testing;

namespace {
std::shared_ptr<MarkerAnalyzer> markers() { return std::make_shared<MarkerAnalyzer>(); }
int errorCode(const json &response) { return response.at("error").at("code").get<int>(); }
} // namespace

TEST_CASE("initialize answers the capabilities and the negotiated encoding", "[lifecycle]") {
  SECTION("UTF-16 when the client offers nothing") {
    TestClient client(markers());
    json r = client.initialize();
    CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-16");
    CHECK(r["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
    CHECK(r["result"]["capabilities"]["textDocumentSync"]["openClose"] == true);
    CHECK(r["result"]["capabilities"]["hoverProvider"] == true);
    CHECK(r["result"]["capabilities"]["codeActionProvider"]["codeActionKinds"][0] == "quickfix");
    CHECK(r["result"]["serverInfo"]["name"] == "factline");
  }
  SECTION("the client's first supported choice") {
    TestClient::Options o;
    o.capabilities = {{"general", {{"positionEncodings", {"utf-32", "utf-8", "utf-16"}}}}};
    TestClient client(markers(), o);
    CHECK(client.initialize()["result"]["capabilities"]["positionEncoding"] == "utf-32");
  }
}

TEST_CASE("requests before initialize get -32002 - notifications are dropped", "[lifecycle]") {
  TestClient client(markers());
  int id = client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///a.md"}}},
                                                 {"position", {{"line", 0}, {"character", 0}}}});
  client.open("file:///a.md", "WRONG");
  client.pump();
  auto r = client.response(id);
  REQUIRE(r);
  CHECK(errorCode(*r) == -32002);
  CHECK(client.notifications("textDocument/publishDiagnostics").empty());
  // initialize still works afterwards, once.
  client.initialize();
  int again = client.request("initialize", {{"capabilities", json::object()}});
  client.pump();
  CHECK(errorCode(*client.response(again)) == -32600);
}

TEST_CASE("shutdown then exit ends with 0 - requests after shutdown get -32600", "[lifecycle]") {
  TestClient client(markers());
  client.initialize();
  int id = client.request("shutdown", nullptr);
  client.pump();
  REQUIRE(client.response(id));
  CHECK(client.response(id)->contains("result"));
  CHECK((*client.response(id))["result"].is_null());
  int late = client.request("textDocument/hover", json::object());
  client.pump();
  CHECK(errorCode(*client.response(late)) == -32600);
  CHECK_FALSE(client.exit_code);
  client.notify("exit", nullptr);
  REQUIRE(client.exit_code);
  CHECK(*client.exit_code == 0);
}

TEST_CASE("exit without shutdown ends with 1 - and so does end of input", "[lifecycle]") {
  TestClient a(markers());
  a.initialize();
  a.notify("exit", nullptr);
  REQUIRE(a.exit_code);
  CHECK(*a.exit_code == 1);

  TestClient b(markers());
  b.initialize();
  b.server->endOfInput();
  REQUIRE(b.exit_code);
  CHECK(*b.exit_code == 1);
}

TEST_CASE("malformed messages get the right error and the server keeps serving", "[lifecycle]") {
  TestClient client(markers());
  client.initialize();
  client.open("file:///d.md", "one WRONG");
  client.pump();
  std::size_t before = client.sent.size();

  client.sendBody("{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":"); // bad JSON
  client.pump();
  REQUIRE(client.sent.size() == before + 1);
  CHECK(client.sent.back()["error"]["code"] == -32700);
  CHECK(client.sent.back()["id"].is_null());

  int unknown = client.request("factline/teleport", json::object());
  client.pump();
  CHECK(errorCode(*client.response(unknown)) == -32601);
  CHECK(client.response(unknown)->at("error").at("message") == "unknown method: factline/teleport");

  int bad =
      client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///d.md"}}},
                                            {"position", {{"line", "zero"}, {"character", 4}}}});
  client.pump();
  auto bad_answer = client.response(bad);
  REQUIRE(bad_answer);
  CHECK(errorCode(*bad_answer) == -32602);
  CHECK(bad_answer->at("error").at("message") ==
        "textDocument/hover: params.position.line: expected an integer, got a string");

  client.sendBody(R"({"jsonrpc":"2.0","id":"s","method":"shutdown","params":"nope"})");
  client.pump();
  CHECK(client.sent.back()["error"]["code"] == -32600);
  CHECK(client.sent.back()["id"] == "s");

  // An unknown notification is ignored, silently.
  before = client.sent.size();
  client.notify("$/somethingElse", json::object());
  client.notify("workspace/didRenameFiles", json::object());
  client.pump();
  CHECK(client.sent.size() == before);

  // A notification with bad params is logged to the client; nothing else changes.
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///d.md"}}}});
  client.pump();
  REQUIRE(!client.notifications("window/logMessage").empty());
  CHECK(client.notifications("window/logMessage").back()["message"] ==
        "textDocument/didChange: params.textDocument.version: required field is missing");

  // Still serving: a real hover on the finding.
  int good = client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///d.md"}}},
                                                   {"position", {{"line", 0}, {"character", 5}}}});
  client.pump();
  REQUIRE(client.response(good));
  CHECK(client.response(good)
            ->at("result")
            .at("contents")
            .at("value")
            .get<std::string>()
            .find("### Wrong figure") == 0);
}

TEST_CASE("a framing error is answered as a parse error with a null id", "[lifecycle]") {
  TestClient client(markers());
  client.server->receiveFramingError(
      {factline::protocol::FramingError::Kind::InvalidContentLength, "Content-Length is bad"});
  REQUIRE(client.sent.size() == 1);
  CHECK(client.sent[0]["error"]["code"] == -32700);
  CHECK(client.sent[0]["error"]["message"] == "Content-Length is bad");
}

TEST_CASE("$/cancelRequest answers a waiting request with -32800 - once", "[lifecycle]") {
  TestClient client(markers());
  client.initialize();
  client.open("file:///c.md", "a WRONG b");
  // The hover waits for the analysis, which has not run yet: cancel it meanwhile.
  int id = client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///c.md"}}},
                                                 {"position", {{"line", 0}, {"character", 3}}}});
  CHECK_FALSE(client.response(id));
  client.notify("$/cancelRequest", {{"id", id}});
  auto r = client.response(id);
  REQUIRE(r);
  CHECK(errorCode(*r) == -32800);
  client.pump(); // the analysis finishes and the hover's late answer is dropped
  CHECK(client.response(id)->at("error").at("code") == -32800);
  // Cancelling something already answered, or unknown, changes nothing.
  std::size_t before = client.sent.size();
  client.notify("$/cancelRequest", {{"id", id}});
  client.notify("$/cancelRequest", {{"id", 999}});
  CHECK(client.sent.size() == before);
}

TEST_CASE("a handler that drops its reply still answers - with an internal error", "[lifecycle]") {
  std::vector<std::string> out;
  {
    factline::server::ReplyOnce reply(7, "test/forgetful",
                                      [&](std::string body) { out.push_back(body); });
  }
  REQUIRE(out.size() == 1);
  json answer = json::parse(out[0]);
  CHECK(answer["id"] == 7);
  CHECK(answer["error"]["code"] == -32603);

  out.clear();
  factline::server::ReplyOnce twice(8, "test/twice", [&](std::string b) { out.push_back(b); });
  twice(json(1));
  twice(json(2));
  REQUIRE(out.size() == 1);
  CHECK(json::parse(out[0])["result"] == 1);
}
