// TestClient: drives an LspServer in-process like an editor, with every thread replaced by
// io_contexts the test runs by hand, so each step is deterministic.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/analyzer_group.h"
#include "server/lsp_server.h"

namespace factline::testing {

using protocol::json;

// A stand-in analyzer with findings a test can predict from the text alone:
//   WRONG -> rule "test-wrong", Warning, status Wrong, figure f-test, fix "right"
//   FINE  -> rule "test-fine", no severity (verified), quote q-test
//   DOUBT -> rule "test-unverified", Information, status Unverified, person p-ada
// `during` runs in the middle of every analysis (on the analysis executor), so a test can make
// things happen while an analysis is under way.
class MarkerAnalyzer : public analyzers::Analyzer {
public:
  std::string_view name() const override { return "markers"; }
  std::vector<analyzers::Finding> analyze(const analyzers::Document &doc,
                                          const facts::FactIndex &facts,
                                          const analyzers::CancelToken &cancel) const override;

  std::function<void(const std::string &text)> during;
  mutable std::atomic<int> runs{0};
  mutable std::atomic<int> saw_cancel{0}; // analyses that found their token cancelled
};

// A temporary workspace folder, removed at the end of the test.
struct TempWorkspace {
  TempWorkspace();
  ~TempWorkspace();
  std::filesystem::path root;
  void write(const std::string &relative, const std::string &text) const;
  std::string uri(const std::string &relative) const;
};

// A small valid fact base holding p-ada, e-talk, s-notes, q-test and f-test.
std::string testFactBase();

class TestClient {
public:
  struct Options {
    json capabilities = json::object();
    std::optional<std::string> root;
    json settings = nullptr; // what workspace/configuration answers, when the client supports it
    bool bundled_facts = false;
    int fixed_debounce_ms = 0;
  };

  explicit TestClient(std::shared_ptr<const MarkerAnalyzer> analyzer);
  TestClient(std::shared_ptr<const MarkerAnalyzer> analyzer, Options options);
  ~TestClient();

  // Sends initialize (with the options' capabilities and root), then initialized; pumps.
  json initialize();

  int request(const std::string &method, const json &params);
  void notify(const std::string &method, const json &params);
  void sendBody(const std::string &body); // raw, for malformed messages

  // Runs the protocol and analysis executors until nothing is left to do, answering the server's
  // own requests (configuration, registrations) as an editor would.
  void pump();
  // Runs both executors for real time (for debounce timers).
  void runFor(std::chrono::milliseconds duration);

  std::optional<json> response(int id) const;
  std::vector<json> notifications(const std::string &method) const;
  std::vector<json> serverRequests(const std::string &method) const;
  // The params of the last publishDiagnostics for `uri`, or null.
  json lastDiagnostics(const std::string &uri) const;
  std::vector<json> diagnosticsFor(const std::string &uri) const; // every publish, in order

  void open(const std::string &uri, const std::string &text, int version = 1,
            const std::string &language = "markdown");
  void change(const std::string &uri, int version, const json &changes);

  std::vector<json> sent; // every message the server wrote, parsed, in order
  std::optional<int> exit_code;
  Options options;
  bool answer_configuration = true;
  // What the client answers to a server request of this method (null for one not listed).
  std::map<std::string, json> answers;

  boost::asio::io_context io;      // the protocol strand
  boost::asio::io_context pool_io; // analysis and fact loading
  std::unique_ptr<server::LspServer> server;

private:
  std::size_t answerServerRequests(); // returns how many it answered
  int next_id_ = 1;
  std::size_t answered_upto_ = 0;
};

// A shell command's standard output and exit status (-1 when it did not exit normally).
struct CommandRun {
  std::string out;
  int status = -1;
};
CommandRun runCommand(const std::string &shell_command);

// A range as JSON.
json range(int l1, int c1, int l2, int c2);

} // namespace factline::testing
