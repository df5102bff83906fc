// The server in-process: open/change/close, diagnostics with versions, stale results, hover,
// code actions, settings pulled from the client.
#include <catch2/catch.hpp>

#include "protocol/line_index.h"
#include "server/to_lsp.h"
#include "test_client.h"

using namespace factline::testing;

namespace {

const std::string kDraft = "draft.md";

// A client with a workspace whose .factline/ holds the test base, initialized.
struct Fixture {
  explicit Fixture(json capabilities = json::object(), json settings = nullptr)
      : analyzer(std::make_shared<MarkerAnalyzer>()) {
    workspace.write(".factline/test.json", testFactBase());
    TestClient::Options o;
    o.root = workspace.root.string();
    o.capabilities = std::move(capabilities);
    o.settings = std::move(settings);
    client = std::make_unique<TestClient>(analyzer, o);
    client->initialize();
    uri = workspace.uri(kDraft);
  }
  json hover(int line, int character) {
    int id = client->request("textDocument/hover",
                             {{"textDocument", {{"uri", uri}}},
                              {"position", {{"line", line}, {"character", character}}}});
    client->pump();
    auto r = client->response(id);
    REQUIRE(r);
    return *r;
  }
  TempWorkspace workspace;
  std::shared_ptr<MarkerAnalyzer> analyzer;
  std::unique_ptr<TestClient> client;
  std::string uri;
};

json onlyDiagnostic(const json &publish) {
  REQUIRE(publish.is_object());
  REQUIRE(publish["diagnostics"].size() == 1);
  return publish["diagnostics"][0];
}

} // namespace

TEST_CASE("didOpen publishes diagnostics with the version - ranges in UTF-16", "[documents]") {
  Fixture f;
  // “ and é are one UTF-16 unit each, the emoji two.
  f.client->open(f.uri,
                 "\xE2\x80\x9C"
                 "caf\xC3\xA9\xE2\x80\x9D \xF0\x9F\x98\x80 WRONG\nFINE",
                 7);
  f.client->pump();
  json p = f.client->lastDiagnostics(f.uri);
  CHECK(p["version"] == 7);
  json d = onlyDiagnostic(p); // FINE is verified: no diagnostic
  CHECK(d["range"] == range(0, 10, 0, 15));
  CHECK(d["severity"] == 2);
  CHECK(d["code"] == "test-wrong");
  CHECK(d["source"] == "factline");
  CHECK(d["message"] == "WRONG is not what the record says");
  CHECK(d["data"]["evidence"][0]["id"] == "f-test");
}

TEST_CASE("ranges follow the negotiated UTF-8 and UTF-32 encodings", "[documents]") {
  for (auto [encoding, start] : {std::pair{"utf-8", 17}, std::pair{"utf-32", 9}}) {
    CAPTURE(encoding);
    Fixture f(json{{"general", {{"positionEncodings", {encoding}}}}});
    f.client->open(f.uri, "\xE2\x80\x9C"
                          "caf\xC3\xA9\xE2\x80\x9D \xF0\x9F\x98\x80 WRONG");
    f.client->pump();
    CHECK(onlyDiagnostic(f.client->lastDiagnostics(f.uri))["range"] ==
          range(0, start, 0, start + 5));
  }
}

TEST_CASE("several incremental changes in one notification - then diagnostics move",
          "[documents]") {
  Fixture f;
  f.client->open(f.uri, "alpha WRONG\nbeta");
  f.client->pump();
  CHECK(onlyDiagnostic(f.client->lastDiagnostics(f.uri))["range"] == range(0, 6, 0, 11));
  // Insert a line at the top, then (positions now in the new text) prefix line 1 with an emoji.
  f.client->change(f.uri, 2,
                   {{{"range", range(0, 0, 0, 0)}, {"text", "new line\n"}},
                    {{"range", range(1, 0, 1, 0)}, {"text", "\xF0\x9F\x98\x80"}}});
  f.client->pump();
  json p = f.client->lastDiagnostics(f.uri);
  CHECK(p["version"] == 2);
  CHECK(onlyDiagnostic(p)["range"] == range(1, 8, 1, 13));
  // A full-text change is accepted too.
  f.client->change(f.uri, 3, {{{"text", "WRONG WRONG"}}});
  f.client->pump();
  CHECK(f.client->lastDiagnostics(f.uri)["diagnostics"].size() == 2);
  CHECK(f.client->lastDiagnostics(f.uri)["version"] == 3);
}

