// LspServer's review side: "Mark as reviewed…" asks the writer and has the client write the
// decision into `.factline/reviews.json`; the file is read again when it changes.
#include <filesystem>

#include <spdlog/spdlog.h>

#include "protocol/uri.h"
#include "server/lsp_server.h"
#include "server/record_view.h"
#include "server/review_lsp.h"

namespace factline::server {

using protocol::ErrorCode;
using protocol::json;

bool fromJSON(const json &value, LspServer::ExecuteCommandParams &out,
              const protocol::JsonPath &path) {
  protocol::ObjectReader o(value, path);
  if (!(o && o.map("command", out.command)))
    return false;
  if (auto it = value.find("arguments"); it != value.end() && !it->is_null())
    out.arguments = *it;
  return true;
}

void LspServer::reloadReviews() {
  auto book = std::make_shared<ReviewBook>();
  if (root_)
    *book = readReviewFile(reviewsFilePath(*root_));
  std::vector<std::string> problems;
  for (const auto &e : book->errors)
    problems.push_back("Factline: " + e.describe() +
                       ". The review decisions are not used until the file is fixed.");
  for (const auto &w : book->warnings)
    problems.push_back("Factline: warning: " + w.describe());
  if (problems != review_problems_) {
    for (const auto &p : problems) {
      spdlog::warn("{}", p);
      showMessage(
          book->errors.empty() ? protocol::MessageType::Warning : protocol::MessageType::Error, p);
    }
    review_problems_ = std::move(problems);
  }
  reviews_ = book;
  workspace_.setReviews(reviews_, root_);
}

void LspServer::onExecuteCommand(const ExecuteCommandParams &params, Callback<json> reply) {
  if (params.command != kMarkReviewedCommand)
    return reply(protocol::unexpected(protocol::RpcError{
        ErrorCode::InvalidParams, "workspace/executeCommand: no command named \"" +
                                      escapeControls(params.command) + "\" (factline has " +
                                      kMarkReviewedCommand + ")"}));
  auto request = readMarkReviewed(params.arguments);
  if (!request)
    return reply(
        protocol::unexpected(protocol::RpcError{ErrorCode::InvalidParams, request.error()}));
  if (!root_)
    return reply(protocol::unexpected(protocol::RpcError{
        ErrorCode::InvalidRequest, std::string(kMarkReviewedCommand) +
                                       ": no workspace folder is open; review decisions are kept "
                                       "in the workspace's .factline/reviews.json"}));
  if (request->decision) // the editor asked the writer itself
    return recordDecision(std::move(*request->decision), std::move(reply));
  const ReviewKey key = request->key;
  call("window/showMessageRequest", reviewQuestion(*request),
       [this, key, reply = std::move(reply)](RpcResult answer) mutable {
         if (!answer) {
           spdlog::warn("window/showMessageRequest failed: {}", answer.error().message);
           return reply(protocol::unexpected(
               protocol::RpcError{ErrorCode::RequestFailed,
                                  std::string(kMarkReviewedCommand) +
                                      ": the editor could not ask: " + answer.error().message}));
         }
         std::optional<ReviewDecision> decision = decisionForChoice(*answer);
         if (!decision)
           return reply(json(nullptr)); // dismissed: nothing decided, nothing written
         decision->key = key;
         recordDecision(std::move(*decision), std::move(reply));
       });
}

void LspServer::recordDecision(ReviewDecision decision, Callback<json> reply) {
  if (decision.by.empty())
    decision.by = reviewerName(editor_section_, init_section_);
  if (decision.at.empty())
    decision.at = utcNow();
  const std::string path = reviewsFilePath(*root_);
  const std::string uri = protocol::pathToUri(path);
  // The file as the editor has it, unsaved edits included, else as it is on disk.
  std::optional<std::string> current;
  ReviewBook book;
  if (const OpenDocument *open = workspace_.find(uri)) {
    current = *open->text;
    book = parseReviews(*current, path);
  } else {
    std::string text;
    book = readReviewFile(path, &text);
    if (book.found)
      current = std::move(text);
  }
  if (!book.errors.empty()) // never rewrite a file that cannot be read: its decisions would go
    return reply(protocol::unexpected(
        protocol::RpcError{ErrorCode::RequestFailed,
                           std::string(kMarkReviewedCommand) + ": " + escapeControls(path) +
                               " has errors; fix it first: " + book.errors.front().describe()}));
  const std::string text = withDecision(book, decision);
  json edit = reviewFileEdit(uri, book.found ? current : std::nullopt, text, encoding_,
                             client_.createFiles, client_.documentChanges);
  call("workspace/applyEdit", edit,
       [this, text, path, reply = std::move(reply)](RpcResult answer) mutable {
         if (!answer)
           return reply(protocol::unexpected(protocol::RpcError{
               ErrorCode::RequestFailed,
               std::string(kMarkReviewedCommand) +
                   ": the editor did not apply the edit: " + answer.error().message}));
         if (!answer->is_object() || !answer->value("applied", false)) {
           std::string why = answer->is_object() && answer->contains("failureReason") &&
                                     (*answer)["failureReason"].is_string()
                                 ? (*answer)["failureReason"].get<std::string>()
                                 : std::string("no reason given");
           return reply(protocol::unexpected(protocol::RpcError{
               ErrorCode::RequestFailed,
               std::string(kMarkReviewedCommand) +
                   ": the editor did not apply the edit: " + escapeControls(why)}));
         }
         // Shown at once, saved or not; the watcher reads the file again once it is saved.
         reviews_ = std::make_shared<ReviewBook>(parseReviews(text, path));
         workspace_.setReviews(reviews_, root_);
         reply(json(nullptr));
       });
}

} // namespace factline::server
