// Reading the `factline` settings section and applying it to findings.
#include "server/settings.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzers/edit_distance.h"
#include "analyzers/rule_catalog.h"
#include "facts/json_reader.h"
#include "server/record_view.h"
#include "server/small_file.h"
#include "server/workspace_json.h"

namespace factline::server {

using analyzers::Severity;
using nlohmann::json;

std::string_view severityName(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Information:
    return "information";
  case Severity::Hint:
    break;
  }
  return "hint";
}

std::optional<Severity> parseSeverityName(const std::string &name, bool &known) {
  known = true;
  if (name == "error")
    return Severity::Error;
  if (name == "warning")
    return Severity::Warning;
  if (name == "information" || name == "info")
    return Severity::Information;
  if (name == "hint")
    return Severity::Hint;
  known = name == "off";
  return std::nullopt;
}

Settings readSettings(const json &section, std::vector<std::string> &problems) {
  Settings s;
  if (section.is_null())
    return s;
  if (!section.is_object()) {
    problems.push_back("factline: expected an object of settings");
    return s;
  }
  auto wrong = [&](const char *key, const char *expected) {
    problems.push_back(std::string("factline.") + key + ": expected " + expected +
                       ", keeping the default");
  };
  if (auto it = section.find("factBases"); it != section.end() && !it->is_null()) {
    if (!it->is_array())
      wrong("factBases", "an array of paths");
    else
      for (const auto &p : *it) {
        if (p.is_string() && !p.get<std::string>().empty())
          s.fact_bases.push_back(p.get<std::string>());
        else
          wrong("factBases[]", "a path");
      }
  }
  if (auto it = section.find("debounceMs"); it != section.end() && !it->is_null()) {
    if (it->is_number() && it->get<double>() >= 0)
      s.debounce_ms = static_cast<int>(std::min(it->get<double>(), 60000.0));
    else
      wrong("debounceMs", "a number of milliseconds >= 0");
  }
  if (auto it = section.find("analysisTimeoutMs"); it != section.end() && !it->is_null()) {
    if (it->is_number() && it->get<double>() >= 0)
      s.analysis_timeout_ms = static_cast<int>(std::min(it->get<double>(), 3600000.0));
    else
      wrong("analysisTimeoutMs", "a number of milliseconds >= 0 (0: no limit)");
  }
  if (auto it = section.find("unverifiedQuotes"); it != section.end() && !it->is_null()) {
    if (it->is_boolean())
      s.unverified_quotes = it->get<bool>();
    else
      wrong("unverifiedQuotes", "true or false");
  }
  if (auto it = section.find("unverifiedSeverity"); it != section.end() && !it->is_null()) {
    if (*it == "information")
      s.unverified_severity = Severity::Information;
    else if (*it == "hint")
      s.unverified_severity = Severity::Hint;
    else
      wrong("unverifiedSeverity", "\"information\" or \"hint\"");
  }
  if (auto it = section.find("severity"); it != section.end() && !it->is_null()) {
    if (!it->is_object()) {
      wrong("severity", "an object of rule: severity");
    } else {
      for (auto rule = it->begin(); rule != it->end(); ++rule) {
        bool known = false;
        std::optional<Severity> level;
        if (rule->is_string())
          level = parseSeverityName(rule->get<std::string>(), known);
        if (known)
          s.severity[rule.key()] = level;
        else
          problems.push_back("factline.severity." + rule.key() +
                             ": expected error, warning, information, hint or off");
      }
    }
  }
  return s;
}