TEST_CASE("results for an outdated version are dropped - and its analysis is cancelled",
          "[documents]") {
  Fixture f;
  SECTION("an analysis that finishes after the newer edit arrived") {
    f.client->open(f.uri, "WRONG", 1);
    f.client->pool_io.restart();
    REQUIRE(f.client->pool_io.poll_one() == 1); // v1 analysed; its result is on its way back
    f.client->change(f.uri, 2, {{{"range", range(0, 0, 0, 0)}, {"text", "ok "}}});
    f.client->pump();
    auto all = f.client->diagnosticsFor(f.uri);
    REQUIRE(all.size() == 1); // v1's result was never published
    CHECK(all[0]["version"] == 2);
    CHECK(onlyDiagnostic(all[0])["range"] == range(0, 3, 0, 8));
  }
  SECTION("an analysis under way when the newer edit arrives sees its token cancelled") {
    bool edited = false;
    f.analyzer->during = [&](const std::string &text) {
      if (!edited && text == "WRONG") {
        edited = true;
        f.client->change(f.uri, 2, {{{"text", "WRONG and WRONG"}}});
      }
    };
    f.client->open(f.uri, "WRONG", 1);
    f.client->pump();
    CHECK(f.analyzer->saw_cancel == 1);
    auto all = f.client->diagnosticsFor(f.uri);
    REQUIRE(all.size() == 1);
    CHECK(all[0]["version"] == 2);
    CHECK(all[0]["diagnostics"].size() == 2);
  }
}

TEST_CASE("edits are debounced: a burst is analysed once - at its last version", "[documents]") {
  TempWorkspace workspace;
  auto analyzer = std::make_shared<MarkerAnalyzer>();
  TestClient::Options o;
  o.root = workspace.root.string();
  o.fixed_debounce_ms = -1; // the setting's debounce applies
  o.capabilities = {{"workspace", {{"configuration", true}}}};
  o.settings = {{"debounceMs", 40}};
  TestClient client(analyzer, o);
  client.initialize();
  std::string uri = workspace.uri("d.md");
  client.open(uri, "x");
  client.pump();
  int runs_after_open = analyzer->runs;
  for (int v = 2; v <= 6; ++v)
    client.change(uri, v, {{{"range", range(0, 0, 0, 0)}, {"text", "WRONG "}}});
  client.pump(); // the timer has not expired: nothing analysed yet
  CHECK(analyzer->runs == runs_after_open);
  client.runFor(std::chrono::milliseconds(120));
  CHECK(analyzer->runs == runs_after_open + 1);
  json p = client.lastDiagnostics(uri);
  CHECK(p["version"] == 6);
  CHECK(p["diagnostics"].size() == 5);
}

TEST_CASE("didClose clears the diagnostics - edits to unopened documents are ignored",
          "[documents]") {
  Fixture f;
  f.client->open(f.uri, "WRONG");
  f.client->pump();
  f.client->notify("textDocument/didClose", {{"textDocument", {{"uri", f.uri}}}});
  f.client->pump();
  json p = f.client->lastDiagnostics(f.uri);
  CHECK(p["diagnostics"].empty());
  CHECK_FALSE(p.contains("version"));
  std::size_t before = f.client->sent.size();
  f.client->change(f.uri, 5, {{{"text", "WRONG"}}});
  f.client->pump();
  CHECK(f.client->sent.size() == before);
  CHECK(f.hover(0, 1)["error"]["code"] == -32602);
}

TEST_CASE("hover shows the record - for verified claims too", "[documents]") {
  Fixture f;
  f.client->open(f.uri, "WRONG then FINE then nothing");
  f.client->pump();
  json wrong = f.hover(0, 2)["result"];
  std::string text = wrong["contents"]["value"];
  CHECK(wrong["contents"]["kind"] == "plaintext"); // the client did not offer markdown
  CHECK(text.find("### Wrong figure") == 0);
  CHECK(text.find("Record: **up to 87 million** users") != std::string::npos);
  CHECK(text.find("Stated by: **Ada Lovelace**, analyst") != std::string::npos);
  CHECK(text.find("Notes on the Engine") != std::string::npos);
  CHECK(wrong["range"] == range(0, 0, 0, 5));

  json fine = f.hover(0, 12)["result"];
  std::string verified = fine["contents"]["value"];
  CHECK(verified.find("### Verified quote") == 0);
  CHECK(verified.find("> The engine weaves algebraic patterns") != std::string::npos);
  CHECK(verified.find("the engine talk, 1 July 1843") != std::string::npos);

  CHECK(f.hover(0, 25)["result"].is_null());
}

