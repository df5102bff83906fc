// `factline check FILE...`: the standard analyzers over drafts on disk, reported as text.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "analyzers/analyzer_group.h"
#include "facts/fact_library.h"
#include "server/commands.h"
#include "server/report_text.h"
#include "server/settings.h"

namespace factline::server {

namespace fs = std::filesystem;

namespace {

// The nearest `.factline/` folder's bases, from the current directory upward.
std::vector<std::string> discoverFromCurrentDirectory() {
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    auto found = facts::discoverWorkspaceBases(dir.string());
    if (!found.empty())
      return found;
    if (dir == dir.parent_path())
      break;
  }
  return {};
}

bool isMarkdownPath(const std::string &path) {
  std::string ext = fs::path(path).extension().string();
  return ext == ".md" || ext == ".markdown";
}

std::optional<std::string> readFile(const std::string &path, std::string &error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    error = "is a folder; this version checks files only";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot be read";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

int runCheck(const CheckOptions &options) {
  if (options.format != "text") {
    std::cerr << "factline check: --format " << options.format
              << " is not available yet; use --format text\n";
    return 2;
  }
  std::vector<std::string> bases;
  if (!options.no_workspace_facts)
    bases = discoverFromCurrentDirectory();
  bases.insert(bases.end(), options.facts.begin(), options.facts.end());
  facts::FactLibrary library(true);
  bool bad_facts = false;
  for (const auto &status : library.setFiles(bases)) {
    for (const auto &e : status.errors)
      std::cerr << e.describe() << "\n";
    for (const auto &w : status.warnings)
      std::cerr << "warning: " << w.describe() << "\n";
    bad_facts = bad_facts || !status.loaded;
  }
  if (bad_facts) {
    std::cerr << "factline check: a fact base could not be loaded\n";
    return 2;
  }
  auto index = library.snapshot();

  auto group = analyzers::AnalyzerGroup::standard();
  Settings settings; // the command line has no settings yet: the server's defaults
  std::vector<CheckedFile> checked;
  bool input_error = false;
  for (const auto &path : options.paths) {
    std::string error;
    auto text = readFile(path, error);
    if (!text) {
      std::cerr << "factline check: " << path << " " << error << "\n";
      input_error = true;
      continue;
    }
    analyzers::Document doc(*text, isMarkdownPath(path) ? analyzers::DraftFormat::Markdown
                                                        : analyzers::DraftFormat::PlainText);
    auto findings = group.analyze(doc, *index, analyzers::CancelToken());
    checked.push_back({path, std::move(*text), applySettings(std::move(findings), settings)});
  }

  std::ofstream file_out;
  if (!options.output.empty()) {
    file_out.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      std::cerr << "factline check: cannot write " << options.output << "\n";
      return 2;
    }
  }
  std::ostream &out = options.output.empty() ? std::cout : file_out;
  bool color = options.color && options.output.empty() && isatty(STDOUT_FILENO);
  writeTextReport(out, checked, color);
  out.flush();
  if (input_error)
    return 2;

  int threshold = options.fail_on == "error"         ? 1
                  : options.fail_on == "warning"     ? 2
                  : options.fail_on == "information" ? 3
                  : options.fail_on == "hint"        ? 4
                                                     : 0;
  SeverityCounts counts = countBySeverity(checked);
  for (int s = 1; s <= threshold; ++s)
    if (counts[static_cast<std::size_t>(s - 1)] > 0)
      return 1;
  return 0;
}

} // namespace factline::server
