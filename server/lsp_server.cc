// LspServer: reading messages, the lifecycle rules, dispatch to typed handlers, cancellation,
// and the requests the server itself sends.
#include "server/lsp_server.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "protocol/uri.h"
#include "server/review_lsp.h"

namespace factline::server {

using protocol::ErrorCode;
using protocol::json;

namespace {
std::shared_ptr<const analyzers::AnalyzerGroup>
orStandard(std::shared_ptr<const analyzers::AnalyzerGroup> group) {
  if (group)
    return group;
  return std::make_shared<const analyzers::AnalyzerGroup>(analyzers::AnalyzerGroup::standard());
}
} // namespace

LspServer::LspServer(boost::asio::any_io_executor strand, boost::asio::any_io_executor pool,
                     boost::asio::any_io_executor loader, Outbox outbox, ServerOptions options)
    : strand_(strand), outbox_(std::move(outbox)), options_(std::move(options)),
      workspace_(strand, pool, orStandard(options_.analyzers),
                 [this](const OpenDocument &doc, std::shared_ptr<const DraftResult> result) {
                   noteIncomplete(doc, *result);
                   publish(doc, std::move(result));
                 }),
      facts_(strand, loader, options_.bundled_facts,
             [this](FactsReport report) { onFactsLoaded(std::move(report)); }) {
  bindHandlers();
}

LspServer::~LspServer() { workspace_.stop(); }

void LspServer::bindHandlers() {
  using namespace protocol;
  auto self = this;
  handlers_.request<InitializeParams, json>(
      "initialize", [self](const auto &p, auto cb) { self->onInitialize(p, std::move(cb)); });
  handlers_.request<NoParams, NullResult>(
      "shutdown", [self](const auto &p, auto cb) { self->onShutdown(p, std::move(cb)); });
  handlers_.request<TextDocumentPositionParams, std::optional<Hover>>(
      "textDocument/hover", [self](const auto &p, auto cb) { self->onHover(p, std::move(cb)); });
  handlers_.request<CodeActionParams, std::vector<CodeAction>>(
      "textDocument/codeAction",
      [self](const auto &p, auto cb) { self->onCodeAction(p, std::move(cb)); });

  handlers_.request<ExecuteCommandParams, json>(
      "workspace/executeCommand",
      [self](const auto &p, auto cb) { self->onExecuteCommand(p, std::move(cb)); });
  handlers_.request<DocumentDiagnosticParams, EncodedJson>(
      "textDocument/diagnostic",
      [self](const auto &p, auto cb) { self->onDiagnostic(p, std::move(cb)); });
  handlers_.request<DocumentSymbolParams, json>(
      "textDocument/documentSymbol",
      [self](const auto &p, auto cb) { self->onDocumentSymbol(p, std::move(cb)); });

  handlers_.notification<NoParams>("initialized",
                                   [self](const auto &p) { self->onInitialized(p); });
  handlers_.notification<CancelParams>("$/cancelRequest",
                                       [self](const auto &p) { self->onCancel(p); });
  handlers_.notification<DidOpenTextDocumentParams>("textDocument/didOpen",
                                                    [self](const auto &p) { self->onDidOpen(p); });
  handlers_.notification<DidChangeTextDocumentParams>(
      "textDocument/didChange", [self](const auto &p) { self->onDidChange(p); });
  handlers_.notification<DidCloseTextDocumentParams>(
      "textDocument/didClose", [self](const auto &p) { self->onDidClose(p); });
  handlers_.notification<DidSaveTextDocumentParams>("textDocument/didSave",
                                                    [self](const auto &p) { self->onDidSave(p); });
  handlers_.notification<DidChangeConfigurationParams>(
      "workspace/didChangeConfiguration",
      [self](const auto &p) { self->onDidChangeConfiguration(p); });
  handlers_.notification<DidChangeWatchedFilesParams>(
      "workspace/didChangeWatchedFiles",
      [self](const auto &p) { self->onDidChangeWatchedFiles(p); });
  handlers_.onParamsError([self](const std::string &method, const std::string &error) {
    // A notification cannot be answered; say so where the user can see it.
    spdlog::warn("{}: ignored, bad params: {}", method, error);
    self->notify("window/logMessage",
                 toJSON(ShowMessageParams{MessageType::Error, method + ": " + error}));
  });
}

void LspServer::receive(std::string_view body) {
  auto message = protocol::parseMessage(body);
  if (!message) {
    const auto &e = message.error();
    spdlog::warn("<-- unreadable message ({}): {}", static_cast<int>(e.error.code),
                 e.error.message);
    if (!finished_)
      outbox_(protocol::encodeError(e.id, e.error));
    return;
  }
  std::visit(
      [this](auto &&m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, protocol::Request>)
          handleRequest(std::move(m));
        else if constexpr (std::is_same_v<T, protocol::Notification>)
          handleNotification(std::move(m));
        else
          handleResponse(std::move(m));
      },
      std::move(*message));
}

