// The `factline` settings section a client sends (workspace/configuration), read leniently.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/finding.h"

namespace factline::server {

struct Settings {
  std::vector<std::string> fact_bases; // paths relative to the workspace root, in load order
  int debounce_ms = 30;
  // The time one analysis of one draft may take; past it the check stops and says so. 0: none.
  int analysis_timeout_ms = 5000;
  bool unverified_quotes = true;
  analyzers::Severity unverified_severity = analyzers::Severity::Information;
  // Per-rule override; an empty optional means "off" (the rule's findings are dropped).
  std::map<std::string, std::optional<analyzers::Severity>> severity;

  bool operator==(const Settings &) const = default;
};

// Reads the section. A missing or null section (a client without settings) gives the defaults;
// a field of the wrong type keeps its default and adds a line to `problems`, because one bad
// setting must not switch the others off.
Settings readSettings(const nlohmann::json &section, std::vector<std::string> &problems);

// "error" -> Error, ..., "off" -> empty; anything else -> nullopt in `known`.
std::optional<analyzers::Severity> parseSeverityName(const std::string &name, bool &known);
std::string_view severityName(analyzers::Severity severity);

// The findings as the writer's settings want them: severities overridden per rule, unverified
// quotes at their configured severity or dropped, rules set to "off" dropped. Findings without a
// severity (verified claims) are kept for hovers unless their rule is off.
std::vector<analyzers::Finding> applySettings(std::vector<analyzers::Finding> findings,
                                              const Settings &settings);

} // namespace factline::server
