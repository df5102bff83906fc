// Where each rule's explanation is (docs/rules/RULE.md): the link a diagnostic's code opens.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace factline::server {

// The folder of rule pages that ships beside this binary: <binary's folder>/../docs/rules, which
// is the repository's docs/rules for build/factline and the package's docs/rules for the VS Code
// extension's server/factline. Empty when there is none (an installed binary without the pages).
std::filesystem::path findRuleDocs();

// Sets the folder the links point into; empty: diagnostics carry no link. Called once at start,
// before any thread reads it.
void setRuleDocsDir(const std::filesystem::path &dir);

// The file: URI of a catalogued rule's page ("file:///…/docs/rules/quote-altered.md"), or empty
// when no folder is set or the rule is not in the catalogue. Any thread, once set.
std::string ruleDocUri(std::string_view rule);

} // namespace factline::server
