// LspServer: the Language Server Protocol side of Factline: lifecycle, dispatch, and LSP <->
// workspace calls (clangd's ClangdLSPServer). Knows JSON and LSP; the logic is in DraftWorkspace.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <boost/asio/any_io_executor.hpp>

#include "analyzers/analyzer_group.h"
#include "protocol/framing.h"
#include "protocol/json_rpc.h"
#include "protocol/lsp_documents.h"
#include "protocol/lsp_features.h"
#include "protocol/lsp_lifecycle.h"
#include "server/diagnostic_encoder.h"
#include "server/draft_workspace.h"
#include "server/handler_table.h"
#include "server/reply_once.h"
#include "server/settings.h"
#include "server/workspace_facts.h"

namespace factline::server {

struct ServerOptions {
  std::string version = FACTLINE_VERSION;
  int fixed_debounce_ms = -1; // >= 0: overrides factline.debounceMs (serve --debounce-ms)
  // The analyzers to run; null means AnalyzerGroup::standard(). Tests inject their own.
  std::shared_ptr<const analyzers::AnalyzerGroup> analyzers;
  bool bundled_facts = true; // false: start from an empty base (tests)
  // Fact bases named on the command line: always loaded, and, being the user's own choice, read
  // wherever they are (workspace settings may only name files inside the workspace).
  std::vector<std::string> fact_bases;
};

// Threads: every member is called on the protocol strand (`strand`). Analysis runs on `pool`
// and fact bases load on `loader` (a strand of the pool, so loads never overlap); both hand their
// results back to `strand`. Tests pass one io_context's executor for all three and run it by
// hand, which makes every step deterministic.
class LspServer {
public:
  LspServer(boost::asio::any_io_executor strand, boost::asio::any_io_executor pool,
            boost::asio::any_io_executor loader, Outbox outbox, ServerOptions options = {});
  ~LspServer();
  LspServer(const LspServer &) = delete;
  LspServer &operator=(const LspServer &) = delete;

  // One message body, as the framing layer delivered it.
  void receive(std::string_view body);
  // Bytes that could not be framed: answered with ParseError (id null), then reading goes on.
  void receiveFramingError(const protocol::FramingError &error);
  // The client went away without `exit`.
  void endOfInput();

  // Called once, with the process exit code, when the server is done (exit or end of input).
  void onExit(std::function<void(int)> on_exit) { on_exit_ = std::move(on_exit); }
  bool finished() const { return finished_; }

private:
  enum class Phase { Uninitialized, Running, ShutDown };

  // The message loop (lsp_server.cc).
  void handleRequest(protocol::Request request);
  void handleNotification(protocol::Notification note);
  void handleResponse(protocol::Response response);
  void notify(std::string_view method, const protocol::json &params);
  void notify(std::string_view method, const protocol::EncodedJson &params);
  void call(std::string_view method, const protocol::json &params,
            std::function<void(RpcResult)> on_answer);
  void finish(int code);
  void bindHandlers();

  // Lifecycle (lsp_server.cc).
  void onInitialize(const protocol::InitializeParams &, Callback<protocol::json>);
  void onInitialized(const NoParams &);
  void onShutdown(const NoParams &, Callback<NullResult>);
  void onCancel(const protocol::CancelParams &);

  // Documents (document_handlers.cc).
  void onDidOpen(const protocol::DidOpenTextDocumentParams &);
  void onDidChange(const protocol::DidChangeTextDocumentParams &);
  void onDidClose(const protocol::DidCloseTextDocumentParams &);
  void onDidSave(const protocol::DidSaveTextDocumentParams &);
  void onHover(const protocol::TextDocumentPositionParams &,
               Callback<std::optional<protocol::Hover>>);
  void onDocumentSymbol(const protocol::DocumentSymbolParams &, Callback<protocol::json>);
  void onCodeAction(const protocol::CodeActionParams &,
                    Callback<std::vector<protocol::CodeAction>>);
  // textDocument/diagnostic: the draft's diagnostics once its current version is checked, or
  // "unchanged" when they are those the client names.
  void onDiagnostic(const protocol::DocumentDiagnosticParams &, Callback<protocol::EncodedJson>);
  // A new result: encoded, then pushed to a client that does not pull.
  void publish(const OpenDocument &doc, std::shared_ptr<const DraftResult> result);
  void publishFactFileErrors(const OpenDocument &doc);
  // Tells the writer when a check ran out of time (lsp_server.cc).
  void noteIncomplete(const OpenDocument &doc, const DraftResult &result);