TEST_CASE("hover answers in markdown when the client prefers it", "[documents]") {
  Fixture f(json{{"textDocument", {{"hover", {{"contentFormat", {"markdown", "plaintext"}}}}}}});
  f.client->open(f.uri, "FINE");
  f.client->pump();
  CHECK(f.hover(0, 0)["result"]["contents"]["kind"] == "markdown");
}

TEST_CASE("code actions offer the finding's fix as a workspace edit", "[documents]") {
  SECTION("as changes") {
    Fixture f;
    f.client->open(f.uri, "\xF0\x9F\x98\x80 WRONG");
    f.client->pump();
    int id = f.client->request("textDocument/codeAction",
                               {{"textDocument", {{"uri", f.uri}}},
                                {"range", range(0, 4, 0, 4)},
                                {"context", {{"diagnostics", json::array()}}}});
    f.client->pump();
    json actions = f.client->response(id)->at("result");
    REQUIRE(actions.size() == 2); // the fix, then "Mark as reviewed…" (review_decisions_test.cc)
    CHECK(actions[1]["command"]["command"] == "factline.markReviewed");
    CHECK(actions[0]["title"] == "Replace with 'right'");
    CHECK(actions[0]["kind"] == "quickfix");
    CHECK(actions[0]["isPreferred"] == true);
    CHECK(actions[0]["diagnostics"][0]["code"] == "test-wrong");
    json edit = actions[0]["edit"]["changes"][f.uri][0];
    CHECK(edit["range"] == range(0, 3, 0, 8));
    CHECK(edit["newText"] == "right");
    // Nothing to fix away from the finding; nothing for other kinds.
    int none = f.client->request("textDocument/codeAction",
                                 {{"textDocument", {{"uri", f.uri}}},
                                  {"range", range(0, 0, 0, 1)},
                                  {"context", {{"diagnostics", json::array()}}}});
    int other =
        f.client->request("textDocument/codeAction",
                          {{"textDocument", {{"uri", f.uri}}},
                           {"range", range(0, 4, 0, 4)},
                           {"context", {{"diagnostics", json::array()}, {"only", {"refactor"}}}}});
    f.client->pump();
    CHECK(f.client->response(none)->at("result").empty());
    CHECK(f.client->response(other)->at("result").empty());
  }
  SECTION("pinned to the version when the client takes documentChanges") {
    Fixture f(json{{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
    f.client->open(f.uri, "WRONG", 4);
    f.client->pump();
    int id = f.client->request("textDocument/codeAction",
                               {{"textDocument", {{"uri", f.uri}}},
                                {"range", range(0, 0, 0, 5)},
                                {"context", {{"diagnostics", json::array()}}}});
    f.client->pump();
    json dc = f.client->response(id)->at("result")[0]["edit"]["documentChanges"][0];
    CHECK(dc["textDocument"]["version"] == 4);
    CHECK(dc["edits"][0]["newText"] == "right");
  }
}

TEST_CASE("configuration is pulled after initialized and on didChangeConfiguration",
          "[documents]") {
  Fixture f(json{{"workspace", {{"configuration", true}}}},
            {{"severity", {{"test-wrong", "error"}}}, {"unverifiedSeverity", "hint"}});
  auto pulls = f.client->serverRequests("workspace/configuration");
  REQUIRE(pulls.size() == 1);
  CHECK(pulls[0]["params"]["items"][0]["section"] == "factline");
  f.client->open(f.uri, "WRONG DOUBT");
  f.client->pump();
  json p = f.client->lastDiagnostics(f.uri);
  REQUIRE(p["diagnostics"].size() == 2);
  CHECK(p["diagnostics"][0]["severity"] == 1); // test-wrong raised to error
  CHECK(p["diagnostics"][1]["severity"] == 4); // unverified as a hint

  f.client->options.settings = {{"unverifiedQuotes", false}, {"severity", {{"test-wrong", "off"}}}};
  f.client->notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  f.client->pump();
  CHECK(f.client->serverRequests("workspace/configuration").size() == 2);
  CHECK(f.client->lastDiagnostics(f.uri)["diagnostics"].empty());
}

TEST_CASE("settings come with didChangeConfiguration when the client cannot be asked",
          "[documents]") {
  Fixture f;
  CHECK(f.client->serverRequests("workspace/configuration").empty());
  f.client->open(f.uri, "WRONG");
  f.client->pump();
  f.client->notify(
      "workspace/didChangeConfiguration",
      {{"settings",
        {{"factline", {{"severity", {{"test-wrong", "hint"}}}, {"debounceMs", "soon"}}}}}});
  f.client->pump();
  CHECK(onlyDiagnostic(f.client->lastDiagnostics(f.uri))["severity"] == 4);
  // The bad setting is reported once, and the good one still applied.
  auto shown = f.client->notifications("window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["type"] == 2);
  CHECK(shown[0]["message"].get<std::string>().find("factline.debounceMs") != std::string::npos);
}

TEST_CASE("documentSymbol lists every checked claim with its status - the review checklist",
          "[documents]") {
  SECTION("hierarchical DocumentSymbol[] when the client supports it") {
    Fixture f(json{
        {"textDocument", {{"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}}}}});
    f.client->open(f.uri, "\xF0\x9F\x98\x80 FINE then\nWRONG and DOUBT");
    f.client->pump();
    int id = f.client->request("textDocument/documentSymbol", {{"textDocument", {{"uri", f.uri}}}});
    f.client->pump();
    auto r = f.client->response(id);
    REQUIRE(r);
    json symbols = (*r)["result"];
    REQUIRE(symbols.size() == 3); // in document order, verified claims included
    // The status leads the name, for clients that show names alone (Neovim's document_symbol);
    // the marker analyzer gives no claim, so the status is all of it (see the next test case).
    CHECK(symbols[0]["name"] == "Verified quote");
    CHECK(symbols[0]["detail"].get<std::string>().find("Ada Lovelace") == 0);
    CHECK(symbols[0]["kind"] == 15);                 // String: a quote
    CHECK(symbols[0]["range"] == range(0, 3, 0, 7)); // after a two-unit emoji, in UTF-16
    CHECK(symbols[0]["selectionRange"] == symbols[0]["range"]);
    CHECK(symbols[1]["name"] == "Wrong figure");
    CHECK(symbols[1]["detail"].get<std::string>().find("the record says") == 0);
    CHECK(symbols[1]["kind"] == 16); // Number: a figure
    CHECK(symbols[1]["range"] == range(1, 0, 1, 5));
    CHECK(symbols[2]["name"] == "Unverified quote");
  }
  SECTION("SymbolInformation[] for older clients - unknown documents are an error") {
    Fixture f;
    f.client->open(f.uri, "WRONG");
    f.client->pump();
    int id = f.client->request("textDocument/documentSymbol", {{"textDocument", {{"uri", f.uri}}}});
    f.client->pump();
    json symbols = (*f.client->response(id))["result"];
    REQUIRE(symbols.size() == 1);
    CHECK(symbols[0]["location"]["uri"] == f.uri);
    CHECK(symbols[0]["location"]["range"] == range(0, 0, 0, 5));
    CHECK(symbols[0]["name"].get<std::string>().find("Wrong figure") != std::string::npos);
    int bad = f.client->request("textDocument/documentSymbol",
                                {{"textDocument", {{"uri", f.workspace.uri("other.md")}}}});
    f.client->pump();
    CHECK((*f.client->response(bad))["error"]["code"] == -32602);
  }
}

TEST_CASE("an outline symbol is named by its status, then the draft's words", "[documents]") {
  const std::string text = "We said \u201Cit was a mistake\u201D and 78 million.";
  factline::protocol::LineIndex lines(text);
  factline::server::LspView view{lines, factline::protocol::PositionEncoding::Utf16};
  std::vector<factline::analyzers::Finding> findings(2);
  findings[0].rule = "figure-wrong";
  findings[0].status = factline::analyzers::Status::Wrong;
  findings[0].span = {text.find("78"), text.find("78") + 10};
  findings[0].claim = "78 million";
  findings[1].rule = "quote-altered";
  findings[1].status = factline::analyzers::Status::Altered;
  findings[1].span = {text.find("it"), text.find(" and")};
  findings[1].claim = "it was a mistake";
  factline::facts::FactBase base;
  auto symbols = factline::server::toDocumentSymbols(findings, base, view);
  REQUIRE(symbols.size() == 2); // in document order
  CHECK(symbols[0].name == "Altered quote: \u201Cit was a mistake\u201D");
  CHECK(symbols[1].name == "Wrong figure: 78 million");
}
