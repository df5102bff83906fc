// ServerProcess: `factline serve` as an editor starts it, a child process on pipes, driven and
// read from the outside (framed messages only on stdout).
#pragma once
#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <optional>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "protocol/framing.h"
#include "protocol/json_rpc.h"

namespace factline::testing {

using protocol::json;

// A wrapper for a server whose memory a test measures. Under AddressSanitizer freed memory is
// held in a quarantine of up to 256 MiB, so RSS would say nothing about growth: run it with none.
inline std::vector<std::string> memoryMeasuringWrapper() {
#if defined(__SANITIZE_ADDRESS__)
  const char *options = std::getenv("ASAN_OPTIONS");
  return {"env", std::string("ASAN_OPTIONS=") + (options ? std::string(options) + ":" : "") +
                     "quarantine_size_mb=0:thread_local_quarantine_size_kb=0"};
#else
  return {};
#endif
}

// The server as a child process with its stdin and stdout on pipes.
class ServerProcess {
public:
  // `extra_args` follow `serve --stdio --log-level debug`; `wrapper` (strace, say) runs the
  // server as its command.
  explicit ServerProcess(std::vector<std::string> extra_args = {},
                         std::vector<std::string> wrapper = {}) {
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
      std::vector<std::string> args = wrapper;
      for (std::string a : {FACTLINE_BINARY, "serve", "--stdio", "--log-level", "debug"})
        args.push_back(a);
      args.insert(args.end(), extra_args.begin(), extra_args.end());
      std::vector<char *> argv;
      for (auto &a : args)
        argv.push_back(a.data());
      argv.push_back(nullptr);
      execvp(argv[0], argv.data());
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

  void send(const json &msg) { sendRaw(protocol::frameMessage(msg.dump())); }
  // Bytes as they are, framed or not. Loops: a pipe takes a large write in pieces.
  void sendRaw(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = write(to_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR)
        continue;
      REQUIRE(n > 0);
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
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
  json waitFor(const std::function<bool(const json &)> &match,
               std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    while (auto msg = next(timeout))
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
  pid_t pid() const { return pid_; }
  // The child's resident set size in KiB, from /proc (0 if it cannot be read).
  long rssKiB() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("VmRSS:", 0) == 0)
        return std::stol(line.substr(6));
    return 0;
  }

private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  bool exited_ = false;
  protocol::MessageReader reader_;
  std::vector<json> extra_;
};

} // namespace factline::testing
