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

using factline::protocol::json;

namespace {

// The server as a child process with its stdin and stdout on pipes.
class ServerProcess {
public:
  ServerProcess() {
    std::signal(SIGPIPE, SIG_IGN);
    int in[2], out[2];
    REQUIRE(pipe(in) == 0);
    REQUIRE(pipe(out) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(in[0], 0);
      dup2(out[1], 1);
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 2);
      close(in[1]);
      close(out[0]);
      execl(FACTLINE_BINARY, FACTLINE_BINARY, "serve", "--stdio", "--log-level", "debug",
            static_cast<char *>(nullptr));
      _exit(127);
    }
    close(in[0]);
    close(out[1]);
    to_ = in[1];
    from_ = out[0];
  }
  ~ServerProcess() {
    if (to_ >= 0)
      close(to_);
    if (from_ >= 0)
      close(from_);
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void send(const json &msg) {
    std::string bytes = factline::protocol::frameMessage(msg.dump());
    REQUIRE(write(to_, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  }
  void request(int id, const std::string &method, const json &params) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
  }
  void notify(const std::string &method, const json &params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }

  // The next message from the server; fails on anything on stdout that is not a framed message.
  // Answers the server's own requests (configuration with null, as lsp-eval does) on the way.
  std::optional<json> next(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      if (auto frame = reader_.next()) {
        if (!*frame)
          FAIL("stdout carried bytes that are not a framed message: " << frame->error().message);
        json msg = json::parse(**frame); // throws (and fails the test) if not JSON
        REQUIRE(msg["jsonrpc"] == "2.0");
        if (msg.contains("method") && msg.contains("id")) {
          json result = nullptr;
          if (msg["method"] == "workspace/configuration")
            result = json::array({nullptr});
          send({{"jsonrpc", "2.0"}, {"id", msg["id"]}, {"result", result}});
        }
        return msg;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0)
        return std::nullopt;
      pollfd p{from_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0)
        continue;
      char buf[65536];
      ssize_t n = read(from_, buf, sizeof buf);
      if (n <= 0) {
        if (auto e = reader_.finish())
          FAIL("stdout ended inside a message: " << e->message);
        return std::nullopt; // end of output
      }
      reader_.feed(std::string_view(buf, static_cast<std::size_t>(n)));
    }
  }

  // Reads until a message satisfies `match`.
  json waitFor(const std::function<bool(const json &)> &match) {
    while (auto msg = next())
      if (match(*msg))
        return *msg;
    FAIL("the awaited message never came");
    return {};
  }

  // Closes stdin's write end, reads stdout to its end, and returns the exit code.
  int finish() {
    close(to_);
    to_ = -1;
    while (auto msg = next())
      extra_.push_back(*msg);
    int status = 0;
    REQUIRE(waitpid(pid_, &status, 0) == pid_);
    exited_ = true;
    REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
  }
  const std::vector<json> &extra() const { return extra_; }

private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  bool exited_ = false;
  factline::protocol::MessageReader reader_;
  std::vector<json> extra_;
};

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
