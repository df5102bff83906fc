// End to end through the real binary: a transcript imported with `factline facts import` into a
// workspace's .factline/ is picked up by a running server without a restart, and a draft quoting
// it gets the right diagnostics (altered, misattributed to another speaker of the transcript, not
// on record) and hovers that say where in the transcript the words fall.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "protocol/uri.h"
#include "server_process.h"
#include "test_client.h"

using factline::protocol::json;
using factline::testing::ServerProcess;
using factline::testing::TempWorkspace;

namespace {

// A fictional briefing, as a transcription service exports it.
const char *kTranscript = "Elsa Vik  00:00:04\n"
                          "The port handled two million containers this year. We will never close "
                          "the north gate while I am director.\n\n"
                          "Jonas Brandt  00:00:15\n"
                          "Is that a record for the harbour?\n\n"
                          "Elsa Vik  00:00:19\n"
                          "It is the most since the new cranes came.\n";

// Line by line: altered, misattributed (the words are Vik's), not on record, verbatim.
const char *kDraft =
    "Vik said: \xE2\x80\x9CWe will never open the north gate while I am director.\xE2\x80\x9D\n\n"
    "Jonas Brandt said: \xE2\x80\x9CThe port handled two million containers this year.\xE2\x80\x9D\n\n"
    "Elsa Vik said: \xE2\x80\x9CWe plan a second harbour by next spring.\xE2\x80\x9D\n\n"
    "Brandt asked: \xE2\x80\x9CIs that a record for the harbour?\xE2\x80\x9D\n";

// The diagnostics of the first publication for `uri` that holds one with code `code`.
json diagnosticsWith(ServerProcess &server, const std::string &uri, const std::string &code) {
  json published = server.waitFor([&](const json &m) {
    if (m.value("method", "") != "textDocument/publishDiagnostics" || m["params"]["uri"] != uri)
      return false;
    for (const auto &d : m["params"]["diagnostics"])
      if (d.value("code", "") == code)
        return true;
    return false;
  });
  return published["params"]["diagnostics"];
}

int codeLine(const json &diagnostics, const std::string &code) {
  for (const auto &d : diagnostics)
    if (d.value("code", "") == code)
      return d["range"]["start"]["line"].get<int>();
  return -1;
}

} // namespace

TEST_CASE("an imported transcript in .factline/ checks a draft in a running server",
          "[process][import]") {
  TempWorkspace workspace;
  workspace.write("briefing.txt", kTranscript);
  workspace.write("draft.md", kDraft);
  ServerProcess server;
  server.request(1, "initialize",
                 {{"processId", nullptr},
                  {"rootUri", factline::protocol::pathToUri(workspace.root.string())},
                  {"capabilities",
                   {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}});
  server.waitFor([](const json &m) { return m.value("id", json()) == 1; });
  server.notify("initialized", json::object());
  const std::string uri = factline::protocol::pathToUri((workspace.root / "draft.md").string());
  server.notify("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", kDraft}}}});
  // Before the import the base knows nobody of the briefing: nothing to flag.
  json before = server.waitFor([&](const json &m) {
    return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
  });
  CHECK(before["params"]["diagnostics"].empty());

  const std::string base = (workspace.root / ".factline" / "briefing.json").string();
  const std::string command = std::string(FACTLINE_BINARY) + " facts import '" +
                              (workspace.root / "briefing.txt").string() + "' -o '" + base +
                              "' --event port-briefing --event-name 'port briefing' --date " +
                              "2025-05-02 --publisher 'Harbour Gazette' >/dev/null 2>&1";
  std::filesystem::create_directories(workspace.root / ".factline");
  REQUIRE(std::system(command.c_str()) == 0);
  server.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", factline::protocol::pathToUri(base)},
                                           {"type", 1}}})}});

  json diagnostics = diagnosticsWith(server, uri, "quote-misattributed");
  INFO(diagnostics.dump(2));
  CHECK(codeLine(diagnostics, "quote-altered") == 0);
  CHECK(codeLine(diagnostics, "quote-misattributed") == 2);
  CHECK(codeLine(diagnostics, "quote-unverified") == 4);
  for (const auto &d : diagnostics) // the verbatim question is on record: nothing on line 6
    CHECK(d["range"]["start"]["line"] != 6);

  server.request(2, "textDocument/hover",
                 {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 20}}}});
  json hover = server.waitFor([](const json &m) { return m.value("id", json()) == 2; });
  const std::string text = hover["result"]["contents"]["value"].get<std::string>();
  INFO(text);
  CHECK(text.find("We will never close the north gate") != std::string::npos);
  CHECK(text.find("Elsa Vik") != std::string::npos);
  CHECK(text.find("port briefing") != std::string::npos);
  CHECK(text.find("In the transcript: turn 1, 00:00:04") != std::string::npos);

  server.request(3, "shutdown", nullptr);
  server.waitFor([](const json &m) { return m.value("id", json()) == 3; });
  server.notify("exit", nullptr);
  CHECK(server.finish() == 0);
}
