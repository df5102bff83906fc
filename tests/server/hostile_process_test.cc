// Hostile input to the real binary over pipes: broken framing, a header with no body, a
// Content-Length over the limit (refused without allocating it), a 20 MB document and a draft of
// one 5 MB line. Each gets the spec's answer and the server keeps serving.
#include <catch2/catch.hpp>

#include <string>

#include "server_process.h"

using namespace factline::testing;

namespace {

bool isAnswer(const json &m, int id) {
  return m.value("id", json()) == id && !m.contains("method");
}
bool isParseError(const json &m) {
  return m.contains("error") && m["error"]["code"] == -32700 && m["id"].is_null();
}
std::string frameOf(const json &m) { return factline::protocol::frameMessage(m.dump()); }
json request(int id, const std::string &method, const json &params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
}

void initialize(ServerProcess &server, json options = nullptr) {
  server.request(1, "initialize",
                 {{"processId", nullptr},
                  {"rootUri", nullptr},
                  {"capabilities", json::object()},
                  {"initializationOptions", options}});
  server.waitFor([](const json &m) { return isAnswer(m, 1); });
  server.notify("initialized", json::object());
}

// Reads until the answer to `id`, returning the parse errors that came before it.
std::vector<std::string> parseErrorsBefore(ServerProcess &server, int id) {
  std::vector<std::string> errors;
  server.waitFor([&](const json &m) {
    if (isParseError(m))
      errors.push_back(m["error"]["message"]);
    return isAnswer(m, id);
  });
  return errors;
}

// Mostly plain prose, with a quote and a figure in every twentieth paragraph: a long report, not
// a flood of findings (whose publishing would measure the test's JSON parser).
std::string bigDraft(std::size_t bytes, bool one_line) {
  const std::string claim =
      "Zuckerberg told reporters: \xE2\x80\x9CWe didn\xE2\x80\x99t take a broad enough view of our "
      "responsibility, and that was a big mistake.\xE2\x80\x9D Facebook said the data of 78 "
      "million Facebook users was improperly shared with Cambridge Analytica.";
  const std::string prose =
      "The committee room was full long before the hearing began, and the questions ranged from "
      "advertising to elections, from the company's business model to the privacy settings that "
      "most of its users never change. Several senators returned to the same theme again and "
      "again, asking whether the company could be trusted to regulate itself.";
  std::string text;
  text.reserve(bytes + claim.size() + prose.size() + 2);
  for (int n = 0; text.size() < bytes; ++n)
    text += (n % 20 == 0 ? claim : prose) + (one_line ? " " : "\n\n");
  return text;
}

} // namespace

TEST_CASE("process: missing, invalid and lying Content-Lengths are parse errors - serving goes on",
          "[process][hostile]") {
  ServerProcess server;
  initialize(server);
  server.sendRaw("Content-Type: application/vscode-jsonrpc\r\n\r\n{}");
  server.sendRaw("Content-Length: twelve\r\n\r\n");
  server.sendRaw("Content-Length: -5\r\n\r\n");
  server.sendRaw("Content-Length: 2\r\nContent-Length: 3\r\n\r\n");
  // Too short for its body: the body is cut, and the rest is not a header.
  server.sendRaw("Content-Length: 3\r\n\r\n" + request(2, "x").dump());
  server.send(request(3, "no/such/method"));
  auto errors = parseErrorsBefore(server, 3);
  // The body of a header without a length cannot be told from garbage: it is one more error.
  REQUIRE(errors.size() >= 6);
  CHECK(errors[0] == "header has no Content-Length");
  CHECK(errors[1].find("expected a header field, got \"{}") == 0);
  CHECK(errors[2] == "Content-Length is not a non-negative decimal number");
  CHECK(errors[3] == "Content-Length is not a non-negative decimal number");
  CHECK(errors[4] == "Content-Length is not a non-negative decimal number");
  CHECK(errors[5].find("parse error") != std::string::npos); // the cut body
  // Too long for its body: it swallows the start of the next message, which is lost, and the
  // one after is read again.
  server.sendRaw("Content-Length: 40\r\n\r\n{}");
  server.send(request(4, "lost/in/the/body"));
  server.send(request(5, "no/such/method"));
  server.waitFor([](const json &m) { return isAnswer(m, 5); });
  server.request(6, "shutdown", nullptr);
  server.waitFor([](const json &m) { return isAnswer(m, 6); });
  server.notify("exit", nullptr);
  CHECK(server.finish() == 0);
}

