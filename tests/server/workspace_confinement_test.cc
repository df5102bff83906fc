// What a workspace can make the server read: fact bases named by workspace-scoped settings, and
// those found in `.factline/`, only inside the workspace folders once `..` and symlinks are
// resolved; a base elsewhere only when the user named it (initializationOptions). A refused path
// is reported with the setting and the reason, never read, never echoed, never watched.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "protocol/uri.h"
#include "server_process.h"
#include "test_client.h"
#include "test_skip.h"

using namespace factline::testing;
namespace fs = std::filesystem;

namespace {

// A recognisable secret no message may ever quote.
const std::string kSecret = "hunter2-secret-7f3a";

// testFactBase() with its one quote reworded: loaded, it changes what a hover on FINE says.
std::string outsideBase() {
  std::string text = testFactBase();
  auto at = text.find("The engine weaves algebraic patterns");
  REQUIRE(at != std::string::npos);
  return text.replace(at, 36, "The engine composes elaborate music");
}

// A folder beside the workspace, outside it: a private file that is not a fact base, and a
// valid base whose quote would show in hovers if it were ever loaded.
struct Outside {
  Outside() {
    secret = outside.root / "passwd";
    std::ofstream(secret) << "root:x:0:0:" << kSecret << ":/root:/bin/sh\n";
    base = outside.root / "newsroom.json";
    std::ofstream(base) << outsideBase();
  }
  TempWorkspace outside;
  fs::path secret, base;
};

json watcherCapabilities(bool pull = true) {
  return {{"workspace",
           {{"configuration", pull}, {"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}};
}

// `../..` from the workspace up to `/`, then down to `target`: a relative path that escapes.
std::string climbingTo(const fs::path &root, const fs::path &target) {
  std::string up;
  for (auto it = root.begin(); it != root.end(); ++it)
    if (it->string() != "/")
      up += "../";
  return up + target.relative_path().string();
}

std::vector<std::string> watchPatterns(const TestClient &client) {
  auto registrations = client.serverRequests("client/registerCapability");
  if (registrations.empty())
    return {};
  std::vector<std::string> patterns;
  for (const auto &w :
       registrations.back()["params"]["registrations"][0]["registerOptions"]["watchers"])
    patterns.push_back(w["globPattern"]);
  return patterns;
}

std::string allSent(const TestClient &client) {
  std::string out;
  for (const auto &m : client.sent)
    out += m.dump() + "\n";
  return out;
}

std::vector<std::string> shownMessages(const TestClient &client) {
  std::vector<std::string> out;
  for (const auto &m : client.notifications("window/showMessage"))
    out.push_back(m["message"]);
  return out;
}

// The hover text on FINE in a fresh draft: says which version of q-test is loaded.
std::string hoverOnFine(TestClient &client, const TempWorkspace &ws) {
  std::string uri = ws.uri("draft.md");
  client.open(uri, "FINE");
  client.pump();
  int id = client.request("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                 {"position", {{"line", 0}, {"character", 1}}}});
  client.pump();
  json r = client.response(id)->at("result");
  return r.is_null() ? "" : r["contents"]["value"].get<std::string>();
}

// Sends initialize with `init_options` (the user's own settings) and initialized.
void initializeWith(TestClient &client, const TempWorkspace &ws, json init_options) {
  json params{{"processId", nullptr},
              {"rootUri", factline::protocol::pathToUri(ws.root.string())},
              {"capabilities", client.options.capabilities},
              {"initializationOptions", std::move(init_options)}};
  int id = client.request("initialize", params);
  client.pump();
  REQUIRE(client.response(id));
  client.notify("initialized", json::object());
  client.pump();
}

bool contains(const std::string &haystack, const std::string &needle) {
  return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("workspace settings cannot name fact bases outside the workspace", "[facts][security]") {
  Outside o;
  TempWorkspace ws;
  ws.write(".factline/test.json", testFactBase());
  const std::string climbing = climbingTo(ws.root, o.secret);
  TestClient::Options opts;
  opts.root = ws.root.string();
  opts.capabilities = watcherCapabilities();
  opts.settings = {{"factBases", {climbing, o.base.string(), "bases/../inside.json"}}};
  ws.write("inside.json", testFactBase());
  TestClient client(std::make_shared<MarkerAnalyzer>(), opts);
  client.initialize();

  auto shown = shownMessages(client);
  REQUIRE(shown.size() == 2);
  // Each names the setting, the path as written and where it leads, and says why.
  CHECK(contains(shown[0], "factline.factBases"));
  CHECK(contains(shown[0], climbing));
  CHECK(contains(shown[0], o.secret.string()));
  CHECK(contains(shown[0], "outside the workspace"));
  CHECK(contains(shown[0], "not read"));
  CHECK(contains(shown[1], o.base.string()));
  CHECK(contains(shown[1], "outside the workspace"));
  // Nothing of the files is ever sent, and only the workspace is watched.
  CHECK_FALSE(contains(allSent(client), kSecret));
  CHECK_FALSE(contains(allSent(client), "composes elaborate"));
  CHECK(watchPatterns(client) == std::vector<std::string>{"**/.factline/*.json", "**/inside.json"});
  // The valid base outside was not loaded.
  CHECK(contains(hoverOnFine(client, ws), "The engine weaves algebraic patterns"));
}

TEST_CASE("a symlink inside the workspace to a file outside it is outside", "[facts][security]") {
  Outside o;
  TempWorkspace ws;
  fs::create_directories(ws.root / "bases");
  fs::create_symlink(o.base, ws.root / "bases/linked.json");
  fs::create_directories(ws.root / ".factline");
  fs::create_symlink(o.secret, ws.root / ".factline/evil.json");
  fs::create_directory_symlink(o.outside.root, ws.root / "elsewhere");
  TestClient::Options opts;
  opts.root = ws.root.string();
  opts.capabilities = watcherCapabilities();
  opts.settings = {{"factBases", {"bases/linked.json", "elsewhere/newsroom.json"}}};
  TestClient client(std::make_shared<MarkerAnalyzer>(), opts);
  client.initialize();

  auto shown = shownMessages(client);
  REQUIRE(shown.size() == 3);
  std::string all;
  for (const auto &s : shown)
    all += s + "\n";
  CHECK(contains(all, (ws.root / ".factline/evil.json").string()));
  CHECK(contains(all, (ws.root / "bases/linked.json").string()));
  CHECK(contains(all, (ws.root / "elsewhere/newsroom.json").string()));
  CHECK(contains(all, "it leads to " + o.base.string()));
  CHECK_FALSE(contains(allSent(client), kSecret));
  CHECK_FALSE(contains(allSent(client), "composes elaborate"));
  CHECK(watchPatterns(client) == std::vector<std::string>{"**/.factline/*.json"});
  // Nothing loaded at all: q-test is unknown.
  CHECK(contains(hoverOnFine(client, ws), "is not in the fact base"));
}

TEST_CASE("a link repointed outside after it was accepted is refused on the reload",
          "[facts][security]") {
  Outside o;
  TempWorkspace ws;
  ws.write(".factline/test.json", testFactBase());
  ws.write("bases/real.json", testFactBase());
  fs::create_symlink(ws.root / "bases/real.json", ws.root / "bases/link.json");
  TestClient::Options opts;
  opts.root = ws.root.string();
  opts.capabilities = watcherCapabilities();
  opts.settings = {{"factBases", {"bases/link.json"}}};
  TestClient client(std::make_shared<MarkerAnalyzer>(), opts);
  client.initialize();
  CHECK(shownMessages(client).empty());

  fs::remove(ws.root / "bases/link.json");
  fs::create_symlink(o.base, ws.root / "bases/link.json");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", ws.uri("bases/link.json")}, {"type", 2}}}}});
  client.pump();
  auto shown = shownMessages(client);
  REQUIRE(shown.size() == 1);
  CHECK(contains(shown[0], "outside the workspace"));
  CHECK(contains(hoverOnFine(client, ws), "The engine weaves algebraic patterns"));
}

TEST_CASE("pushed settings (didChangeConfiguration) are confined too", "[facts][security]") {
  Outside o;
  TempWorkspace ws;
  ws.write(".factline/test.json", testFactBase());
  TestClient::Options opts;
  opts.root = ws.root.string();
  opts.capabilities = watcherCapabilities(/*pull=*/false);
  TestClient client(std::make_shared<MarkerAnalyzer>(), opts);
  client.initialize();
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"factline", {{"factBases", {o.base.string()}}}}}}});
  client.pump();
  auto shown = shownMessages(client);
  REQUIRE(shown.size() == 1);
  CHECK(contains(shown[0], o.base.string()));
  CHECK(contains(shown[0], "outside the workspace"));
  CHECK(watchPatterns(client) == std::vector<std::string>{"**/.factline/*.json"});
  CHECK(contains(hoverOnFine(client, ws), "The engine weaves algebraic patterns"));
}

TEST_CASE("the user's own settings may name a base outside the workspace", "[facts]") {
  Outside o;
  TempWorkspace ws;
  ws.write(".factline/test.json", testFactBase());
  TestClient::Options opts;
  opts.root = ws.root.string();
  opts.capabilities = watcherCapabilities();
  // The pulled settings name it again (clients answer from merged settings): still the user's.
  opts.settings = {{"factBases", {o.base.string()}}};
  TestClient client(std::make_shared<MarkerAnalyzer>(), opts);
  initializeWith(client, ws, {{"factline", {{"factBases", {o.base.string()}}}}});

  CHECK(shownMessages(client).empty());
  CHECK(watchPatterns(client) ==
        std::vector<std::string>{"**/.factline/*.json", "**/newsroom.json"});
  CHECK(contains(hoverOnFine(client, ws), "The engine composes elaborate music"));
}

TEST_CASE("a workspace setting cannot read a file outside: through the real binary, traced",
          "[facts][security][process]") {
  // The messages alone are checked in process above; this test is about what the binary opens.
  if (std::system("strace -f -o /dev/null true >/dev/null 2>&1") != 0)
    FACTLINE_SKIP("strace cannot trace here (missing, or ptrace refused)");
  Outside o;
  TempWorkspace ws;
  ws.write(".factline/test.json", testFactBase());
  fs::create_symlink(o.secret, ws.root / "linked.json");
  const std::string trace =
      (ws.root.parent_path() / (ws.root.filename().string() + ".trace")).string();
  // LeakSanitizer cannot run under ptrace: in a sanitizer build it would fail the exit code.
  const std::vector<std::string> wrapper = {"strace", "-f", "-qq", "-E",
                                            "ASAN_OPTIONS=detect_leaks=0", "-e",
                                            "trace=open,openat,openat2", "-o", trace};
  std::vector<json> messages;
  {
    ServerProcess server({}, wrapper);
    json capabilities = watcherCapabilities(/*pull=*/false);
    server.request(1, "initialize",
                   {{"processId", nullptr},
                    {"rootUri", factline::protocol::pathToUri(ws.root.string())},
                    {"capabilities", capabilities}});
    server.waitFor([](const json &m) { return m.value("id", json()) == 1; });
    server.notify("initialized", json::object());
    const std::string climbing = climbingTo(ws.root, o.secret);
    server.notify(
        "workspace/didChangeConfiguration",
        {{"settings",
          {{"factline", {{"factBases", {climbing, o.secret.string(), "linked.json"}}}}}}});
    // Two refusals: the climbing path and the absolute one are the same file.
    for (int i = 0; i < 2; ++i)
      messages.push_back(server.waitFor(
          [](const json &m) { return m.value("method", "") == "window/showMessage"; }));
    server.request(2, "shutdown", nullptr);
    server.waitFor([](const json &m) { return m.value("id", json()) == 2; });
    server.notify("exit", nullptr);
    CHECK(server.finish() == 0);
    for (const auto &m : server.extra())
      messages.push_back(m);
  }
  std::string all;
  for (const auto &m : messages)
    all += m.dump() + "\n";
  CHECK_FALSE(contains(all, kSecret));
  CHECK_FALSE(contains(all, "\"globPattern\":\"**/passwd\""));
  CHECK(contains(all, "outside the workspace"));
  std::ifstream in(trace);
  std::stringstream traced;
  traced << in.rdbuf();
  fs::remove(trace);
  REQUIRE(contains(traced.str(), "test.json")); // the trace works: the workspace's base was opened
  CHECK_FALSE(contains(traced.str(), o.secret.string()));
  CHECK_FALSE(contains(traced.str(), (ws.root / "linked.json").string()));
}
