// TestClient and MarkerAnalyzer: the in-process harness for the server tests.
#include "test_client.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <random>
#include <sys/wait.h>

#include <cstdlib>
#include <spdlog/spdlog.h>

#include "protocol/uri.h"

namespace factline::testing {

std::vector<analyzers::Finding>
MarkerAnalyzer::analyze(const analyzers::Document &doc, const facts::FactIndex &,
                        const analyzers::CancelToken &cancel) const {
  ++runs;
  if (during)
    during(doc.text());
  if (cancel.cancelled()) {
    ++saw_cancel;
    return {};
  }
  std::vector<analyzers::Finding> out;
  const std::string &text = doc.text();
  auto each = [&](const std::string &marker, auto make) {
    for (std::size_t p = text.find(marker); p != std::string::npos; p = text.find(marker, p + 1))
      out.push_back(make(analyzers::Span{p, p + marker.size()}));
  };
  using analyzers::FactRef;
  each("WRONG", [](analyzers::Span s) {
    analyzers::Finding f;
    f.rule = "test-wrong";
    f.status = analyzers::Status::Wrong;
    f.severity = analyzers::Severity::Warning;
    f.span = s;
    f.message = "WRONG is not what the record says";
    f.evidence.push_back({FactRef::Kind::Figure, "f-test", -1});
    f.fixes.push_back({"Replace with 'right'", {{s, "right"}}});
    return f;
  });
  each("FINE", [](analyzers::Span s) {
    analyzers::Finding f;
    f.rule = "test-fine";
    f.status = analyzers::Status::Verified;
    f.span = s;
    f.message = "verified: said by Ada Lovelace";
    f.evidence.push_back({FactRef::Kind::Quote, "q-test", -1});
    return f;
  });
  each("DOUBT", [](analyzers::Span s) {
    analyzers::Finding f;
    f.rule = "test-unverified";
    f.status = analyzers::Status::Unverified;
    f.severity = analyzers::Severity::Information;
    f.span = s;
    f.message = "not on record";
    f.evidence.push_back({FactRef::Kind::Person, "p-ada", -1});
    return f;
  });
  return out;
}

TempWorkspace::TempWorkspace() {
  std::random_device rd;
  root = std::filesystem::temp_directory_path() /
         ("factline-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(root);
}

TempWorkspace::~TempWorkspace() {
  std::error_code ec;
  std::filesystem::remove_all(root, ec);
}

void TempWorkspace::write(const std::string &relative, const std::string &text) const {
  auto path = root / relative;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string TempWorkspace::uri(const std::string &relative) const {
  return protocol::pathToUri((root / relative).string());
}

CommandRun runCommand(const std::string &shell_command) {
  CommandRun r;
  FILE *p = popen(shell_command.c_str(), "r");
  if (!p)
    return r;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p))
    r.out.append(buf.data(), n);
  int status = pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string testFactBase() {
  return R"({
  "factline": 1,
  "name": "test",
  "people": [{"id": "p-ada", "name": "Ada Lovelace", "role": "analyst", "pronoun": "she"}],
  "events": [{"id": "e-talk", "name": "the engine talk", "date": "1843-07-01"}],
  "sources": [{"id": "s-notes", "title": "Notes on the Engine", "publisher": "Taylor",
               "date": "1843-09-01"}],
  "quotes": [{"id": "q-test", "speaker": "p-ada", "event": "e-talk", "date": "1843-07-01",
              "source": "s-notes", "text": "The engine weaves algebraic patterns"}],
  "figures": [{"id": "f-test", "kind": "count", "value": 87000000, "text": "87 million",
               "qualifier": "up to", "unit": "users", "subject": "users whose data was shared",
               "stated_by": "p-ada", "date": "1843-07-01", "source": "s-notes"}]
}
)";
}

json range(int l1, int c1, int l2, int c2) {
  return json{{"start", {{"line", l1}, {"character", c1}}},
              {"end", {{"line", l2}, {"character", c2}}}};
}

TestClient::TestClient(std::shared_ptr<const MarkerAnalyzer> analyzer)
    : TestClient(std::move(analyzer), Options{}) {}

