// DraftWorkspace: the open documents, their analysis results and what waits for them; no JSON
// (clangd's ClangdServer, between the LSP layer and the scheduler).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>

#include "analyzers/analyzer_group.h"
#include "facts/fact_index.h"
#include "protocol/expected.h"
#include "protocol/line_index.h"
#include "protocol/lsp_documents.h"
#include "server/analysis_scheduler.h"
#include "server/review_decisions.h"
#include "server/settings.h"

namespace factline::server {

// One analysed version of a draft: the text, its lines, the facts it was checked against, and the
// findings after the writer's settings. Immutable, shared with whoever answers from it.
struct DraftResult {
  DraftResult(std::int64_t v, std::shared_ptr<const std::string> t,
              std::shared_ptr<const facts::FactIndex> f, std::vector<analyzers::Finding> found)
      : version(v), text(std::move(t)), lines(*text), facts(std::move(f)),
        findings(std::move(found)) {}
  std::int64_t version;
  std::shared_ptr<const std::string> text;
  protocol::LineIndex lines; // over *text
  std::shared_ptr<const facts::FactIndex> facts;
  std::vector<analyzers::Finding> findings;
  // The analysis ran out of time: `findings` are those of the part checked, and the first one
  // says so (rule kIncompleteRule).
  bool incomplete = false;
  // Which findings carry a review decision (made Hints by markReviewed()); empty when none does.
  std::vector<bool> reviewed;
};

// The rule of the Information finding that tells the writer a check was cut short.
inline constexpr const char *kIncompleteRule = "analysis-incomplete";

using ResultWaiter = std::function<void(std::shared_ptr<const DraftResult>)>;

struct OpenDocument {
  std::string uri;
  std::string language_id;
  std::optional<std::string> path; // for file: URIs
  std::int64_t version = 0;
  std::shared_ptr<const std::string> text;
  bool is_draft = false; // Markdown or plain text: analysed. Others (a fact file) are only kept.
  analyzers::DraftFormat format = analyzers::DraftFormat::Markdown;
  std::shared_ptr<const DraftResult> result; // of the newest version analysed, once there is one
  std::vector<ResultWaiter> waiters;         // for the result of `version`
};

// Is a document with this language id and path a draft to check, and in which format?
std::optional<analyzers::DraftFormat> draftFormatOf(const std::string &language_id,
                                                    const std::optional<std::string> &path);

// Every member runs on the protocol strand; the scheduler does the work on the pool.
class DraftWorkspace {
public:
  // Called with each document's new result, only for its current version.
  using Publish = std::function<void(const OpenDocument &, std::shared_ptr<const DraftResult>)>;

  DraftWorkspace(boost::asio::any_io_executor strand, boost::asio::any_io_executor pool,
                 std::shared_ptr<const analyzers::AnalyzerGroup> analyzers, Publish publish);

  void setEncoding(protocol::PositionEncoding encoding) { encoding_ = encoding; }
  // The settings and the debounce (a fixed one overrides the setting when >= 0). Re-checks every
  // draft when what the writer sees would change.
  void setSettings(const Settings &settings, int fixed_debounce_ms = -1);
  const Settings &settings() const { return settings_; }
  // New facts: every draft is checked again. Until the first call, drafts wait.
  void setFacts(std::shared_ptr<const facts::FactIndex> facts);
  bool hasFacts() const { return facts_ != nullptr; }
  // The workspace's review decisions, and the root the drafts' keys are relative to: reviewed
  // findings become Hints. Every draft is checked again.
  void setReviews(std::shared_ptr<const ReviewBook> reviews, std::optional<std::string> root);
  // A draft's name in review keys (its path relative to the root, with "/"); empty when it has
  // none (no root, not a file, outside the root).
  std::string reviewDraftKey(const OpenDocument &doc) const;

  const OpenDocument &open(const protocol::TextDocumentItem &item);
  // Applies the changes in order. Fails (changing nothing) when the document is not open.
  protocol::Expected<void, std::string> change(const protocol::DidChangeTextDocumentParams &params);
  // Forgets the document; its waiters are called with null. Returns whether it was open. When the
  // last draft closes, the analyzers' memos are dropped and free memory is given back to the
  // system (releaseMemory), so that a server left open keeps nothing of the drafts it checked.
  bool close(const std::string &uri);
  const OpenDocument *find(const std::string &uri) const;
  std::vector<const OpenDocument *> documents() const;

  // Calls `waiter` with the result for the document's current version: now if it is ready, else
  // when it is (a newer version arriving first means the newer result). Null when the document is
  // not open, not a draft, or closes first.
  void whenAnalysed(const std::string &uri, ResultWaiter waiter);

  void recheckAll();
  void stop(); // cancels all analysis; nothing more is published

private:
  void schedule(OpenDocument &doc, bool immediately = false);
  void releaseMemory();
  void onAnalysed(const std::string &uri, AnalysisOutput output);

  std::map<std::string, OpenDocument> documents_;
  AnalysisScheduler scheduler_;
  Publish publish_;
  Settings settings_;
  int fixed_debounce_ms_ = -1;
  std::shared_ptr<const facts::FactIndex> facts_;
  std::shared_ptr<const ReviewBook> reviews_;
  std::optional<std::string> review_root_;
  protocol::PositionEncoding encoding_ = protocol::PositionEncoding::Utf16;
  bool stopped_ = false;
};

} // namespace factline::server