std::vector<analyzers::Finding> applySettings(std::vector<analyzers::Finding> findings,
                                              const Settings &settings) {
  std::vector<analyzers::Finding> out;
  out.reserve(findings.size());
  for (auto &f : findings) {
    if (f.status == analyzers::Status::Unverified) {
      if (!settings.unverified_quotes)
        continue;
      if (f.severity)
        f.severity = settings.unverified_severity;
    }
    if (auto it = settings.severity.find(f.rule); it != settings.severity.end()) {
      if (!it->second)
        continue; // the rule is off
      if (f.severity)
        f.severity = it->second;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> ruleIds() {
  std::vector<std::string> out;
  for (const auto &rule : analyzers::ruleCatalog())
    out.emplace_back(rule.id);
  return out;
}

std::string nearestName(std::string_view word, const std::vector<std::string> &names) {
  if (word.size() > 200) // an untrusted string: no quadratic work on a long one
    return {};
  std::string best;
  std::size_t best_distance = 0;
  for (const auto &name : names) {
    const std::size_t d = analyzers::editDistance(word, name);
    if (best.empty() || d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  // A slip (a letter or a few wrong), or a prefix ("quote" for "quote-altered"), not a guess.
  const bool prefix = !word.empty() && best.rfind(word, 0) == 0;
  if (best.empty() || (best_distance > std::max<std::size_t>(2, best.size() / 3) && !prefix))
    return {};
  return best;
}

std::string configFilePath(const std::string &root) {
  return (std::filesystem::path(root) / ".factline" / kConfigFileName).string();
}

std::string configRootOf(const std::string &path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty())
    folder = ".";
  if (folder.filename() == ".factline")
    return folder.parent_path().empty() ? std::string(".") : folder.parent_path().string();
  return folder.string();
}

namespace {

constexpr std::size_t kMaxConfigBytes = 1 << 20;

// Reads the configuration's one object with a JsonReader, so that each problem has its line and
// column; builds the section from what is valid.
class ConfigReader : WorkspaceJsonReader<ConfigFile> {
public:
  ConfigReader(ConfigFile &out, std::string_view text) : WorkspaceJsonReader(out, text) {}

  void run() {
    if (reader_.peek() != facts::JsonKind::Object) {
      if (!reader_.failed())
        error(reader_.offset(), "$", "expected an object of settings, found " +
                                         std::string(facts::describeJsonKind(reader_.peek())));
      return syntax();
    }
    reader_.beginObject();
    std::string_view key_view;
    std::size_t key_at = 0;
    while (reader_.nextMember(key_view, key_at)) {
      const std::string key(key_view);
      const std::string field = "$." + escapeControls(key);
      const facts::JsonKind kind = reader_.peek();
      const std::size_t at = reader_.offset();
      if (key == "$schema") {
        if (kind != facts::JsonKind::String)
          error(at, field, "expected the schema's URL or path");
        reader_.skipValue();
      } else if (key == "factBases") {
        readFactBases(field, kind, at);
      } else if (key == "debounceMs" || key == "analysisTimeoutMs") {
        double n = 0;
        if (kind == facts::JsonKind::Number && reader_.readNumber(n) && n >= 0)
          out_.section[key] = n;
        else {
          error(at, field, "expected a number of milliseconds >= 0");
          if (kind != facts::JsonKind::Number)
            reader_.skipValue();
        }
      } else if (key == "unverifiedQuotes") {
        bool b = false;
        if (kind == facts::JsonKind::Bool && reader_.readBool(b))
          out_.section[key] = b;
        else {
          error(at, field, "expected true or false");
          reader_.skipValue();
        }
      } else if (key == "unverifiedSeverity") {
        std::string value;
        if (kind == facts::JsonKind::String && reader_.readString(value) &&
            (value == "information" || value == "hint"))
          out_.section[key] = value;
        else {
          error(at, field, "expected \"information\" or \"hint\"");
          if (kind != facts::JsonKind::String)
            reader_.skipValue();
        }
      } else if (key == "severity") {
        readSeverity(field, kind, at);
      } else {
        std::string near = nearestName(key, {"$schema", "factBases", "debounceMs",
                                             "analysisTimeoutMs", "unverifiedQuotes",
                                             "unverifiedSeverity", "severity"});
        warning(key_at, field,
                "unknown setting, ignored" + (near.empty() ? "" : " (did you mean " + near + "?)"));
        reader_.skipValue();
      }
      if (reader_.failed())
        break;
    }
    if (!reader_.failed())
      reader_.finish();
    syntax();
  }

private:
  void readFactBases(const std::string &field, facts::JsonKind kind, std::size_t at) {
    if (kind != facts::JsonKind::Array) {
      error(at, field, "expected an array of fact base paths, relative to the workspace root");
      reader_.skipValue();
      return;
    }
    reader_.beginArray();
    out_.section["factBases"] = nlohmann::json::array();
    for (std::size_t i = 0; reader_.nextElement(); ++i) {
      const std::size_t element_at = reader_.offset();
      std::string path;
      if (reader_.peek() == facts::JsonKind::String && reader_.readString(path) && !path.empty() &&
          path.find('\0') == std::string::npos)
        out_.section["factBases"].push_back(path);
      else {
        error(element_at, field + "[" + std::to_string(i) + "]", "expected a path");
        if (!reader_.failed() && reader_.offset() == element_at)
          reader_.skipValue();
      }
    }
  }

  void readSeverity(const std::string &field, facts::JsonKind kind, std::size_t at) {
    if (kind != facts::JsonKind::Object) {
      error(at, field, "expected an object of rule: severity");
      reader_.skipValue();
      return;
    }
    const std::vector<std::string> rules = ruleIds();
    reader_.beginObject();
    out_.section["severity"] = nlohmann::json::object();
    std::string_view rule_view;
    std::size_t rule_at = 0;
    while (reader_.nextMember(rule_view, rule_at)) {
      const std::string rule(rule_view);
      const std::string rule_field = field + "." + escapeControls(rule);
      const std::size_t value_at = reader_.offset();
      std::string level;
      bool known = false;
      if (reader_.peek() == facts::JsonKind::String && reader_.readString(level))
        parseSeverityName(level, known);
      else
        reader_.skipValue();
      if (!known) {
        error(value_at, rule_field, "expected error, warning, information, hint or off");
        continue;
      }
      if (std::find(rules.begin(), rules.end(), rule) == rules.end()) {
        std::string near = nearestName(rule, rules);
        warning(rule_at, rule_field,
                "no such rule, ignored" +
                    (near.empty() ? "" : " (did you mean " + near + "?)"));
        continue;
      }
      out_.section["severity"][rule] = level;
    }
  }

};

} // namespace

ConfigFile readConfigFile(const std::string &path, const std::string &root) {
  ConfigFile config;
  config.path = path;
  config.root = root;
  std::string text, why;
  if (!readSmallFile(path, kMaxConfigBytes, "is larger than 1 MB, more than a configuration can be",
                     text, why, config.found)) {
    if (config.found) {
      facts::LoadError e;
      e.file = path;
      e.message = why;
      config.errors.push_back(std::move(e));
    }
    return config;
  }
  ConfigReader(config, text).run();
  if (!config.errors.empty())
    config.section = nlohmann::json::object();
  return config;
}

json overlaySettings(const json &base, const json &top) {
  json out = base.is_object() ? base : json::object();
  if (!top.is_object())
    return out;
  for (auto it = top.begin(); it != top.end(); ++it) {
    if (it->is_null())
      continue;
    if (it.key() == "severity" && it->is_object() && out.contains("severity") &&
        out["severity"].is_object()) {
      for (auto rule = it->begin(); rule != it->end(); ++rule)
        out["severity"][rule.key()] = *rule;
    } else if (it.key() == "factBases" && it->is_array() && out.contains("factBases") &&
               out["factBases"].is_array()) {
      for (const auto &p : *it)
        out["factBases"].push_back(p);
    } else {
      out[it.key()] = *it;
    }
  }
  return out;
}

} // namespace factline::server