void LspServer::receiveFramingError(const protocol::FramingError &error) {
  spdlog::warn("<-- unframed input: {}", error.message);
  if (!finished_)
    outbox_(protocol::encodeError(nullptr, {ErrorCode::ParseError, error.message}));
}

void LspServer::endOfInput() {
  if (finished_)
    return;
  spdlog::info("end of input without exit");
  finish(phase_ == Phase::ShutDown ? 0 : 1);
}

void LspServer::handleRequest(protocol::Request request) {
  spdlog::debug("<-- {} (id {})", request.method, protocol::dumpJson(request.id));
  if (finished_)
    return;
  ReplyOnce reply(request.id, request.method, outbox_);
  if (phase_ == Phase::Uninitialized && request.method != "initialize")
    return reply.error(ErrorCode::ServerNotInitialized,
                       request.method + ": the server has not been initialized");
  if (phase_ == Phase::ShutDown)
    return reply.error(ErrorCode::InvalidRequest,
                       request.method + ": the server is shut down; only exit is accepted");
  const auto *handler = handlers_.findRequest(request.method);
  if (!handler)
    return reply.error(ErrorCode::MethodNotFound, "unknown method: " + request.method);

  if (in_flight_.size() > 64) // forget the answered ones now and then
    std::erase_if(in_flight_, [](const auto &entry) { return entry.second.done(); });
  in_flight_[protocol::dumpJson(request.id)] = reply.pending();
  try {
    (*handler)(request.params, reply);
  } catch (const json::exception &e) {
    reply.error(ErrorCode::InvalidParams, request.method + ": " + e.what());
  } catch (const std::exception &e) {
    spdlog::error("{} failed: {}", request.method, e.what());
    reply.error(ErrorCode::InternalError, request.method + ": " + e.what());
  }
}

void LspServer::handleNotification(protocol::Notification note) {
  spdlog::debug("<-- {}", note.method);
  if (note.method == "exit") {
    finish(phase_ == Phase::ShutDown ? 0 : 1);
    return;
  }
  if (finished_ || phase_ == Phase::ShutDown)
    return;
  if (phase_ == Phase::Uninitialized) {
    spdlog::warn("{} before initialize: dropped", note.method);
    return;
  }
  const auto *handler = handlers_.findNotification(note.method);
  if (!handler) {
    spdlog::debug("{}: not handled, ignored", note.method);
    return;
  }
  try {
    (*handler)(note.params);
  } catch (const std::exception &e) {
    spdlog::error("{} failed: {}", note.method, e.what());
  }
}

void LspServer::handleResponse(protocol::Response response) {
  if (!response.id.is_number_integer()) {
    spdlog::warn("<-- answer to an unknown request {}", protocol::dumpJson(response.id));
    return;
  }
  auto it = calls_.find(response.id.get<std::int64_t>());
  if (it == calls_.end()) {
    spdlog::warn("<-- answer to an unknown request {}", protocol::dumpJson(response.id));
    return;
  }
  auto on_answer = std::move(it->second);
  calls_.erase(it);
  if (response.error)
    on_answer(protocol::unexpected(*response.error));
  else
    on_answer(std::move(response.result));
}

void LspServer::notify(std::string_view method, const json &params) {
  if (finished_)
    return;
  spdlog::debug("--> {}", method);
  outbox_(protocol::encodeNotification(method, params));
}

