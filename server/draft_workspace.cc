// DraftWorkspace: document versions in, results out, only ever for the version still open.
#include "server/draft_workspace.h"

#include <filesystem>

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <spdlog/spdlog.h>

#include "analyzers/memo_table.h"

#include "protocol/content_changes.h"
#include "protocol/uri.h"

namespace factline::server {

namespace {
bool endsWith(const std::string &s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The notice on the first line of a draft whose check ran out of time: its findings are true but
// some claims were never looked at, and the writer must not read silence as "all verified".
analyzers::Finding incompleteFinding(const std::string &text, std::chrono::milliseconds budget,
                                     const std::vector<analyzers::Finding> &found) {
  analyzers::Finding f;
  f.rule = kIncompleteRule;
  f.status = analyzers::Status::Problem;
  f.severity = analyzers::Severity::Information;
  std::size_t first_line_end = text.find_first_of("\r\n");
  f.span = {0, first_line_end == std::string::npos ? text.size() : first_line_end};
  f.message = "Factline stopped checking this draft after " + std::to_string(budget.count()) +
              " ms (the factline.analysisTimeoutMs setting): it is too large to check fully in " +
              "time, so some quotes and figures were not checked. ";
  std::size_t shown = std::count_if(found.begin(), found.end(),
                                    [](const analyzers::Finding &x) { return x.severity; });
  if (shown == 0)
    f.message += "Nothing to report was found before it stopped.";
  else
    f.message += "The " + std::to_string(shown) + " problem" + (shown == 1 ? "" : "s") +
                 " found in the part checked " + (shown == 1 ? "is" : "are") + " shown.";
  return f;
}

} // namespace

std::optional<analyzers::DraftFormat> draftFormatOf(const std::string &language_id,
                                                    const std::optional<std::string> &path) {
  if (language_id == "markdown" || language_id == "mdx")
    return analyzers::DraftFormat::Markdown;
  if (language_id == "plaintext" || language_id == "text")
    return analyzers::DraftFormat::PlainText;
  if (!language_id.empty() || !path)
    return std::nullopt; // json, a programming language: not a draft
  if (endsWith(*path, ".md") || endsWith(*path, ".markdown"))
    return analyzers::DraftFormat::Markdown;
  if (endsWith(*path, ".txt") || endsWith(*path, ".text"))
    return analyzers::DraftFormat::PlainText;
  return std::nullopt;
}

DraftWorkspace::DraftWorkspace(boost::asio::any_io_executor strand,
                               boost::asio::any_io_executor pool,
                               std::shared_ptr<const analyzers::AnalyzerGroup> analyzers,
                               Publish publish)
    : scheduler_(
          std::move(strand), std::move(pool), std::move(analyzers),
          [this](const std::string &uri, AnalysisOutput out) { onAnalysed(uri, std::move(out)); }),
      publish_(std::move(publish)) {}

void DraftWorkspace::setSettings(const Settings &settings, int fixed_debounce_ms) {
  Settings before = settings_;
  settings_ = settings;
  fixed_debounce_ms_ = fixed_debounce_ms;
  before.debounce_ms = settings.debounce_ms; // the debounce alone changes no finding
  if (!(before == settings_))
    recheckAll();
}

void DraftWorkspace::setReviews(std::shared_ptr<const ReviewBook> reviews,
                                std::optional<std::string> root) {
  reviews_ = std::move(reviews);
  review_root_ = std::move(root);
  recheckAll();
}

std::string DraftWorkspace::reviewDraftKey(const OpenDocument &doc) const {
  if (!doc.path || !review_root_)
    return {};
  const std::string key = std::filesystem::path(*doc.path)
                              .lexically_normal()
                              .lexically_relative(std::filesystem::path(*review_root_))
                              .generic_string();
  return key.empty() || key.rfind("..", 0) == 0 ? std::string() : key;
}

void DraftWorkspace::setFacts(std::shared_ptr<const facts::FactIndex> facts) {
  facts_ = std::move(facts);
  recheckAll();
}

const OpenDocument &DraftWorkspace::open(const protocol::TextDocumentItem &item) {
  OpenDocument &doc = documents_[item.uri];
  if (!doc.uri.empty())
    spdlog::warn("{} opened again without being closed; taking the new text", item.uri);
  for (auto &w : doc.waiters)
    w(nullptr);
  doc = OpenDocument{};
  doc.uri = item.uri;
  doc.language_id = item.languageId;
  if (auto p = protocol::uriToPath(item.uri))
    doc.path = *p;
  doc.version = item.version;
  doc.text = std::make_shared<const std::string>(item.text);
  auto format = draftFormatOf(item.languageId, doc.path);
  doc.is_draft = format.has_value();
  doc.format = format.value_or(analyzers::DraftFormat::PlainText);
  if (doc.is_draft)
    schedule(doc, /*immediately=*/true); // nothing to debounce on open
  return doc;
}

protocol::Expected<void, std::string>
DraftWorkspace::change(const protocol::DidChangeTextDocumentParams &params) {
  auto it = documents_.find(params.textDocument.uri);
  if (it == documents_.end())
    return protocol::unexpected("document is not open: " + params.textDocument.uri);
  OpenDocument &doc = it->second;
  if (params.textDocument.version <= doc.version)
    spdlog::warn("{}: version {} after {}; versions should increase", doc.uri,
                 params.textDocument.version, doc.version);
  std::string text = *doc.text;
  protocol::applyContentChanges(text, params.contentChanges, encoding_);
  doc.text = std::make_shared<const std::string>(std::move(text));
  doc.version = params.textDocument.version;
  if (doc.is_draft)
    schedule(doc);
  return {};
}

bool DraftWorkspace::close(const std::string &uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end())
    return false;
  scheduler_.cancel(uri);
  auto waiters = std::move(it->second.waiters);
  bool was_draft = it->second.is_draft;
  documents_.erase(it);
  for (auto &w : waiters)
    w(nullptr);
  if (was_draft && std::none_of(documents_.begin(), documents_.end(),
                                [](const auto &entry) { return entry.second.is_draft; }))
    releaseMemory();
  return true;
}

void DraftWorkspace::releaseMemory() {
  // The memo tables are caches across checks, shared by every draft and keyed by text: with no
  // draft open they speed nothing up, and they hold their keys, findings and fact base. (A
  // cancelled check still finishing on the pool may store a few keys after this: bounded, and
  // dropped the next time.)
  std::size_t memo = analyzers::memoEntries();
  analyzers::forgetMemos();
#if defined(__GLIBC__)
  // glibc keeps freed memory in its arenas (one per thread that allocated) and gives back only
  // the top of the main heap on its own; a server that has checked many drafts would keep their
  // high-water mark for good. malloc_trim returns the free pages of every arena.
  malloc_trim(0);
#endif
  spdlog::debug("no draft open: forgot {} memo entries and returned free memory", memo);
}

const OpenDocument *DraftWorkspace::find(const std::string &uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

std::vector<const OpenDocument *> DraftWorkspace::documents() const {
  std::vector<const OpenDocument *> out;
  for (const auto &[uri, doc] : documents_)
    out.push_back(&doc);
  return out;
}

void DraftWorkspace::whenAnalysed(const std::string &uri, ResultWaiter waiter) {
  auto it = documents_.find(uri);
  if (it == documents_.end() || !it->second.is_draft)
    return waiter(nullptr);
  OpenDocument &doc = it->second;
  if (doc.result && doc.result->version == doc.version)
    return waiter(doc.result);
  doc.waiters.push_back(std::move(waiter));
}

void DraftWorkspace::recheckAll() {
  for (auto &[uri, doc] : documents_)
    if (doc.is_draft)
      schedule(doc, /*immediately=*/true);
}

void DraftWorkspace::stop() {
  stopped_ = true;
  scheduler_.cancelAll();
  // Nothing more will be analysed: whoever waits gets their answer now.
  for (auto &[uri, doc] : documents_) {
    auto waiters = std::move(doc.waiters);
    doc.waiters.clear();
    for (auto &w : waiters)
      w(nullptr);
  }
}

void DraftWorkspace::schedule(OpenDocument &doc, bool immediately) {
  if (stopped_ || !facts_)
    return; // setFacts() schedules every draft once the facts are there
  AnalysisInput input{doc.version, doc.text, doc.format, facts_,
                      std::chrono::milliseconds(settings_.analysis_timeout_ms)};
  int debounce = fixed_debounce_ms_ >= 0 ? fixed_debounce_ms_ : settings_.debounce_ms;
  scheduler_.schedule(doc.uri, std::move(input),
                      std::chrono::milliseconds(immediately ? 0 : debounce));
}

void DraftWorkspace::onAnalysed(const std::string &uri, AnalysisOutput out) {
  auto it = documents_.find(uri);
  if (stopped_ || it == documents_.end() || it->second.version != out.input.version) {
    spdlog::debug("dropping analysis of {} v{}: no longer the open version", uri,
                  out.input.version);
    return;
  }
  OpenDocument &doc = it->second;
  if (!out.failure.empty())
    spdlog::error("analysis of {} v{} failed: {}", uri, doc.version, out.failure);
  std::vector<analyzers::Finding> findings = applySettings(std::move(out.findings), settings_);
  if (out.timed_out) {
    spdlog::warn("analysis of {} v{} stopped after {} ms: over the time budget", uri, doc.version,
                 out.input.budget.count());
    findings.insert(findings.begin(),
                    incompleteFinding(*out.input.text, out.input.budget, findings));
  }
  spdlog::debug("analysed {} v{}: {} findings in {} us", uri, doc.version, findings.size(),
                out.took.count());
  std::vector<bool> reviewed;
  if (const std::string key = reviewDraftKey(doc); reviews_ && !key.empty()) {
    const auto decisions = matchReviews(key, findings, *reviews_);
    if (markReviewed(findings, decisions) > 0)
      for (const auto *d : decisions)
        reviewed.push_back(d != nullptr);
  }
  auto result = std::make_shared<DraftResult>(doc.version, out.input.text, out.input.facts,
                                              std::move(findings));
  result->incomplete = out.timed_out;
  result->reviewed = std::move(reviewed);
  doc.result = std::move(result);
  publish_(doc, doc.result);
  auto waiters = std::move(doc.waiters);
  doc.waiters.clear();
  for (auto &w : waiters)
    w(doc.result);
}

} // namespace factline::server
