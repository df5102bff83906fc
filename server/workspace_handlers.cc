// LspServer's workspace side: pulled configuration, file watchers, fact base loads and reports.
#include <algorithm>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "protocol/uri.h"
#include "server/lsp_server.h"

namespace factline::server {

using protocol::json;

void LspServer::pullConfiguration() {
  if (!client_.workspaceConfiguration)
    return;
  protocol::ConfigurationParams params;
  protocol::ConfigurationItem item;
  item.section = "factline";
  if (root_)
    item.scopeUri = protocol::pathToUri(*root_);
  params.items.push_back(item);
  call("workspace/configuration", protocol::toJSON(params), [this](RpcResult answer) {
    if (!answer) {
      spdlog::warn("workspace/configuration failed: {}", answer.error().message);
      return;
    }
    if (!answer->is_array() || answer->empty()) {
      spdlog::warn("workspace/configuration: expected an array with one item, got {}",
                   protocol::dumpJson(*answer).substr(0, 200));
      return;
    }
    applySettings((*answer)[0], SettingsSource::Workspace);
  });
}

json LspServer::readWorkspaceConfig() {
  if (!root_)
    return json::object();
  ConfigFile config = readConfigFile(configFilePath(*root_), *root_);
  std::vector<std::string> problems;
  for (const auto &e : config.errors)
    problems.push_back("Factline: " + e.describe() +
                       ". The configuration file is not used until it is fixed.");
  for (const auto &w : config.warnings)
    problems.push_back("Factline: warning: " + w.describe());
  if (problems != config_problems_) {
    for (const auto &p : problems) {
      spdlog::warn("{}", p);
      showMessage(config.errors.empty() ? protocol::MessageType::Warning
                                        : protocol::MessageType::Error,
                  p);
    }
    config_problems_ = std::move(problems);
  }
  return config.section;
}

void LspServer::applySettings(const json &section, SettingsSource source) {
  editor_section_ = section;
  editor_source_ = source;
  std::vector<std::string> problems;
  if (source == SettingsSource::User) {
    // The user's own bases are those of this section alone, never the configuration file's.
    std::vector<std::string> ignored;
    for (const auto &p : readSettings(section, ignored).fact_bases)
      if (std::find(user_fact_bases_.begin(), user_fact_bases_.end(), p) ==
          user_fact_bases_.end())
        user_fact_bases_.push_back(p);
  }
  // The workspace's configuration file first, the editor's settings over it.
  const json file_section = readWorkspaceConfig();
  std::vector<std::string> from_config;
  if (auto it = file_section.find("factBases"); it != file_section.end())
    for (const auto &p : *it)
      from_config.push_back(p.get<std::string>());
  Settings settings = readSettings(overlaySettings(file_section, section), problems);
  for (const auto &problem : problems) {
    spdlog::warn("settings: {}", problem);
    if (settings_problems_shown_.insert(problem).second)
      showMessage(protocol::MessageType::Warning, "Factline settings: " + problem);
  }
  workspace_.setSettings(settings, options_.fixed_debounce_ms);
  // The command line's bases first, then the settings' (a base named twice loads once).
  std::vector<std::string> configured = options_.fact_bases;
  configured.insert(configured.end(), settings.fact_bases.begin(), settings.fact_bases.end());
  std::vector<std::string> trusted = options_.fact_bases;
  trusted.insert(trusted.end(), user_fact_bases_.begin(), user_fact_bases_.end());
  facts_.configure(root_, folders_, configured, trusted, from_config);
  if (client_initialized_)
    registerFileWatchers();
}

void LspServer::onDidChangeConfiguration(const protocol::DidChangeConfigurationParams &params) {
  if (client_.workspaceConfiguration) {
    pullConfiguration(); // the notification's payload is not the settings for pull clients
    return;
  }
  const json &s = params.settings;
  // Pushed settings are the client's merge of the user's and the workspace's: confined.
  applySettings(s.is_object() && s.contains("factline") ? s["factline"] : json(),
                SettingsSource::Workspace);
}

void LspServer::registerFileWatchers() {
  if (!client_.watchedFilesDynamicRegistration)
    return;
  std::vector<std::string> patterns = facts_.watchPatterns();
  if (watcher_registration_ && patterns == watched_patterns_)
    return;
  const std::string method = "workspace/didChangeWatchedFiles";
  auto log_failure = [](const char *what) {
    return [what](RpcResult answer) {
      if (!answer)
        spdlog::warn("{} failed: {}", what, answer.error().message);
    };
  };
  if (watcher_registration_)
    call("client/unregisterCapability",
         protocol::toJSON(std::vector<protocol::Unregistration>{{*watcher_registration_, method}}),
         log_failure("client/unregisterCapability"));
  json watchers = json::array();
  for (const auto &p : patterns)
    watchers.push_back(json{{"globPattern", p}});
  std::string id = "factline-fact-bases-" + std::to_string(next_call_id_);
  call("client/registerCapability",
       protocol::toJSON(
           std::vector<protocol::Registration>{{id, method, json{{"watchers", watchers}}}}),
       log_failure("client/registerCapability"));
  watcher_registration_ = id;
  watched_patterns_ = std::move(patterns);
}

void LspServer::onDidChangeWatchedFiles(const protocol::DidChangeWatchedFilesParams &params) {
  bool ours = false;
  for (const auto &change : params.changes)
    if (auto path = protocol::uriToPath(change.uri); path && facts_.concerns(*path))
      ours = true;
  bool config = false;
  for (const auto &change : params.changes)
    if (auto path = protocol::uriToPath(change.uri);
        path && root_ && std::filesystem::path(*path).lexically_normal() ==
                             std::filesystem::path(configFilePath(*root_)).lexically_normal())
      config = true;
  for (const auto &change : params.changes)
    if (auto path = protocol::uriToPath(change.uri);
        path && root_ && std::filesystem::path(*path).lexically_normal() ==
                             std::filesystem::path(reviewsFilePath(*root_)).lexically_normal()) {
      spdlog::info("the review decisions file changed: reading it again");
      reloadReviews();
      break;
    }
  if (config) {
    spdlog::info("the workspace configuration file changed: applying it again");
    applySettings(editor_section_, editor_source_); // reloads the bases if they changed
  }
  if (ours) {
    spdlog::info("fact base files changed on disk: reloading");
    facts_.reload();
  }
}

namespace {

bool sameErrors(const std::vector<facts::LoadError> &a, const std::vector<facts::LoadError> &b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](auto &x, auto &y) {
           return x.describe() == y.describe();
         });
}

