// Links from rule codes to the rule pages shipped with the binary.
#include "server/rule_docs.h"

#include <system_error>

#include "analyzers/rule_catalog.h"
#include "protocol/uri.h"

namespace factline::server {
namespace {

std::string &docsDir() {
  static std::string dir; // written once before serving starts, read-only afterwards
  return dir;
}

} // namespace

std::filesystem::path findRuleDocs() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec)
    return {};
  const std::filesystem::path docs =
      std::filesystem::weakly_canonical(self.parent_path() / ".." / "docs" / "rules", ec);
  if (ec || !std::filesystem::is_regular_file(docs / "README.md", ec))
    return {};
  return docs;
}

void setRuleDocsDir(const std::filesystem::path &dir) {
  docsDir() = dir.empty() ? std::string() : std::filesystem::absolute(dir).string();
}

std::string ruleDocUri(std::string_view rule) {
  if (docsDir().empty() || analyzers::findRule(rule) == nullptr)
    return {};
  return protocol::pathToUri(docsDir() + "/" + std::string(rule) + ".md");
}

} // namespace factline::server