void LspServer::notify(std::string_view method, const protocol::EncodedJson &params) {
  if (finished_)
    return;
  spdlog::debug("--> {} ({} bytes encoded)", method, params.text.size());
  outbox_(protocol::encodeNotification(method, params));
}

void LspServer::call(std::string_view method, const json &params,
                     std::function<void(RpcResult)> on_answer) {
  if (finished_)
    return;
  std::int64_t id = next_call_id_++;
  calls_[id] = std::move(on_answer);
  spdlog::debug("--> {} (id {})", method, id);
  outbox_(protocol::encodeRequest(id, method, params));
}

void LspServer::finish(int code) {
  if (finished_)
    return;
  finished_ = true;
  workspace_.stop();
  spdlog::info("exiting with code {}", code);
  if (on_exit_)
    on_exit_(code);
}

void LspServer::onInitialize(const protocol::InitializeParams &params, Callback<json> reply) {
  if (phase_ != Phase::Uninitialized)
    return reply(protocol::unexpected(
        protocol::RpcError{ErrorCode::InvalidRequest, "initialize may only be sent once"}));
  client_ = params.capabilities;
  encoding_ = protocol::negotiateEncoding(client_.positionEncodings);
  workspace_.setEncoding(encoding_);
  std::optional<std::string> root_uri = params.rootUri;
  if (params.workspaceFolders && !params.workspaceFolders->empty())
    root_uri = root_uri ? root_uri : params.workspaceFolders->front().uri;
  if (root_uri) {
    if (auto path = protocol::uriToPath(*root_uri))
      root_ = *path;
    else
      spdlog::warn("workspace root {}: {}", *root_uri, path.error());
  } else if (params.rootPath) {
    root_ = *params.rootPath;
  }
  if (root_)
    folders_.push_back(*root_);
  for (const auto &folder :
       params.workspaceFolders.value_or(std::vector<protocol::WorkspaceFolder>{}))
    if (auto path = protocol::uriToPath(folder.uri);
        path && std::find(folders_.begin(), folders_.end(), *path) == folders_.end())
      folders_.push_back(*path);
  spdlog::info("initialize: root {}, position encoding {}", root_.value_or("(none)"),
               protocol::encodingName(encoding_));
  phase_ = Phase::Running;
  // Settings from initializationOptions, for clients that pass them there; the pulled
  // configuration replaces them. They are the user's: a client sets them where it sets the
  // command that starts the server, so whoever can choose them can already run anything.
  const json &init = params.initializationOptions;
  init_section_ = init.is_object() && init.contains("factline") ? init["factline"] : json();
  applySettings(init_section_, SettingsSource::User);
  reloadReviews();

  protocol::InitializeResult result;
  result.positionEncoding = encoding_;
  result.serverVersion = options_.version;
  result.commands = {kMarkReviewedCommand};
  reply(protocol::toJSON(result));
}

void LspServer::onInitialized(const NoParams &) {
  client_initialized_ = true;
  pullConfiguration();
  registerFileWatchers();
}

void LspServer::onShutdown(const NoParams &, Callback<NullResult> reply) {
  phase_ = Phase::ShutDown;
  workspace_.stop();
  reply(NullResult{});
}

void LspServer::noteIncomplete(const OpenDocument &doc, const DraftResult &result) {
  if (!result.incomplete) {
    incomplete_shown_.erase(doc.uri);
    return;
  }
  // Once per document until a check completes again: the diagnostic stays, the popup need not.
  if (!incomplete_shown_.insert(doc.uri).second)
    return;
  std::string name = doc.path ? *doc.path : doc.uri;
  showMessage(protocol::MessageType::Warning,
              "Factline: " + name + " is too large to check fully within " +
                  std::to_string(workspace_.settings().analysis_timeout_ms) +
                  " ms (factline.analysisTimeoutMs); only part of it was checked.");
}

void LspServer::onCancel(const protocol::CancelParams &params) {
  auto it = in_flight_.find(protocol::dumpJson(params.id));
  if (it == in_flight_.end())
    return;
  if (it->second.cancel())
    spdlog::debug("cancelled request {}", protocol::dumpJson(params.id));
  in_flight_.erase(it);
}

} // namespace factline::server
