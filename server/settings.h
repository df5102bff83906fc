// The `factline` settings section a client sends (workspace/configuration), read leniently.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/finding.h"
#include "facts/loader.h"

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

// The workspace's committed configuration: `.factline/config.json` at the workspace root (the
// folder that holds `.factline/`), the same keys as the `factline` settings section, plus
// "$schema" (facts/schema/config.schema.json). It is never a fact base. Like every file of a
// workspace it may come from anyone: every string in it is untrusted, and its factBases are
// confined to the workspace (README: "What a workspace setting can and cannot reach").
inline constexpr const char *kConfigFileName = "config.json";

// `root`/.factline/config.json.
std::string configFilePath(const std::string &root);

struct ConfigFile {
  std::string path;
  std::string root;     // the workspace root: factBases are relative to it, and confined to it
  bool found = false;   // the file exists (whether it could be read or not)
  nlohmann::json section = nlohmann::json::object(); // its settings; empty when it has errors
  // Each names the file, line and column and the field ("$.severity.quote-altered"). With any
  // error the file is not used at all: half a configuration would pass what CI should catch.
  std::vector<facts::LoadError> errors;
  std::vector<facts::LoadError> warnings; // unknown keys and rules: the rest is used
};

// Reads and validates the configuration file at `path` (missing: found false, no errors).
// `root` is recorded as the workspace it belongs to.
ConfigFile readConfigFile(const std::string &path, const std::string &root);

// The workspace root of a configuration file: the folder holding its `.factline/` folder, or the
// file's own folder for a file elsewhere (`factline check --config FILE`).
std::string configRootOf(const std::string &path);

// `top` over `base`, two `factline` sections: a key `top` sets (not null) replaces `base`'s,
// except `severity`, merged rule by rule, and `factBases`, `base`'s then `top`'s.
nlohmann::json overlaySettings(const nlohmann::json &base, const nlohmann::json &top);

// Every rule id of the standard analyzers (analyzers/rule_catalog.cc).
std::vector<std::string> ruleIds();
// The name among `names` closest to `word` (edit distance), for "did you mean"; empty if none is
// close enough to be a likely slip.
std::string nearestName(std::string_view word, const std::vector<std::string> &names);

} // namespace factline::server
