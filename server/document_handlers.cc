// LspServer's document side: sync notifications, hover, code actions, document symbols,
// publishing diagnostics.
#include <spdlog/spdlog.h>

#include "server/lsp_server.h"
#include "server/review_lsp.h"
#include "server/diagnostic_encoder.h"
#include "server/to_lsp.h"

namespace factline::server {

using protocol::ErrorCode;
using protocol::json;

namespace {
template <typename T> protocol::Unexpected<protocol::RpcError> rpcError(ErrorCode code, T message) {
  return protocol::unexpected(protocol::RpcError{code, std::string(message)});
}

// Answers a request about a draft from the findings of the version the client is looking at,
// once they exist: `answer(result)` gives the reply. When the draft changes or closes first, the
// reply is ContentModified, as the spec asks, rather than an answer about other text.
template <typename Reply, typename Answer>
void answerFromCurrentResult(DraftWorkspace &workspace, const OpenDocument &doc, Reply reply,
                             Answer answer) {
  workspace.whenAnalysed(
      doc.uri, [version = doc.version, reply = std::move(reply),
                answer = std::move(answer)](std::shared_ptr<const DraftResult> result) {
        if (!result)
          return reply(rpcError(ErrorCode::ContentModified, "the document was closed"));
        if (result->version != version)
          return reply(rpcError(ErrorCode::ContentModified, "the document changed"));
        reply(answer(*result));
      });
}
} // namespace

void LspServer::onDidOpen(const protocol::DidOpenTextDocumentParams &params) {
  const OpenDocument &doc = workspace_.open(params.textDocument);
  spdlog::info("opened {} v{} ({} bytes, {})", doc.uri, doc.version, doc.text->size(),
               doc.is_draft ? "draft" : "not a draft");
  if (!doc.is_draft && doc.path && fact_status_.count(*doc.path))
    publishFactFileErrors(doc);
}

void LspServer::onDidChange(const protocol::DidChangeTextDocumentParams &params) {
  auto changed = workspace_.change(params);
  if (!changed)
    spdlog::warn("textDocument/didChange ignored: {}", changed.error());
}

void LspServer::onDidClose(const protocol::DidCloseTextDocumentParams &params) {
  if (!workspace_.close(params.textDocument.uri)) {
    spdlog::warn("textDocument/didClose ignored: document is not open: {}",
                 params.textDocument.uri);
    return;
  }
  incomplete_shown_.erase(params.textDocument.uri); // nothing kept for a closed document
  diagnostics_.erase(params.textDocument.uri);
  // Diagnostics of a closed document are cleared.
  notify("textDocument/publishDiagnostics",
         protocol::toJSON(protocol::PublishDiagnosticsParams{params.textDocument.uri, {}, {}}));
}

void LspServer::onDidSave(const protocol::DidSaveTextDocumentParams &params) {
  const OpenDocument *doc = workspace_.find(params.textDocument.uri);
  // A fact file saved from the editor counts as changed on disk, for clients without watchers.
  if (doc && doc->path && facts_.concerns(*doc->path))
    facts_.reload();
}

void LspServer::onHover(const protocol::TextDocumentPositionParams &params,
                        Callback<std::optional<protocol::Hover>> reply) {
  const OpenDocument *doc = workspace_.find(params.textDocument.uri);
  if (!doc)
    return reply(rpcError(ErrorCode::InvalidParams,
                          "textDocument/hover: document is not open: " + params.textDocument.uri));
  if (!doc->is_draft)
    return reply(std::optional<protocol::Hover>());
  answerFromCurrentResult(workspace_, *doc, std::move(reply), [this, params](const DraftResult &r) {
    LspView view{r.lines, encoding_};
    std::size_t offset = r.lines.toOffset(params.position, encoding_);
    return toHover(r.findings, offset, r.facts->base(), view, client_.hoverMarkdown);
  });
}

void LspServer::onCodeAction(const protocol::CodeActionParams &params,
                             Callback<std::vector<protocol::CodeAction>> reply) {
  const OpenDocument *doc = workspace_.find(params.textDocument.uri);
  if (!doc)
    return reply(
        rpcError(ErrorCode::InvalidParams,
                 "textDocument/codeAction: document is not open: " + params.textDocument.uri));
  bool wants_quickfix = !params.context.only;
  for (const auto &kind : params.context.only.value_or(std::vector<std::string>{}))
    wants_quickfix = wants_quickfix || kind == "quickfix" || kind.rfind("quickfix.", 0) == 0;
  if (!doc->is_draft || !wants_quickfix)
    return reply(std::vector<protocol::CodeAction>());
  const std::string review_key = workspace_.reviewDraftKey(*doc);
  answerFromCurrentResult(workspace_, *doc, std::move(reply),
                          [this, params, review_key](const DraftResult &r) {
    LspView view{r.lines, encoding_};
    std::optional<std::int64_t> pin;
    if (client_.documentChanges)
      pin = r.version;
    auto actions = toCodeActions(r.findings, toSpan(params.range, view), params.textDocument.uri,
                                 pin, view);
    if (!review_key.empty()) // "Mark as reviewed…" after the fixes (review_lsp.h)
      for (auto &a : toReviewActions(r.findings, reviewKeys(review_key, r.findings), r.reviewed,
                                     toSpan(params.range, view), view))
        actions.push_back(std::move(a));
    return actions;
  });
}

void LspServer::onDocumentSymbol(const protocol::DocumentSymbolParams &params,
                                 Callback<json> reply) {
  const OpenDocument *doc = workspace_.find(params.textDocument.uri);
  if (!doc)
    return reply(
        rpcError(ErrorCode::InvalidParams,
                 "textDocument/documentSymbol: document is not open: " + params.textDocument.uri));
  if (!doc->is_draft)
    return reply(json::array());
  answerFromCurrentResult(workspace_, *doc, std::move(reply), [this, params](const DraftResult &r) {
    LspView view{r.lines, encoding_};
    return protocol::documentSymbolsJSON(toDocumentSymbols(r.findings, r.facts->base(), view),
                                         params.textDocument.uri,
                                         client_.hierarchicalDocumentSymbols);
  });
}

void LspServer::publish(const OpenDocument &doc, std::shared_ptr<const DraftResult> result) {
  DraftDiagnostics &d = diagnostics_[doc.uri];
  bool changed = d.encoder.encode(result->findings, LspView{result->lines, encoding_});
  if (client_.pullDiagnostics) {
    // The client pulls after each edit by itself; a re-check it did not cause it must be told of.
    if (changed && d.pulled_version == result->version && client_.diagnosticRefresh)
      call("workspace/diagnostic/refresh", nullptr, [](RpcResult) {});
    return;
  }
  // Every result is pushed, changed or not: a client waits for the diagnostics of its version.
  notify("textDocument/publishDiagnostics",
         protocol::publishDiagnosticsParams(doc.uri, result->version, d.encoder.items()));
}

void LspServer::onDiagnostic(const protocol::DocumentDiagnosticParams &params,
                             Callback<protocol::EncodedJson> reply) {
  const OpenDocument *doc = workspace_.find(params.textDocument.uri);
  if (!doc || !doc->is_draft) // nothing checked there (a fact file's errors are pushed)
    return reply(protocol::fullDiagnosticReport("none", "[]"));
  workspace_.whenAnalysed(
      doc->uri, [this, uri = doc->uri, previous = params.previousResultId,
                 reply = std::move(reply)](std::shared_ptr<const DraftResult> result) {
        auto it = diagnostics_.find(uri);
        if (!result || it == diagnostics_.end())
          return reply(rpcError(ErrorCode::ContentModified, "the document was closed"));
        // The encoder holds this result: it was published before any waiter was called.
        DraftDiagnostics &d = it->second;
        d.pulled_version = result->version;
        if (previous && *previous == d.encoder.resultId())
          return reply(protocol::unchangedDiagnosticReport(d.encoder.resultId()));
        reply(protocol::fullDiagnosticReport(d.encoder.resultId(), d.encoder.items()));
      });
}

void LspServer::publishFactFileErrors(const OpenDocument &doc) {
  protocol::PublishDiagnosticsParams p;
  p.uri = doc.uri;
  p.version = doc.version;
  if (doc.path) {
    protocol::LineIndex lines(*doc.text);
    LspView view{lines, encoding_};
    auto it = fact_status_.find(*doc.path);
    if (it != fact_status_.end()) {
      for (const auto &e : it->second.errors)
        p.diagnostics.push_back(
            toDiagnostic(e, protocol::DiagnosticSeverity::Error, *doc.text, view));
      for (const auto &w : it->second.warnings)
        p.diagnostics.push_back(
            toDiagnostic(w, protocol::DiagnosticSeverity::Warning, *doc.text, view));
    }
  }
  notify("textDocument/publishDiagnostics", protocol::toJSON(p));
}

} // namespace factline::server
