// `factline serve --facts FILE`: a fact base the user names on the command line is loaded wherever
// it is, outside the workspace too (workspace settings may not reach there).
#include <catch2/catch.hpp>

#include <string>

#include "protocol/uri.h"
#include "server_process.h"
#include "test_client.h"

using factline::protocol::json;
using factline::testing::ServerProcess;
using factline::testing::TempWorkspace;

namespace {

// The codes of the diagnostics published for `uri` once one with `code` arrives.
bool publishes(ServerProcess &server, const std::string &uri, const std::string &code) {
  json published = server.waitFor([&](const json &m) {
    if (m.value("method", "") != "textDocument/publishDiagnostics" || m["params"]["uri"] != uri)
      return false;
    for (const auto &d : m["params"]["diagnostics"])
      if (d.value("code", "") == code)
        return true;
    return false;
  });
  return published.is_object();
}

} // namespace

TEST_CASE("serve --facts loads a base outside the workspace, given as a relative path",
          "[process][facts]") {
  TempWorkspace outside, workspace;
  outside.write("newsroom.json", factline::testing::testFactBase());
  // Relative to where serve starts: the server resolves it there, before any workspace is known.
  const std::string relative = "../" + outside.root.filename().string() + "/newsroom.json";
  ServerProcess server({"--facts", relative}, {"sh", "-c",
                                               "cd '" + workspace.root.string() + "' && exec \"$@\"",
                                               "sh"});
  server.request(1, "initialize",
                 {{"processId", nullptr},
                  {"rootUri", factline::protocol::pathToUri(workspace.root.string())},
                  {"capabilities", json::object()}});
  server.waitFor([](const json &m) { return m.value("id", json()) == 1; });
  server.notify("initialized", json::object());
  const std::string uri = factline::protocol::pathToUri((workspace.root / "draft.md").string());
  const std::string draft =
      "Mark Zuckerberg said: \xE2\x80\x9CThe engine weaves algebraic patterns.\xE2\x80\x9D\n";
  server.notify("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", draft}}}});
  // The words are Ada Lovelace's in that base and nowhere else.
  CHECK(publishes(server, uri, "quote-misattributed"));
  server.request(2, "shutdown", nullptr);
  server.waitFor([](const json &m) { return m.value("id", json()) == 2; });
  server.notify("exit", nullptr);
  CHECK(server.finish() == 0);
}