TestClient::TestClient(std::shared_ptr<const MarkerAnalyzer> analyzer, Options opts)
    : options(std::move(opts)) {
  // The server's log is for people; these tests read what it sends. FACTLINE_TEST_LOG=debug
  // shows it.
  const char *level = std::getenv("FACTLINE_TEST_LOG");
  spdlog::set_level(level ? spdlog::level::from_str(level) : spdlog::level::off);
  server::ServerOptions so;
  so.version = "test";
  so.fixed_debounce_ms = options.fixed_debounce_ms;
  so.bundled_facts = options.bundled_facts;
  if (analyzer) {
    auto group = std::make_shared<analyzers::AnalyzerGroup>();
    struct Shared final : analyzers::Analyzer { // the group owns analyzers; the test keeps its own
      std::shared_ptr<const MarkerAnalyzer> a;
      std::string_view name() const override { return a->name(); }
      std::vector<analyzers::Finding> analyze(const analyzers::Document &d,
                                              const facts::FactIndex &f,
                                              const analyzers::CancelToken &c) const override {
        return a->analyze(d, f, c);
      }
    };
    auto wrapper = std::make_unique<Shared>();
    wrapper->a = std::move(analyzer);
    group->add(std::move(wrapper));
    so.analyzers = std::move(group);
  }
  server = std::make_unique<server::LspServer>(
      io.get_executor(), pool_io.get_executor(), pool_io.get_executor(),
      [this](std::string body) { sent.push_back(json::parse(body)); }, so);
  server->onExit([this](int code) { exit_code = code; });
}

TestClient::~TestClient() { server.reset(); }

json TestClient::initialize() {
  json params{{"processId", nullptr}, {"capabilities", options.capabilities}};
  if (options.root)
    params["rootUri"] = protocol::pathToUri(*options.root);
  else
    params["rootUri"] = nullptr;
  int id = request("initialize", params);
  pump();
  auto r = response(id);
  REQUIRE(r);
  notify("initialized", json::object());
  pump();
  return *r;
}

int TestClient::request(const std::string &method, const json &params) {
  int id = next_id_++;
  server->receive(
      json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
  return id;
}

void TestClient::notify(const std::string &method, const json &params) {
  server->receive(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
}

void TestClient::sendBody(const std::string &body) { server->receive(body); }

void TestClient::pump() {
  for (int round = 0; round < 100000; ++round) {
    io.restart();
    pool_io.restart();
    std::size_t n = io.poll();
    n += pool_io.poll();
    n += answerServerRequests();
    if (n == 0)
      return;
  }
  FAIL("the server did not settle");
}

void TestClient::runFor(std::chrono::milliseconds duration) {
  auto end = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < end) {
    io.restart();
    pool_io.restart();
    io.run_for(std::chrono::milliseconds(1));
    pool_io.poll();
    answerServerRequests();
  }
  pump();
}

std::size_t TestClient::answerServerRequests() {
  std::size_t answered = 0;
  for (; answered_upto_ < sent.size(); ++answered_upto_) {
    json msg = sent[answered_upto_]; // a copy: answering may append to `sent`
    if (!msg.contains("method") || !msg.contains("id"))
      continue;
    json result = nullptr;
    if (msg["method"] == "workspace/configuration") {
      if (!answer_configuration)
        continue;
      result = json::array();
      for (std::size_t i = 0; i < msg["params"]["items"].size(); ++i)
        result.push_back(options.settings);
    } else if (auto it = answers.find(msg["method"].get<std::string>()); it != answers.end()) {
      result = it->second;
    }
    server->receive(json{{"jsonrpc", "2.0"}, {"id", msg["id"]}, {"result", result}}.dump());
    ++answered;
  }
  return answered;
}

std::optional<json> TestClient::response(int id) const {
  std::optional<json> found;
  for (const auto &m : sent)
    if (!m.contains("method") && m.contains("id") && m["id"] == id) {
      if (found)
        FAIL("request " << id << " was answered twice");
      found = m;
    }
  return found;
}

std::vector<json> TestClient::notifications(const std::string &method) const {
  std::vector<json> out;
  for (const auto &m : sent)
    if (m.value("method", "") == method && !m.contains("id"))
      out.push_back(m["params"]);
  return out;
}

std::vector<json> TestClient::serverRequests(const std::string &method) const {
  std::vector<json> out;
  for (const auto &m : sent)
    if (m.value("method", "") == method && m.contains("id"))
      out.push_back(m);
  return out;
}

std::vector<json> TestClient::diagnosticsFor(const std::string &uri) const {
  std::vector<json> out;
  for (const auto &p : notifications("textDocument/publishDiagnostics"))
    if (p["uri"] == uri)
      out.push_back(p);
  return out;
}

json TestClient::lastDiagnostics(const std::string &uri) const {
  auto all = diagnosticsFor(uri);
  return all.empty() ? json() : all.back();
}

void TestClient::open(const std::string &uri, const std::string &text, int version,
                      const std::string &language) {
  notify("textDocument/didOpen",
         {{"textDocument",
           {{"uri", uri}, {"languageId", language}, {"version", version}, {"text", text}}}});
}

void TestClient::change(const std::string &uri, int version, const json &changes) {
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", changes}});
}

} // namespace factline::testing
