// The analysis time budget: a check that runs past factline.analysisTimeoutMs is stopped, what it
// found is published with a notice saying the check was cut short, the writer is told once, and
// the server goes on serving; the next version that fits the budget is checked in full.
#include <catch2/catch.hpp>

#include <thread>

#include "test_client.h"

using namespace factline::testing;

namespace {

struct Fixture {
  explicit Fixture(json settings) {
    analyzer = std::make_shared<MarkerAnalyzer>();
    // A draft holding SLOW takes longer than any budget below; the analyzer then polls its token.
    analyzer->during = [](const std::string &text) {
      if (text.find("SLOW") != std::string::npos)
        std::this_thread::sleep_for(std::chrono::milliseconds(80));
    };
    TestClient::Options o;
    o.capabilities = {{"workspace", {{"configuration", true}}}};
    o.settings = std::move(settings);
    client = std::make_unique<TestClient>(analyzer, o);
    client->initialize();
  }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    const json published = client->lastDiagnostics(uri);
    for (const auto &d : published["diagnostics"])
      out.push_back(d["code"]);
    return out;
  }
  std::shared_ptr<MarkerAnalyzer> analyzer;
  std::unique_ptr<TestClient> client;
  const std::string uri = "file:///big.md";
};

} // namespace

TEST_CASE("an analysis over its time budget is stopped - the draft says so - serving goes on",
          "[budget]") {
  Fixture f(json{{"analysisTimeoutMs", 20}});
  f.client->open(f.uri, "SLOW WRONG\nmore");
  f.client->pump();
  CHECK(f.analyzer->saw_cancel == 1);
  json p = f.client->lastDiagnostics(f.uri);
  CHECK(p["version"] == 1);
  REQUIRE(p["diagnostics"].size() == 1);
  json notice = p["diagnostics"][0];
  CHECK(notice["code"] == "analysis-incomplete");
  CHECK(notice["severity"] == 3); // Information: the draft is not wrong, it is unchecked
  CHECK(notice["range"] == range(0, 0, 0, 10));
  std::string message = notice["message"];
  CHECK(message.find("stopped checking this draft after 20 ms") != std::string::npos);
  CHECK(message.find("factline.analysisTimeoutMs") != std::string::npos);
  CHECK(message.find("some quotes and figures were not checked") != std::string::npos);
  CHECK(message.find("Nothing to report was found before it stopped.") != std::string::npos);

  auto shown = f.client->notifications("window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["type"] == 2);
  CHECK(shown[0]["message"].get<std::string>().find("too large to check fully") !=
        std::string::npos);

  // Still too slow: the notice stays, the popup is not repeated.
  f.client->change(f.uri, 2, {{{"text", "SLOW WRONG again"}}});
  f.client->pump();
  CHECK(f.codes() == std::vector<std::string>{"analysis-incomplete"});
  CHECK(f.client->notifications("window/showMessage").size() == 1);

  // A version within the budget is checked in full, without the notice; hovers answer.
  f.client->change(f.uri, 3, {{{"text", "fast WRONG"}}});
  f.client->pump();
  CHECK(f.codes() == std::vector<std::string>{"test-wrong"});
  int id = f.client->request("textDocument/hover", {{"textDocument", {{"uri", f.uri}}},
                                                    {"position", {{"line", 0}, {"character", 6}}}});
  f.client->pump();
  REQUIRE(f.client->response(id));
  CHECK(f.client->response(id)->at("result").is_object());
}

TEST_CASE("a budget of 0 means no limit - the default is a few seconds", "[budget]") {
  Fixture f(json{{"analysisTimeoutMs", 0}});
  f.client->open(f.uri, "SLOW WRONG");
  f.client->pump();
  CHECK(f.analyzer->saw_cancel == 0);
  CHECK(f.codes() == std::vector<std::string>{"test-wrong"});

  Fixture defaults(nullptr);
  defaults.client->open(defaults.uri, "SLOW WRONG");
  defaults.client->pump();
  CHECK(defaults.codes() == std::vector<std::string>{"test-wrong"});

  std::vector<std::string> problems;
  auto s = factline::server::readSettings(json{{"analysisTimeoutMs", "fast"}}, problems);
  CHECK(s.analysis_timeout_ms == 5000);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("factline.analysisTimeoutMs") == 0);
}

TEST_CASE("a timed-out check is not mistaken for one a newer version replaced", "[budget]") {
  factline::analyzers::CancelToken token;
  CHECK_FALSE(token.cancelled());
  token.setDeadline(factline::analyzers::CancelToken::Clock::now() - std::chrono::seconds(1));
  CHECK(token.cancelled());
  CHECK(token.timedOut());
  CHECK_FALSE(token.cancelRequested());
  token.cancel();
  CHECK(token.cancelRequested());

  factline::analyzers::CancelToken later;
  later.setDeadline(factline::analyzers::CancelToken::Clock::now() + std::chrono::hours(1));
  CHECK_FALSE(later.cancelled());
}
