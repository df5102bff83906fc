// The server's fact bases: .factline/ and factline.factBases loaded, broken files reported with
// their position, the last good version kept, reloads on file changes, watchers registered.
#include <catch2/catch.hpp>

#include "test_client.h"

using namespace factline::testing;

namespace {

// The test base with the quote given to someone the file does not define, on a known line.
std::string brokenBase() {
  std::string text = testFactBase();
  auto at = text.find("\"speaker\": \"p-ada\"");
  REQUIRE(at != std::string::npos);
  return text.replace(at, 18, "\"speaker\": \"p-nobody\"");
}

int lineOf(const std::string &text, const std::string &needle) {
  auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

struct Fixture {
  explicit Fixture(const std::string &base, json capabilities = json::object(),
                   json settings = nullptr) {
    workspace.write(".factline/test.json", base);
    TestClient::Options o;
    o.root = workspace.root.string();
    o.capabilities = std::move(capabilities);
    o.settings = std::move(settings);
    client = std::make_unique<TestClient>(std::make_shared<MarkerAnalyzer>(), o);
    client->initialize();
    fact_uri = workspace.uri(".factline/test.json");
    draft_uri = workspace.uri("draft.md");
  }
  std::string hoverText(int line, int character) {
    int id = client->request("textDocument/hover",
                             {{"textDocument", {{"uri", draft_uri}}},
                              {"position", {{"line", line}, {"character", character}}}});
    client->pump();
    json r = client->response(id)->at("result");
    return r.is_null() ? "" : r["contents"]["value"].get<std::string>();
  }
  void filesChanged() {
    client->notify("workspace/didChangeWatchedFiles",
                   {{"changes", {{{"uri", fact_uri}, {"type", 2}}}}});
    client->pump();
  }
  TempWorkspace workspace;
  std::unique_ptr<TestClient> client;
  std::string fact_uri, draft_uri;
};

} // namespace

TEST_CASE("a broken base is reported with file:line:col and shown on the open file", "[facts]") {
  Fixture f(brokenBase());
  auto shown = f.client->notifications("window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["type"] == 1);
  std::string message = shown[0]["message"];
  int line = lineOf(brokenBase(), "p-nobody");
  std::string where =
      (f.workspace.root / ".factline/test.json").string() + ":" + std::to_string(line + 1) + ":";
  CHECK(message.find(where) != std::string::npos);
  CHECK(message.find("p-nobody") != std::string::npos);
  CHECK(message.find("not loaded") != std::string::npos);

  // Opening the fact file puts the error on it, at the bad id.
  f.client->open(f.fact_uri, brokenBase(), 1, "json");
  f.client->pump();
  json p = f.client->lastDiagnostics(f.fact_uri);
  REQUIRE(p["diagnostics"].size() >= 1);
  json d = p["diagnostics"][0];
  CHECK(d["severity"] == 1);
  CHECK(d["range"]["start"]["line"] == line);
  CHECK(d["message"].get<std::string>().find("p-nobody") != std::string::npos);

  // Fixed on disk: reloaded, the file's diagnostics cleared, drafts checked against it.
  f.client->open(f.draft_uri, "FINE");
  f.client->pump();
  CHECK(f.hoverText(0, 1).find("is not in the fact base") != std::string::npos);
  std::size_t publishes = f.client->diagnosticsFor(f.draft_uri).size();
  f.workspace.write(".factline/test.json", testFactBase());
  f.filesChanged();
  CHECK(f.client->lastDiagnostics(f.fact_uri)["diagnostics"].empty());
  CHECK(f.client->diagnosticsFor(f.draft_uri).size() == publishes + 1);
  CHECK(f.hoverText(0, 1).find("The engine weaves algebraic patterns") != std::string::npos);
}

TEST_CASE("a base that breaks keeps its last good version in use", "[facts]") {
  Fixture f(testFactBase());
  CHECK(f.client->notifications("window/showMessage").empty());
  f.client->open(f.draft_uri, "FINE");
  f.client->pump();
  CHECK(f.hoverText(0, 1).find("The engine weaves algebraic patterns") != std::string::npos);

  f.workspace.write(".factline/test.json", "{ \"factline\": 1, \"quotes\": [ oops ] }");
  f.filesChanged();
  auto shown = f.client->notifications("window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["type"] == 1);
  CHECK(shown[0]["message"].get<std::string>().find("last good version") != std::string::npos);
  CHECK(f.hoverText(0, 1).find("The engine weaves algebraic patterns") != std::string::npos);
  // The same problem again is not shown again.
  f.filesChanged();
  CHECK(f.client->notifications("window/showMessage").size() == 1);
}

TEST_CASE("configured bases load relative to the root - a missing one is reported - not fatal",
          "[facts]") {
  TempWorkspace workspace;
  std::string extra = testFactBase();
  auto at = extra.find("The engine weaves algebraic patterns");
  extra.replace(at, 36, "The engine composes elaborate music");
  workspace.write("bases/extra.json", extra);
  TestClient::Options o;
  o.root = workspace.root.string();
  o.capabilities = {{"workspace", {{"configuration", true}}}};
  o.settings = {{"factBases", {"bases/extra.json", "bases/missing.json"}}};
  TestClient client(std::make_shared<MarkerAnalyzer>(), o);
  client.initialize();
  auto shown = client.notifications("window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["type"] == 2);
  CHECK(shown[0]["message"].get<std::string>().find("bases/missing.json") != std::string::npos);

  std::string uri = workspace.uri("d.md");
  client.open(uri, "FINE");
  client.pump();
  int id = client.request("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                 {"position", {{"line", 0}, {"character", 0}}}});
  client.pump();
  CHECK(client.response(id)->at("result")["contents"]["value"].get<std::string>().find(
            "The engine composes elaborate music") != std::string::npos);
}

TEST_CASE("file watchers are registered when the client allows it", "[facts]") {
  json caps = {
      {"workspace",
       {{"configuration", true}, {"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}};
  Fixture f(testFactBase(), caps, {{"factBases", {"more/extra.json"}}});
  auto registrations = f.client->serverRequests("client/registerCapability");
  REQUIRE(!registrations.empty());
  json reg = registrations.back()["params"]["registrations"][0];
  CHECK(reg["method"] == "workspace/didChangeWatchedFiles");
  std::vector<std::string> patterns;
  for (const auto &w : reg["registerOptions"]["watchers"])
    patterns.push_back(w["globPattern"]);
  CHECK(patterns == std::vector<std::string>{"**/.factline/*.json", "**/extra.json"});

  Fixture plain(testFactBase());
  CHECK(plain.client->serverRequests("client/registerCapability").empty());
}

TEST_CASE("changes to files that are not fact bases do not reload", "[facts]") {
  Fixture f(testFactBase());
  f.client->open(f.draft_uri, "WRONG");
  f.client->pump();
  std::size_t publishes = f.client->diagnosticsFor(f.draft_uri).size();
  f.client->notify("workspace/didChangeWatchedFiles",
                   {{"changes", {{{"uri", f.workspace.uri("notes/other.json")}, {"type", 1}}}}});
  f.client->pump();
  CHECK(f.client->diagnosticsFor(f.draft_uri).size() == publishes);
}

TEST_CASE("a relative base without a workspace root is reported - never read from the cwd",
          "[facts]") {
  // The tests run in the source folder, where this relative path names a real, valid base: it
  // must still not be read, because the writer never chose the server's working directory.
  TestClient::Options o;
  o.capabilities = {{"workspace", {{"configuration", true}}}};
  o.settings = {{"factBases", {"facts/bundled/cambridge-analytica-2018.json"}}};
  TestClient client(std::make_shared<MarkerAnalyzer>(), o);
  client.initialize();
  auto shown = client.notifications("window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["type"] == 2);
  std::string message = shown[0]["message"];
  CHECK(message.find("facts/bundled/cambridge-analytica-2018.json") != std::string::npos);
  CHECK(message.find("needs a workspace root") != std::string::npos);
}
