// Hostile input through the server, in-process: bytes that are not JSON-RPC, params of the wrong
// type, edits and ranges that point nowhere, floods of quotation marks. Each gets the spec's
// answer and the server keeps serving. (Framing and sizes go through the real binary, in
// hostile_process_test.cc.)
#include <catch2/catch.hpp>

#include "test_client.h"

using namespace factline::testing;

namespace {

std::shared_ptr<MarkerAnalyzer> markers() { return std::make_shared<MarkerAnalyzer>(); }

int errorCode(const json &answer) { return answer.at("error").at("code").get<int>(); }

json hoverAt(TestClient &client, const std::string &uri, int line, int character) {
  int id = client.request(
      "textDocument/hover",
      {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", character}}}});
  client.pump();
  auto answer = client.response(id);
  REQUIRE(answer);
  return *answer;
}

// The server still does its job: a hover on the WRONG marker at (0, 0) of `uri`.
void checkStillServing(TestClient &client, const std::string &uri) {
  json answer = hoverAt(client, uri, 0, 1);
  REQUIRE(answer.contains("result"));
  CHECK(answer["result"]["contents"]["value"].get<std::string>().find("### Wrong figure") == 0);
}

} // namespace

TEST_CASE("invalid UTF-8 inside a JSON string is a parse error - then serving goes on",
          "[hostile]") {
  TestClient client(markers());
  client.initialize();
  client.open("file:///d.md", "WRONG");
  client.pump();
  std::size_t before = client.sent.size();
  client.sendBody("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":"
                  "{\"textDocument\":{\"uri\":\"file:///\xff\xfe.md\"},"
                  "\"position\":{\"line\":0,\"character\":0}}}");
  client.sendBody("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":"
                  "{\"textDocument\":{\"uri\":\"file:///d.md\",\"version\":2},"
                  "\"contentChanges\":[{\"text\":\"\xed\xa0\x80 lone surrogate\"}]}}");
  client.pump();
  REQUIRE(client.sent.size() == before + 2);
  for (std::size_t i = before; i < before + 2; ++i) {
    CHECK(client.sent[i]["error"]["code"] == -32700);
    CHECK(client.sent[i]["id"].is_null()); // the id of an unparsable message cannot be known
  }
  checkStillServing(client, "file:///d.md"); // the didChange never applied
}

TEST_CASE("deeply nested JSON is refused as a parse error - then serving goes on", "[hostile]") {
  TestClient client(markers());
  client.initialize();
  client.open("file:///d.md", "WRONG");
  client.pump();
  std::size_t before = client.sent.size();
  client.sendBody(std::string(1'000'000, '[') + std::string(1'000'000, ']'));
  client.sendBody("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/hover\",\"params\":" +
                  std::string(5000, '[') + std::string(5000, ']') + "}");
  client.pump();
  REQUIRE(client.sent.size() == before + 2);
  for (std::size_t i = before; i < before + 2; ++i) {
    CHECK(client.sent[i]["error"]["code"] == -32700);
    CHECK(client.sent[i]["error"]["message"].get<std::string>().find("nested deeper") !=
          std::string::npos);
  }
  checkStillServing(client, "file:///d.md");
}

TEST_CASE("params of the wrong type: requests get -32602, notifications are logged", "[hostile]") {
  TestClient client(markers());
  client.initialize();
  client.open("file:///d.md", "WRONG");
  client.pump();

  struct Case {
    const char *method;
    json params;
    const char *path; // named in the message
  };
  const std::vector<Case> requests = {
      {"textDocument/hover",
       {{"textDocument", {{"uri", "file:///d.md"}}},
        {"position", {{"line", -1}, {"character", 0}}}},
       "params.position.line"},
      {"textDocument/hover",
       {{"textDocument", {{"uri", 42}}}, {"position", {{"line", 0}, {"character", 0}}}},
       "params.textDocument.uri"},
      {"textDocument/hover", json::array({1, 2}), "params"},
      {"textDocument/codeAction",
       {{"textDocument", {{"uri", "file:///d.md"}}},
        {"range", "all of it"},
        {"context", json::object()}},
       "params.range"},
      {"textDocument/hover",
       {{"textDocument", {{"uri", "file:///d.md"}}},
        {"position", {{"line", 0}, {"character", 1e300}}}},
       "params.position.character"},
  };
  for (const auto &c : requests) {
    CAPTURE(c.method, c.params.dump());
    int id = client.request(c.method, c.params);
    client.pump();
    auto answer = client.response(id);
    REQUIRE(answer);
    CHECK(errorCode(*answer) == -32602);
    CHECK(answer->at("error").at("message").get<std::string>().find(c.path) != std::string::npos);
  }

  const std::vector<Case> notes = {
      {"textDocument/didOpen",
       {{"textDocument",
         {{"uri", "file:///e.md"}, {"languageId", "markdown"}, {"version", 1}, {"text", 42}}}},
       "params.textDocument.text"},
      {"textDocument/didChange",
       {{"textDocument", {{"uri", "file:///d.md"}, {"version", 2}}},
        {"contentChanges", {{{"range", {{"start", 0}}}, {"text", "x"}}}}},
       "params.contentChanges[0].range"},
      {"textDocument/didClose", {{"textDocument", nullptr}}, "params.textDocument"},
  };
  for (const auto &c : notes) {
    CAPTURE(c.method, c.params.dump());
    std::size_t logged = client.notifications("window/logMessage").size();
    client.notify(c.method, c.params);
    client.pump();
    auto log = client.notifications("window/logMessage");
    REQUIRE(log.size() == logged + 1);
    CHECK(log.back()["message"].get<std::string>().find(c.path) != std::string::npos);
  }
  CHECK(client.lastDiagnostics("file:///e.md").is_null()); // the bad didOpen opened nothing
  checkStillServing(client, "file:///d.md");
}

TEST_CASE("ranges past the end are clamped to it - hovers past the end answer null", "[hostile]") {
  TestClient client(markers());
  client.initialize();
  const std::string uri = "file:///d.md";
  client.open(uri, "WRONG one\ntwo");
  client.pump();
  // A character past its line's end means the line's end; a line past the last, the text's end.
  client.change(uri, 2,
                {{{"range", range(0, 400, 0, 1'000'000)}, {"text", " WRONG"}},
                 {{"range", range(99, 0, 4'000'000, 7)}, {"text", " WRONG"}}});
  client.pump();
  json p = client.lastDiagnostics(uri);
  REQUIRE(p["version"] == 2);
  REQUIRE(p["diagnostics"].size() == 3);
  CHECK(p["diagnostics"][1]["range"] == range(0, 10, 0, 15));
  CHECK(p["diagnostics"][2]["range"] == range(1, 4, 1, 9));
  // Positions at the limit of the type are still only clamped.
  const json far = {{"line", 4294967295u}, {"character", 4294967295u}};
  client.change(
      uri, 3,
      {{{"range", {{"start", far}, {"end", {{"line", 0}, {"character", 0}}}}}, {"text", ""}}});
  client.pump();
  CHECK(client.lastDiagnostics(uri)["diagnostics"].empty()); // everything after (0,0) went
  client.change(uri, 4, {{{"text", "WRONG\n\nplain"}}});
  client.pump();
  CHECK(hoverAt(client, uri, 4000, 4000)["result"].is_null());
  CHECK(hoverAt(client, uri, 0, 4000)["result"].is_object()); // the line's end touches WRONG
  // A code action over a range far past the end is answered from the clamped range.
  int id =
      client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                 {"range", range(0, 0, 999999, 0)},
                                                 {"context", {{"diagnostics", json::array()}}}});
  client.pump();
  REQUIRE(client.response(id));
  CHECK(client.response(id)->at("result").size() == 1);
}

