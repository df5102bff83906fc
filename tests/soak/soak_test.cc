// Soak: about a minute of editing through the real binary (typing, deleting, pasting, undoing,
// hovers and code actions) with the standard analyzers, and the server's resident memory at the
// end compared with after a warm-up. A generous bound: this catches memory that grows with the
// number of edits, not the allocator's ups and downs, and it is not a speed test.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "../server/server_process.h"

using namespace factline::testing;

namespace {

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

json position(int line, int character) { return {{"line", line}, {"character", character}}; }

} // namespace

TEST_CASE("a minute of edits leaves the server's memory where the warm-up left it", "[soak]") {
  ServerProcess server({"--debounce-ms", "0"}, memoryMeasuringWrapper());
  server.request(1, "initialize",
                 {{"processId", nullptr},
                  {"rootUri", nullptr},
                  {"capabilities", {{"general", {{"positionEncodings", {"utf-16"}}}}}}});
  server.waitFor([](const json &m) { return m.value("id", json()) == 1; });
  server.notify("initialized", json::object());

  const std::string draft = readFile(FACTLINE_SOURCE_DIR "/examples/hearing-draft.md");
  REQUIRE(!draft.empty());
  std::string text;
  for (int i = 0; i < 8; ++i)
    text += draft + "\n";
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  const std::string uri = "file:///tmp/factline-soak/draft.md";
  server.notify("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}});

  std::mt19937 rng(11);
  int version = 1, id = 100;
  const std::vector<std::string> pastes = {"x",
                                           "\xE2\x80\x9C",
                                           "\xF0\x9F\x98\x80",
                                           " 87 million ",
                                           "\n\nZuckerberg said: \xE2\x80\x9CWe didn\xE2\x80\x99t "
                                           "take a broad enough view.\xE2\x80\x9D\n",
                                           "\xE2\x80\x9D he told senators. "};
  // One round: a burst of edits, then a hover and a code action answered from their result, so
  // each round really analyses (and the server cannot fall behind unnoticed).
  auto round = [&] {
    for (int k = 0; k < 10; ++k) {
      int line = static_cast<int>(rng() % static_cast<unsigned>(lines));
      int character = static_cast<int>(rng() % 40);
      json change;
      switch (rng() % 3) {
      case 0: // type
        change = {
            {"range", {{"start", position(line, character)}, {"end", position(line, character)}}},
            {"text", pastes[rng() % pastes.size()]}};
        break;
      case 1: // delete a little
        change = {{"range",
                   {{"start", position(line, character)}, {"end", position(line, character + 3)}}},
                  {"text", ""}};
        break;
      default: // undo everything: back to the original text
        change = {{"text", text}};
      }
      server.notify("textDocument/didChange",
                    {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                     {"contentChanges", json::array({change})}});
    }
    int hover = ++id, action = ++id;
    server.request(hover, "textDocument/hover",
                   {{"textDocument", {{"uri", uri}}}, {"position", position(2, 10)}});
    server.request(action, "textDocument/codeAction",
                   {{"textDocument", {{"uri", uri}}},
                    {"range", {{"start", position(0, 0)}, {"end", position(lines, 0)}}},
                    {"context", {{"diagnostics", json::array()}}}});
    server.waitFor([&](const json &m) { return m.value("id", json()) == action; });
  };
  auto run = [&](std::chrono::seconds duration) {
    int rounds = 0;
    for (auto end = std::chrono::steady_clock::now() + duration;
         std::chrono::steady_clock::now() < end; ++rounds)
      round();
    return rounds;
  };

  int warm = run(std::chrono::seconds(10));
  long start = server.rssKiB();
  int soaked = run(std::chrono::seconds(50));
  long end = server.rssKiB();
  INFO("rounds: " << warm << " warm-up, " << soaked << " measured; RSS " << start << " KiB -> "
                  << end << " KiB after " << version << " versions");
  REQUIRE(start > 0);
  REQUIRE(soaked > 10);
  CHECK(end <= start + std::max(32L * 1024, start / 2));
  WARN("soak: " << soaked << " rounds, RSS " << start << " -> " << end << " KiB");

  server.request(++id, "shutdown", nullptr);
  server.waitFor([&](const json &m) { return m.value("id", json()) == id; });
  server.notify("exit", nullptr);
  CHECK(server.finish() == 0);
}
