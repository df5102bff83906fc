// `factline check PATH...`: the standard analyzers over drafts on disk, in one of the report
// formats.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <unistd.h>

#include "analyzers/analyzer_group.h"
#include "facts/fact_library.h"
#include "server/check_report.h"
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

bool isDraftPath(const fs::path &path) {
  std::string ext = path.extension().string();
  for (auto &c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".md" || ext == ".markdown" || ext == ".txt";
}

// The drafts to check: files as given, folders searched recursively for .md, .markdown and .txt
// (hidden folders such as .git and .factline, and node_modules, are skipped), each folder's files
// in path order, every file once. What cannot be read is reported on stderr and sets `failed`.
std::vector<std::string> collectDrafts(const std::vector<std::string> &paths, bool &failed) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const fs::path &p) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(p, ec);
    if (seen.insert(ec ? p.string() : key.string()).second)
      out.push_back(p.generic_string());
  };
  for (const auto &path : paths) {
    if (path == "-") { // standard input, read once as Markdown
      if (seen.insert("-").second)
        out.push_back(path);
      continue;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      std::cerr << "factline check: " << path << ": no such file or folder\n";
      failed = true;
      continue;
    }
    if (!fs::is_directory(status)) {
      add(path);
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (it->is_directory(ec)) {
        if ((name.size() > 1 && name[0] == '.') || name == "node_modules")
          it.disable_recursion_pending();
        continue;
      }
      if (isDraftPath(it->path()) && name[0] != '.')
        found.push_back(it->path());
    }
    if (ec) {
      std::cerr << "factline check: " << path << ": cannot be read: " << ec.message() << "\n";
      failed = true;
    }
    std::sort(found.begin(), found.end());
    if (found.empty() && !ec)
      std::cerr << "factline check: " << path
                << ": warning: no drafts (.md, .markdown, .txt) in this folder\n";
    for (const auto &f : found)
      add(f);
  }
  return out;
}

std::optional<std::string> readFile(const std::string &path, std::string &error) {
  if (path == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    if (std::cin.bad()) {
      error = "cannot be read: read error";
      return std::nullopt;
    }
    return text.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot be read: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    error = "cannot be read: read error";
    return std::nullopt;
  }
  return text.str();
}

// "[3/40] drafts/b.md" rewritten in place on a terminal's stderr while many files are checked.
class ProgressLine {
public:
  explicit ProgressLine(std::size_t total)
      : total_(total), on_(total > 1 && isatty(STDERR_FILENO)) {}
  ~ProgressLine() { clear(); }
  void show(std::size_t done, const std::string &path) {
    if (on_)
      std::cerr << "\r\x1b[K[" << done << "/" << total_ << "] " << path << std::flush;
  }
  void clear() {
    if (on_)
      std::cerr << "\r\x1b[K" << std::flush;
  }

private:
  std::size_t total_;
  bool on_;
};

} // namespace

int runCheck(const CheckOptions &options) {
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
  CheckReport report;
  report.base = index->sharedBase();
  report.fact_files = bases;
  bool input_error = false;
  std::vector<std::string> drafts = collectDrafts(options.paths, input_error);
  if (drafts.empty() && !input_error) {
    std::cerr << "factline check: nothing to check\n";
    return 2;
  }
  // The report never replaces a draft or a fact base: `-o story.md story.md` is a slip, and
  // would lose the draft. Checked, and the file opened, before any work is done.
  std::ofstream file_out;
  if (!options.output.empty()) {
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(options.output, ec);
    std::vector<std::string> inputs = drafts;
    inputs.insert(inputs.end(), bases.begin(), bases.end());
    for (const auto &input : inputs) {
      std::error_code ec2;
      if (!ec && input != "-" && fs::weakly_canonical(input, ec2) == target && !ec2) {
        std::cerr << "factline check: --output " << options.output << " is " << input
                  << ", one of the files being checked; choose another file for the report\n";
        return 2;
      }
    }
    file_out.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      std::cerr << "factline check: cannot write " << options.output << ": " << std::strerror(errno)
                << "\n";
      return 2;
    }
  }
  ProgressLine progress(drafts.size());
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const std::string &path = drafts[i];
    progress.show(i + 1, path);
    std::string error;
    auto text = readFile(path, error);
    if (!text) {
      progress.clear();
      std::cerr << "factline check: " << path << ": " << error << "\n";
      input_error = true;
      continue;
    }
    analyzers::Document doc(*text, path == "-" || isMarkdownPath(path)
                                       ? analyzers::DraftFormat::Markdown
                                       : analyzers::DraftFormat::PlainText);
    auto findings = group.analyze(doc, *index, analyzers::CancelToken());
    report.files.push_back({path == "-" ? "<stdin>" : path, std::move(*text),
                            applySettings(std::move(findings), settings)});
  }
  progress.clear();

  std::ostream &out = options.output.empty() ? std::cout : file_out;
  bool color = options.color && options.output.empty() && isatty(STDOUT_FILENO);
  if (options.format == "json")
    writeJsonReport(out, report);
  else if (options.format == "sarif")
    writeSarifReport(out, report);
  else if (options.format == "html")
    writeHtmlReport(out, report);
  else
    writeTextReport(out, report.files, color);
  out.flush();
  if (!out) {
    std::cerr << "factline check: the report could not be written"
              << (options.output.empty() ? "" : " to " + options.output) << "\n";
    return 2;
  }
  if (input_error)
    return 2;

  int threshold = options.fail_on == "error"         ? 1
                  : options.fail_on == "warning"     ? 2
                  : options.fail_on == "information" ? 3
                  : options.fail_on == "hint"        ? 4
                                                     : 0;
  SeverityCounts counts = countBySeverity(report.files);
  for (int s = 1; s <= threshold; ++s)
    if (counts[static_cast<std::size_t>(s - 1)] > 0)
      return 1;
  return 0;
}

} // namespace factline::server
