// Reading the `factline` settings section and applying it to findings.
#include "server/settings.h"

#include <algorithm>

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

} // namespace factline::server