TEST_CASE("process: a header with no body - reported at end of input, exit 1",
          "[process][hostile]") {
  ServerProcess server;
  initialize(server);
  server.sendRaw("Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":2,");
  CHECK(server.finish() == 1);
  bool reported = false;
  for (const auto &m : server.extra())
    reported = reported ||
               (isParseError(m) && m["error"]["message"] == "input ended inside a message body");
  CHECK(reported);
}

TEST_CASE("process: a Content-Length over the limit is refused without allocating it",
          "[process][hostile]") {
  ServerProcess server({}, memoryMeasuringWrapper());
  initialize(server);
  long before = server.rssKiB();
  // A length no memory could hold, then a real message right after its header.
  server.sendRaw("Content-Length: 9999999999999999999\r\n\r\n" + frameOf(request(2, "a/b")));
  auto errors = parseErrorsBefore(server, 2);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("over the limit of 67108864 bytes") != std::string::npos);
  // 80 MiB actually sent: skipped as it arrives.
  const std::size_t size = 80u << 20;
  server.sendRaw("Content-Length: " + std::to_string(size) + "\r\n\r\n");
  const std::string chunk(1u << 20, 'x');
  for (std::size_t sent = 0; sent < size; sent += chunk.size())
    server.sendRaw(chunk);
  server.send(request(3, "c/d"));
  errors = parseErrorsBefore(server, 3);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("Content-Length 83886080 is over the limit") == 0);
  long after = server.rssKiB();
  CAPTURE(before, after);
  CHECK(after - before < 32 * 1024); // far less than the 80 MiB body
  server.request(4, "shutdown", nullptr);
  server.waitFor([](const json &m) { return isAnswer(m, 4); });
  server.notify("exit", nullptr);
  CHECK(server.finish() == 0);
}

TEST_CASE("process: a 20 MB document and a draft of one 5 MB line are checked within the budget",
          "[process][hostile]") {
  ServerProcess server;
  // The budget bounds each check; a check it stops says so on the draft's first line.
  initialize(server, {{"factline", {{"analysisTimeoutMs", 1500}}}});
  struct Case {
    std::string uri;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"file:///tmp/factline-hostile/huge.md", bigDraft(20u << 20, false)},
      {"file:///tmp/factline-hostile/one-line.md", bigDraft(5u << 20, true)},
  };
  int id = 10;
  for (const auto &c : cases) {
    CAPTURE(c.uri);
    server.notify(
        "textDocument/didOpen",
        {{"textDocument",
          {{"uri", c.uri}, {"languageId", "markdown"}, {"version", 1}, {"text", c.text}}}});
    // The protocol is not held up while the draft is analysed.
    server.send(request(++id, "no/such/method"));
    server.waitFor([&](const json &m) { return isAnswer(m, id); });
    json published = server.waitFor(
        [&](const json &m) {
          return m.value("method", "") == "textDocument/publishDiagnostics" &&
                 m["params"]["uri"] == c.uri;
        },
        std::chrono::seconds(120));
    CHECK(published["params"]["version"] == 1);
    auto &diagnostics = published["params"]["diagnostics"];
    REQUIRE(!diagnostics.empty()); // the draft is full of claims: some finding, or the notice
    if (diagnostics[0]["code"] == "analysis-incomplete")
      CHECK(diagnostics[0]["severity"] == 3);
    server.request(
        ++id, "textDocument/hover",
        {{"textDocument", {{"uri", c.uri}}}, {"position", {{"line", 0}, {"character", 30}}}});
    json hover =
        server.waitFor([&](const json &m) { return isAnswer(m, id); }, std::chrono::seconds(60));
    CHECK(hover.contains("result"));
    server.notify("textDocument/didClose", {{"textDocument", {{"uri", c.uri}}}});
  }
  server.request(++id, "shutdown", nullptr);
  server.waitFor([&](const json &m) { return isAnswer(m, id); }, std::chrono::seconds(60));
  server.notify("exit", nullptr);
  CHECK(server.finish() == 0);
}
