// Memory given back: the analyzers' memo tables are bounded in keys and bytes, closing the last
// draft drops everything they keep, and a server whose drafts are all closed returns to about
// the memory it started with.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "analyzers/memo_table.h"
#include "facts/fact_base.h"
#include "protocol/uri.h"
#include "server_process.h"
#include "test_client.h"

using namespace factline::testing;
namespace analyzers = factline::analyzers;

namespace {

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The example draft with its figures changed: every variant is new text for the memos.
std::string variant(const std::string &draft, int n) {
  std::string text = draft;
  auto at = text.find("78 million");
  REQUIRE(at != std::string::npos);
  text.replace(at, 2, std::to_string(10 + n % 900));
  at = text.find("44 senators");
  REQUIRE(at != std::string::npos);
  return text.replace(at, 2, std::to_string(1 + n % 97));
}

} // namespace

TEST_CASE("a memo table stays within its byte bound and keeps what the last check met",
          "[memory]") {
  analyzers::MemoTable<std::string> table;
  auto base = std::make_shared<const factline::facts::FactBase>();
  const std::string big(4096, 'x');
  // Ten checks of a thousand 4 KiB values each: 40 MiB stored in all.
  for (int check = 0; check < 10; ++check) {
    for (int i = 0; i < 1000; ++i)
      table.store(base, std::to_string(check) + "/" + std::to_string(i), big, big.size());
    table.endCheck();
    CHECK(table.bytes() <= analyzers::MemoTable<std::string>::kMaxBytes);
  }
  // The last check's values are all there.
  std::string out;
  for (int i = 0; i < 1000; ++i)
    CHECK(table.find(base.get(), "9/" + std::to_string(i), out));
  CHECK_FALSE(table.find(base.get(), "0/0", out));
  // Forgetting lets go of the values and of the base.
  table.forget();
  CHECK(table.size() == 0);
  CHECK(table.bytes() == 0);
  CHECK(base.use_count() == 1);
}

TEST_CASE("closing every draft drops what the analyzers remembered of them", "[memory]") {
  TempWorkspace ws;
  TestClient::Options o;
  o.root = ws.root.string();
  o.bundled_facts = true; // the standard analyzers, against the bundled base
  TestClient client(nullptr, o);
  client.initialize();
  const std::string draft = readFile(FACTLINE_SOURCE_DIR "/examples/hearing-draft.md");
  REQUIRE(!draft.empty());
  analyzers::forgetMemos(); // what earlier tests in this process left
  std::vector<std::string> uris;
  for (int i = 0; i < 20; ++i)
    uris.push_back(ws.uri("d" + std::to_string(i) + ".md"));
  for (std::size_t i = 0; i < uris.size(); ++i)
    client.open(uris[i], variant(draft, static_cast<int>(i)));
  client.pump();
  for (int version = 2; version < 6; ++version)
    for (std::size_t i = 0; i < uris.size(); ++i)
      client.change(uris[i], version,
                    json::array({{{"text", variant(draft, version * 100 + static_cast<int>(i))}}}));
  client.pump();
  REQUIRE(!client.lastDiagnostics(uris[0])["diagnostics"].empty()); // the drafts were checked
  const std::size_t remembered = analyzers::memoEntries();
  CHECK(remembered > 0);

  // A fact file open beside them is not a draft: it keeps nothing alive.
  client.open(ws.uri("notes.json"), "{}", 1, "json");
  for (std::size_t i = 0; i + 1 < uris.size(); ++i)
    client.notify("textDocument/didClose", {{"textDocument", {{"uri", uris[i]}}}});
  client.pump();
  CHECK(analyzers::memoEntries() > 0); // one draft still open: its memo is still of use
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", uris.back()}}}});
  client.pump();
  INFO("memo entries before closing: " << remembered);
  CHECK(analyzers::memoEntries() == 0);
}

TEST_CASE("a server whose drafts are all closed gives its memory back", "[memory][process]") {
  const std::string draft = readFile(FACTLINE_SOURCE_DIR "/examples/hearing-draft.md");
  REQUIRE(!draft.empty());
  TempWorkspace ws;
  ServerProcess server({"--debounce-ms", "0"}, memoryMeasuringWrapper());
  server.request(1, "initialize",
                 {{"processId", nullptr},
                  {"rootUri", factline::protocol::pathToUri(ws.root.string())},
                  {"capabilities", json::object()}});
  server.waitFor([](const json &m) { return m.value("id", json()) == 1; });
  server.notify("initialized", json::object());
  std::vector<std::string> uris;
  for (int i = 0; i < 20; ++i)
    uris.push_back(ws.uri("d" + std::to_string(i) + ".md"));
  // Reads until every draft has had a publish that satisfies `match` (in any order).
  auto waitForAll = [&](const std::function<bool(const json &params)> &match) {
    std::set<std::string> left(uris.begin(), uris.end());
    server.waitFor([&](const json &m) {
      if (m.value("method", "") == "textDocument/publishDiagnostics" && match(m["params"]))
        left.erase(m["params"]["uri"].get<std::string>());
      return left.empty();
    });
  };
  for (std::size_t i = 0; i < uris.size(); ++i)
    server.notify("textDocument/didOpen", {{"textDocument",
                                            {{"uri", uris[i]},
                                             {"languageId", "markdown"},
                                             {"version", 1},
                                             {"text", variant(draft, static_cast<int>(i))}}}});
  waitForAll([](const json &p) { return p.value("version", -1) >= 1; });
  const long opened = server.rssKiB();
  // Enough distinct edits to fill the memos well past what twenty open drafts need: each round
  // edits every draft, then waits for the last one's check.
  int version = 1;
  for (int round = 0; round < 150; ++round) {
    ++version;
    for (std::size_t i = 0; i < uris.size(); ++i)
      server.notify(
          "textDocument/didChange",
          {{"textDocument", {{"uri", uris[i]}, {"version", version}}},
           {"contentChanges",
            json::array({{{"text", variant(draft, round * 20 + static_cast<int>(i))}}})}});
    server.waitFor([&](const json &m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"]["uri"] == uris.back() && m["params"].value("version", -1) == version;
    });
  }
  const long edited = server.rssKiB();
  for (const auto &uri : uris)
    server.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  waitForAll([](const json &p) { return !p.contains("version") && p["diagnostics"].empty(); });
  // A request answered after the closes: they have all been handled.
  server.request(2, "shutdown", nullptr);
  server.waitFor([](const json &m) { return m.value("id", json()) == 2; });
  const long closed = server.rssKiB();
  server.notify("exit", nullptr);
  CHECK(server.finish() == 0);
  INFO("RSS: " << opened << " KiB with the drafts open, " << edited << " KiB after editing, "
               << closed << " KiB after closing them all");
  WARN("memory: RSS " << opened << " KiB open, " << edited << " KiB edited, " << closed
                      << " KiB closed");
#if !defined(__SANITIZE_ADDRESS__)
  // Generous: the allocator keeps some, but not the editing's growth.
  CHECK(closed < opened + (edited - opened) / 2);
#else
  // AddressSanitizer's allocator keeps freed memory mapped whatever malloc_trim says, so RSS
  // tells nothing here; what closing drops is checked in process above, sanitized all the same.
  CHECK(closed > 0);
#endif
}