std::string describeProblem(const facts::FactFileStatus &status) {
  const facts::LoadError &first = status.errors.front();
  if (first.line == 0 && !status.loaded && !status.kept_older)
    return "Factline: " + first.describe() + ". Its entries are not in use.";
  std::string message = "Factline: fact base error: " + first.describe();
  if (status.errors.size() > 1)
    message += " (and " + std::to_string(status.errors.size() - 1) + " more)";
  message += status.kept_older ? ". The last good version of this file stays in use."
                               : ". This file is not loaded until it is fixed.";
  return message;
}

} // namespace

void LspServer::onFactsLoaded(FactsReport report) {
  if (finished_)
    return;
  workspace_.setFacts(report.index);
  std::map<std::string, facts::FactFileStatus> previous = std::move(fact_status_);
  fact_status_.clear();
  for (auto &status : report.files) {
    auto old = previous.find(status.path);
    bool was_reported = old != previous.end() && sameErrors(old->second.errors, status.errors);
    if (!status.errors.empty() && !was_reported) {
      for (const auto &e : status.errors)
        spdlog::warn("fact base: {}", e.describe());
      bool missing = status.errors.front().line == 0 && !status.kept_older;
      showMessage(missing ? protocol::MessageType::Warning : protocol::MessageType::Error,
                  describeProblem(status));
    } else if (status.errors.empty() && old != previous.end() && !old->second.errors.empty()) {
      spdlog::info("fact base {} loads cleanly again", status.path);
    }
    fact_status_[status.path] = std::move(status);
  }
  // Put each open fact file's problems on it; clear them on files that no longer have any.
  for (const OpenDocument *doc : workspace_.documents()) {
    if (!doc->path || doc->is_draft)
      continue;
    bool now = fact_status_.count(*doc->path) > 0;
    bool before = previous.count(*doc->path) > 0;
    if (now || before)
      publishFactFileErrors(*doc);
  }
}

void LspServer::showMessage(protocol::MessageType type, std::string message) {
  notify("window/showMessage",
         protocol::toJSON(protocol::ShowMessageParams{type, std::move(message)}));
}

} // namespace factline::server