TEST_CASE("edits and requests for documents never opened get the spec's answers", "[hostile]") {
  TestClient client(markers());
  client.initialize();
  client.open("file:///d.md", "WRONG");
  client.pump();
  std::size_t before = client.sent.size();
  client.change("file:///never.md", 2, {{{"range", range(0, 0, 0, 0)}, {"text", "WRONG"}}});
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", "file:///never.md"}}}});
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", "file:///never.md"}}}});
  client.pump();
  CHECK(client.sent.size() == before); // notifications are not answered; nothing was published
  CHECK(errorCode(hoverAt(client, "file:///never.md", 0, 0)) == -32602);
  checkStillServing(client, "file:///d.md");
}

TEST_CASE("thousands of quotation marks with the real analyzers - answered, and serving goes on",
          "[hostile]") {
  TestClient::Options options;
  options.bundled_facts = true;
  TestClient client(nullptr, options); // the standard analyzers against the bundled base
  client.initialize();
  std::string marks;
  for (int i = 0; i < 4000; ++i)
    marks += i % 4 == 0 ? "\xE2\x80\x9C" : i % 4 == 1 ? "\"" : i % 4 == 2 ? "\xE2\x80\x9D" : "'";
  const std::string text = "Zuckerberg said " + marks + " and \xC2\xAB" + marks +
                           "\n\nFacebook said the data of 78 million Facebook users was improperly "
                           "shared with Cambridge Analytica.\n";
  client.open("file:///q.md", text);
  client.pump();
  json p = client.lastDiagnostics("file:///q.md");
  REQUIRE(p["version"] == 1);
  bool figure = false;
  for (const auto &d : p["diagnostics"])
    figure = figure || d["code"] == "figure-wrong";
  CHECK(figure); // the claim after the flood is still checked
  json answer = hoverAt(client, "file:///q.md", 0, 20);
  CHECK(answer.contains("result"));
}
