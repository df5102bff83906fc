// What each analyzer rule checks, in words, for reports that describe their rules (SARIF's
// tool.driver.rules, the review sheet's legend). Plain data; the analyzers own the rule ids.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "analyzers/finding.h"

namespace factline::analyzers {

struct RuleInfo {
  std::string_view id;              // "quote-altered"
  std::string_view name;            // "AlteredQuote": a PascalCase name, as SARIF readers show it
  std::string_view summary;         // one sentence
  std::string_view help;            // what to do about a finding
  std::optional<Severity> severity; // the analyzers' default; empty: no diagnostic (verified)
};

// Every rule the standard analyzers emit, quote rules first, in a stable order.
std::span<const RuleInfo> ruleCatalog();

// The rule with this id, or null (a rule added without a catalogue entry).
const RuleInfo *findRule(std::string_view id);

} // namespace factline::analyzers