  // Workspace: settings and fact bases (workspace_handlers.cc).
  void onDidChangeConfiguration(const protocol::DidChangeConfigurationParams &);
  void onDidChangeWatchedFiles(const protocol::DidChangeWatchedFilesParams &);
  void pullConfiguration();
  // Where a settings section came from, which decides what its factBases may reach.
  enum class SettingsSource {
    User,      // initializationOptions: set where the user sets the server's command
    Workspace, // workspace/configuration or didChangeConfiguration: merged with the workspace's
  };
  // The editor's section over the workspace's `.factline/config.json` (read again each time).
  void applySettings(const protocol::json &section, SettingsSource source);
  // The configuration file's section, its problems shown when they change.
  protocol::json readWorkspaceConfig();
  void registerFileWatchers();
  void onFactsLoaded(FactsReport report);
  void showMessage(protocol::MessageType type, std::string message);

  // Review decisions (review_handlers.cc): the command of "Mark as reviewed…", which asks the
  // writer (window/showMessageRequest) unless the editor sent the decision, and has the client
  // write `.factline/reviews.json` (workspace/applyEdit); the server never writes it.
  struct ExecuteCommandParams {
    std::string command;
    protocol::json arguments = protocol::json::array();
  };
  friend bool fromJSON(const protocol::json &, ExecuteCommandParams &, const protocol::JsonPath &);
  void onExecuteCommand(const ExecuteCommandParams &, Callback<protocol::json>);
  void recordDecision(ReviewDecision decision, Callback<protocol::json> reply);
  // Reads `.factline/reviews.json` again and hands it to the workspace; problems shown once.
  void reloadReviews();

  boost::asio::any_io_executor strand_;
  Outbox outbox_;
  ServerOptions options_;
  HandlerTable handlers_;
  std::function<void(int)> on_exit_;

  Phase phase_ = Phase::Uninitialized;
  bool finished_ = false;
  protocol::ClientCapabilities client_;
  protocol::PositionEncoding encoding_ = protocol::PositionEncoding::Utf16;
  std::optional<std::string> root_;  // the workspace root folder, when the client names one
  std::vector<std::string> folders_; // every workspace folder (the root first), as paths
  // Fact bases the user named themselves (the command line, initializationOptions): they may lie
  // outside the workspace, even when pulled settings name them again.
  std::vector<std::string> user_fact_bases_;

  // Requests still being worked on, by id, so $/cancelRequest can answer them.
  std::map<std::string, ReplyOnce::Pending> in_flight_;
  // Requests the server sent, waiting for the client's answer.
  std::int64_t next_call_id_ = 1;
  std::map<std::int64_t, std::function<void(RpcResult)>> calls_;
  std::optional<std::string> watcher_registration_; // id of the registration in force
  std::vector<std::string> watched_patterns_;

  // The last load's status of each user fact base file, by path: to show each new problem once,
  // and to put a file's errors on it when it is open.
  std::map<std::string, facts::FactFileStatus> fact_status_;
  bool client_initialized_ = false; // `initialized` arrived: the server may send requests
  std::set<std::string> settings_problems_shown_;
  // The last section the editor sent and where from: applied again over the configuration file
  // when that file changes.
  protocol::json editor_section_;
  SettingsSource editor_source_ = SettingsSource::User;
  std::vector<std::string> config_problems_; // the configuration file's, as last shown
  std::set<std::string> incomplete_shown_; // documents told their check was cut short

  protocol::json init_section_; // initializationOptions.factline, for the reviewer's name
  std::shared_ptr<const ReviewBook> reviews_ = std::make_shared<ReviewBook>();
  std::vector<std::string> review_problems_; // as last shown
  // What the client was told of each open draft's diagnostics.
  struct DraftDiagnostics {
    DiagnosticEncoder encoder; // of the newest result
    // The version the client last pulled diagnostics for: a newer result of that same version
    // (new facts or settings) is one it will not ask for by itself, so it is told to refresh.
    std::optional<std::int64_t> pulled_version;
  };
  std::map<std::string, DraftDiagnostics> diagnostics_;

  DraftWorkspace workspace_;
  WorkspaceFacts facts_;
};

} // namespace factline::server
