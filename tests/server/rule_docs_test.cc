// docs/rules/: one page per rule of the catalogue, agreeing with it, linked from each diagnostic.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "analyzers/rule_catalog.h"
#include "protocol/line_index.h"
#include "protocol/uri.h"
#include "server/rule_docs.h"
#include "server/settings.h"
#include "server/to_lsp.h"

namespace fs = std::filesystem;
using namespace factline;

namespace {

const fs::path kDocs = fs::path(FACTLINE_SOURCE_DIR) / "docs" / "rules";

std::string slurp(const fs::path &path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "Warning", as the pages write a default severity.
std::string severityWord(analyzers::Severity s) {
  std::string word(server::severityName(s));
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

} // namespace

TEST_CASE("every rule has a page in docs/rules that agrees with the rule catalogue", "[docs]") {
  const std::string index = slurp(kDocs / "README.md");
  std::set<std::string> catalogued;
  for (const analyzers::RuleInfo &rule : analyzers::ruleCatalog()) {
    const std::string id(rule.id);
    catalogued.insert(id + ".md");
    INFO(id);
    const std::string page = slurp(kDocs / (id + ".md"));
    REQUIRE(!page.empty());
    CHECK(page.rfind("# " + id + ": ", 0) == 0); // its heading names the rule
    CHECK(page.find(std::string(rule.summary)) != std::string::npos);
    CHECK(page.find(std::string(rule.help)) != std::string::npos);
    CHECK(page.find("`" + std::string(rule.name) + "`") != std::string::npos);
    if (rule.severity)
      CHECK(page.find(severityWord(*rule.severity) + " by default") != std::string::npos);
    else
      CHECK(page.find("gives no diagnostic") != std::string::npos);
    CHECK(index.find("[`" + id + "`](" + id + ".md)") != std::string::npos);
  }
  for (const auto &entry : fs::directory_iterator(kDocs)) { // no page for a rule that is gone
    const std::string name = entry.path().filename().string();
    INFO(name);
    CHECK((name == "README.md" || catalogued.count(name) == 1));
  }
}

TEST_CASE("a diagnostic's code links to its rule's page - when the pages are there", "[docs]") {
  protocol::LineIndex lines("78 million");
  server::LspView view{lines, protocol::PositionEncoding::Utf16};
  analyzers::Finding f;
  f.rule = "figure-wrong";
  f.status = analyzers::Status::Wrong;
  f.severity = analyzers::Severity::Warning;
  f.span = {0, 10};

  server::setRuleDocsDir(kDocs);
  protocol::Diagnostic d = server::toDiagnostic(f, view);
  auto path = protocol::uriToPath(d.code_href);
  REQUIRE(path);
  CHECK(fs::equivalent(*path, kDocs / "figure-wrong.md"));
  CHECK(protocol::toJSON(d)["codeDescription"]["href"] == d.code_href);

  f.rule = "no-such-rule"; // not catalogued: no page, no link
  CHECK(server::toDiagnostic(f, view).code_href.empty());

  server::setRuleDocsDir({}); // no pages shipped: no link, and no codeDescription at all
  f.rule = "figure-wrong";
  d = server::toDiagnostic(f, view);
  CHECK(d.code_href.empty());
  CHECK(!protocol::toJSON(d).contains("codeDescription"));
}
