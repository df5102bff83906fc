// `factline serve` as an editor starts it: a child process on pipes, or on files, checked from
// the outside: framed messages only on stdout, the lifecycle and its exit codes.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "protocol/framing.h"
#include "protocol/json_rpc.h"
#include "protocol/uri.h"
#include "server_process.h"

using factline::protocol::json;
using factline::testing::ServerProcess;

namespace {

// UTF-16 position of byte `offset` in `text`, counted here independently of the server.
json utf16Position(const std::string &text, std::size_t offset) {
  int line = 0, character = 0;
  for (std::size_t i = 0; i < offset;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c == '\n') {
      ++line;
      character = 0;
    } else {
      character += len == 4 ? 2 : 1;
    }
    i += len;
  }
  return {{"line", line}, {"character", character}};
}

const std::string kDraft =
    "\xF0\x9F\x93\xB0 Facebook said the data of 78 million Facebook users was improperly shared "
    "with Cambridge Analytica.\n\n"
    "Zuckerberg told reporters: \xE2\x80\x9CWe didn\xE2\x80\x99t take a broad enough view of our "
    "responsibility\n";

} // namespace

TEST_CASE("serve over pipes: initialize - didOpen - diagnostics - hover - shutdown - exit 0",
          "[process]") {
  ServerProcess server;
  server.request(1, "initialize",
                 {{"processId", nullptr},
                  {"rootUri", nullptr},
                  {"capabilities",
                   {{"general", {{"positionEncodings", {"utf-16"}}}},
                    {"workspace", {{"configuration", true}}},
                    {"textDocument", {{"hover", {{"contentFormat", {"markdown"}}}}}}}}});
  json init = server.waitFor([](const json &m) { return m.value("id", json()) == 1; });
  CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-16");
  server.notify("initialized", json::object());

  const std::string uri = "file:///tmp/factline-process-test/draft.md";
  server.notify("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", kDraft}}}});
  json published = server.waitFor([&](const json &m) {
    return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
  });
  CHECK(published["params"]["version"] == 1);

  // The figure after the emoji: range in UTF-16 units, as counted here.
  json figure, unterminated;
  for (const auto &d : published["params"]["diagnostics"]) {
    if (d["code"] == "figure-wrong")
      figure = d;
    if (d["code"] == "quote-unterminated")
      unterminated = d;
  }
  REQUIRE(figure.is_object());
  CHECK(figure["range"]["start"] == utf16Position(kDraft, kDraft.find("78 million")));
  CHECK(figure["severity"] == 2);
  // The rule code links to the rule's page, docs/rules/figure-wrong.md beside the binary's folder.
  auto page = factline::protocol::uriToPath(figure["codeDescription"].value("href", ""));
  REQUIRE(page);
  CHECK(*page == std::string(FACTLINE_SOURCE_DIR) + "/docs/rules/figure-wrong.md");
  CHECK(std::ifstream(*page).good());
  REQUIRE(unterminated.is_object());
  CHECK(unterminated["range"]["start"] == utf16Position(kDraft, kDraft.find("\xE2\x80\x9CWe")));

  server.request(2, "textDocument/hover",
                 {{"textDocument", {{"uri", uri}}}, {"position", figure["range"]["start"]}});
  json hover = server.waitFor([](const json &m) { return m.value("id", json()) == 2; });
  std::string text = hover["result"]["contents"]["value"];
  CHECK(hover["result"]["contents"]["kind"] == "markdown");
  CHECK(text.find("### Wrong figure") == 0);
  CHECK(text.find("87 million") != std::string::npos);

  // A malformed message in the middle of it all: answered, and the server goes on.
  server.send({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "no/such/method"}});
  json unknown = server.waitFor([](const json &m) { return m.value("id", json()) == 3; });
  CHECK(unknown["error"]["code"] == -32601);

  server.request(4, "shutdown", nullptr);
  json down = server.waitFor([](const json &m) { return m.value("id", json()) == 4; });
  CHECK(down["result"].is_null());
  server.notify("exit", nullptr);
  CHECK(server.finish() == 0);
}

TEST_CASE("serve over pipes: exit without shutdown is 1 - and so is a closed stdin", "[process]") {
  {
    ServerProcess server;
    server.request(1, "initialize", {{"capabilities", json::object()}});
    server.waitFor([](const json &m) { return m.value("id", json()) == 1; });
    server.notify("exit", nullptr);
    CHECK(server.finish() == 1);
  }
  {
    ServerProcess server;
    CHECK(server.finish() == 1);
  }
}

TEST_CASE("serve with stdin and stdout on regular files (no epoll) runs a whole session",
          "[process]") {
  char in_path[] = "/tmp/factline-serve-in-XXXXXX";
  char out_path[] = "/tmp/factline-serve-out-XXXXXX";
  int in_fd = mkstemp(in_path), out_fd = mkstemp(out_path);
  REQUIRE(in_fd >= 0);
  REQUIRE(out_fd >= 0);
  std::string session;
  auto add = [&](const json &m) { session += factline::protocol::frameMessage(m.dump()); };
  add({{"jsonrpc", "2.0"},
       {"id", 1},
       {"method", "initialize"},
       {"params", {{"capabilities", json::object()}}}});
  add({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  add({{"jsonrpc", "2.0"},
       {"method", "textDocument/didOpen"},
       {"params",
        {{"textDocument",
          {{"uri", "file:///tmp/x.md"},
           {"languageId", "markdown"},
           {"version", 1},
           {"text", kDraft}}}}}});
  add({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
  add({{"jsonrpc", "2.0"}, {"method", "exit"}});
  REQUIRE(write(in_fd, session.data(), session.size()) == static_cast<ssize_t>(session.size()));
  lseek(in_fd, 0, SEEK_SET);

  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    execl(FACTLINE_BINARY, FACTLINE_BINARY, "serve", static_cast<char *>(nullptr));
    _exit(127);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);

  std::ifstream out(out_path, std::ios::binary);
  std::stringstream bytes;
  bytes << out.rdbuf();
  factline::protocol::MessageReader reader;
  reader.feed(bytes.str());
  std::vector<json> messages;
  while (auto frame = reader.next()) {
    REQUIRE(frame->has_value()); // nothing but frames on stdout
    messages.push_back(json::parse(**frame));
  }
  CHECK_FALSE(reader.finish());
  REQUIRE(messages.size() >= 2);
  CHECK(messages.front()["id"] == 1);
  CHECK(messages.back()["id"] == 2);
  CHECK(messages.back()["result"].is_null());
  close(in_fd);
  close(out_fd);
  unlink(in_path);
  unlink(out_path);
}

TEST_CASE("serve with stdin on /dev/null ends at once with 1", "[process]") {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(FACTLINE_BINARY, FACTLINE_BINARY, "serve", static_cast<char *>(nullptr));
    _exit(127);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
}
