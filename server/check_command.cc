// `factline check PATH...`: the standard analyzers over drafts on disk, in one of the report
// formats.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzers/analyzer_group.h"
#include "analyzers/rule_catalog.h"
#include "facts/fact_library.h"
#include "facts/replacing_file.h"
#include "server/check_report.h"
#include "server/commands.h"
#include "server/record_view.h"
#include "server/report_text.h"
#include "server/review_decisions.h"
#include "server/settings.h"
#include "server/workspace_facts.h"

namespace factline::server {

namespace fs = std::filesystem;

namespace {

// The workspace: the nearest folder, from the current directory upward, whose `.factline/`
// holds fact bases or a configuration file.
std::optional<std::string> discoverFromCurrentDirectory() {
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    std::error_code exists_ec;
    if (!facts::discoverWorkspaceBases(dir.string()).empty() ||
        fs::exists(configFilePath(dir.string()), exists_ec) ||
        fs::exists(reviewsFilePath(dir.string()), exists_ec))
      return dir.string();
    if (dir == dir.parent_path())
      break;
  }
  return std::nullopt;
}

// "a,b" "c" -> a, b, c.
std::vector<std::string> splitLists(const std::vector<std::string> &lists) {
  std::vector<std::string> out;
  for (const auto &list : lists) {
    std::size_t from = 0;
    while (from <= list.size()) {
      std::size_t comma = list.find(',', from);
      if (comma == std::string::npos)
        comma = list.size();
      if (comma > from)
        out.push_back(list.substr(from, comma - from));
      from = comma + 1;
    }
  }
  return out;
}

// False, with a usage error on stderr, when `rule` is not a rule of the catalogue.
bool knownRule(const std::string &rule, const std::string &flag) {
  const std::vector<std::string> rules = ruleIds();
  if (std::find(rules.begin(), rules.end(), rule) != rules.end())
    return true;
  std::string near = nearestName(rule, rules);
  std::cerr << "factline check: " << flag << ": no rule named \"" << escapeControls(rule) << "\""
            << (near.empty() ? "" : "; did you mean " + near + "?") << " (the rules:";
  for (const auto &r : rules)
    std::cerr << " " << r;
  std::cerr << ")\n";
  return false;
}

// The settings for this run: the configuration file's, then the command line's flags over them.
// False after a usage or configuration error, reported on stderr.
bool settingsFor(const CheckOptions &options, const ConfigFile &config, Settings &settings) {
  std::vector<std::string> problems; // none: the file was validated
  settings = readSettings(config.section, problems);
  for (const auto &assignment : options.severity) {
    const std::size_t eq = assignment.find('=');
    const std::string rule = assignment.substr(0, eq);
    if (!knownRule(rule, "--severity"))
      return false;
    bool known = false;
    std::optional<analyzers::Severity> level;
    if (eq != std::string::npos)
      level = parseSeverityName(assignment.substr(eq + 1), known);
    if (!known) {
      std::cerr << "factline check: --severity " << escapeControls(assignment)
                << ": expected RULE=LEVEL, LEVEL one of error, warning, information, hint, off\n";
      return false;
    }
    settings.severity[rule] = level;
  }
  const std::vector<std::string> select = splitLists(options.select);
  const std::vector<std::string> ignore = splitLists(options.ignore);
  for (const auto &rule : select)
    if (!knownRule(rule, "--select"))
      return false;
  for (const auto &rule : ignore)
    if (!knownRule(rule, "--ignore"))
      return false;
  if (!select.empty())
    for (const auto &rule : analyzers::ruleCatalog()) // verified claims are not problems: kept
      if (rule.severity && std::find(select.begin(), select.end(), rule.id) == select.end())
        settings.severity[std::string(rule.id)] = std::nullopt;
  for (const auto &rule : ignore)
    settings.severity[rule] = std::nullopt;
  return true;
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
// (hidden folders such as .git and .factline, and node_modules, are skipped; links to folders are
// not followed), each folder's files in path order, every file once. What cannot be read (a
// missing path, a folder that cannot be opened) is reported on stderr and sets `failed`: a folder
// skipped in silence would pass a wrong figure in it as checked.
std::vector<std::string> collectDrafts(const std::vector<std::string> &paths, bool &failed) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const fs::path &p) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(p, ec);
    if (seen.insert(ec ? p.string() : key.string()).second)
      out.push_back(p.generic_string());
  };
  // A folder's drafts, its subfolders' included; false when one of them could not be read.
  auto walk = [&](const fs::path &root, std::vector<fs::path> &found) {
    bool complete = true;
    std::vector<fs::path> folders{root};
    while (!folders.empty()) {
      const fs::path folder = folders.back();
      folders.pop_back();
      std::error_code ec;
      fs::directory_iterator it(folder, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code type_ec;
        if (!it->is_symlink(type_ec) && it->is_directory(type_ec)) {
          if (!(name.size() > 1 && name[0] == '.') && name != "node_modules")
            folders.push_back(it->path());
          continue;
        }
        // Anything else with a draft's name is read as one: a FIFO or a device named story.md
        // is refused there, with the reason, rather than skipped.
        if (isDraftPath(it->path()) && name[0] != '.')
          found.push_back(it->path());
      }
      if (ec) {
        std::cerr << "factline check: " << folder.generic_string()
                  << ": cannot be read: " << ec.message() << "\n";
        complete = false;
      }
    }
    return complete;
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
    const bool complete = walk(path, found);
    failed = failed || !complete;
    std::sort(found.begin(), found.end());
    if (found.empty() && complete)
      std::cerr << "factline check: " << path
                << ": warning: no drafts (.md, .markdown, .txt) in this folder\n";
    for (const auto &f : found)
      add(f);
  }
  return out;
}

// "512 bytes", "4.0 KB", "64.0 MB": a size as a person reads it.
std::string sizeText(std::uint64_t bytes) {
  if (bytes < 1024)
    return std::to_string(bytes) + " bytes";
  std::ostringstream s;
  s.precision(1);
  const bool mb = bytes >= (std::uint64_t{1} << 20);
  s << std::fixed << static_cast<double>(bytes) / (mb ? 1 << 20 : 1 << 10) << (mb ? " MB" : " KB");
  return s.str();
}

// Why a draft of `size` bytes is not checked; `size` 0 when it was not read to its end.
std::string tooLarge(std::uint64_t size, std::uint64_t limit) {
  return "is " + (size > 0 ? sizeText(size) + ", " : std::string()) + "over the limit of " +
         sizeText(limit) + " for a draft (--max-draft-size raises it); not checked";
}

// Reads `fd` to its end, or to `limit` + 1 bytes: more than the limit is not read at all.
bool readAtMost(int fd, std::uint64_t limit, std::string &text) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return false;
    if (n == 0)
      return true;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > limit)
      return true;
  }
}

// A draft's text. Only regular files are read (a FIFO with no writer would block forever,
// /dev/zero never ends), and none past `limit` bytes; standard input is read to the same limit.
std::optional<std::string> readDraft(const std::string &path, std::uint64_t limit,
                                     std::string &error) {
  std::string text;
  if (path == "-") {
    if (!readAtMost(STDIN_FILENO, limit, text))
      error = std::string("cannot be read: ") + std::strerror(errno);
    else if (text.size() > limit)
      error = tooLarge(0, limit);
    if (!error.empty())
      return std::nullopt;
    return text;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    error = std::string("cannot be read: ") + std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  const bool status = ::fstat(fd, &st) == 0;
  if (status && !S_ISREG(st.st_mode))
    error = S_ISDIR(st.st_mode) ? "is a folder"
                                : "is not a regular file (a device, FIFO or socket); only files "
                                  "are checked";
  else if (status && static_cast<std::uint64_t>(st.st_size) > limit)
    error = tooLarge(static_cast<std::uint64_t>(st.st_size), limit);
  else if (!status || !readAtMost(fd, limit, text))
    error = std::string("cannot be read: ") + std::strerror(errno);
  else if (text.size() > limit) // it grew while it was read
    error = tooLarge(0, limit);
  ::close(fd);
  if (!error.empty())
    return std::nullopt;
  return text;
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
  const std::optional<std::string> root = discoverFromCurrentDirectory();
  ConfigFile config;
  if (!options.config.empty()) {
    config = readConfigFile(options.config, configRootOf(options.config));
    if (!config.found) {
      std::cerr << "factline check: --config " << escapeControls(options.config)
                << ": no such file\n";
      return 2;
    }
  } else if (root && !options.no_config) {
    config = readConfigFile(configFilePath(*root), *root);
  }
  // --quiet leaves warnings about the configuration out, as it leaves out the findings below
  // errors and warnings: ruff's --quiet and eslint's --quiet print errors only. Errors, which stop
  // the run, are always printed.
  for (const auto &w : config.warnings)
    if (!options.quiet)
      std::cerr << "warning: " << w.describe() << "\n";
  for (const auto &e : config.errors)
    std::cerr << e.describe() << "\n";
  if (!config.errors.empty()) {
    std::cerr << "factline check: the configuration file " << escapeControls(config.path)
              << " has errors; fix them, or leave it out with --no-config\n";
    return 2;
  }
  Settings settings;
  if (!settingsFor(options, config, settings))
    return 2;
  // The workspace's review decisions: a reviewed finding is listed apart and does not fail the run.
  auto reviews = std::make_shared<ReviewBook>();
  if (root && !options.no_reviews) {
    *reviews = readReviewFile(reviewsFilePath(*root));
    for (const auto &w : reviews->warnings)
      if (!options.quiet)
        std::cerr << "warning: " << w.describe() << "\n";
    for (const auto &e : reviews->errors)
      std::cerr << e.describe() << "\n";
    if (!reviews->errors.empty()) {
      std::cerr << "factline check: the review decisions file " << escapeControls(reviews->path)
                << " has errors; fix them, or check without decisions with --no-reviews\n";
      return 2;
    }
  }

  std::vector<std::string> bases;
  if (root && !options.no_workspace_facts)
    bases = facts::discoverWorkspaceBases(*root);
  // The configuration file's bases, relative to its workspace and confined to it: the file is
  // the workspace's, and may come from anyone who shares it (README: "What a workspace setting
  // can and cannot reach"). A base elsewhere is the user's to name, with --facts.
  bool refused = false;
  for (const auto &p : settings.fact_bases) {
    const std::string path = (fs::absolute(config.root) / p).lexically_normal().string();
    if (auto why = outsideWorkspace(path, {fs::absolute(config.root).string()},
                                    "the configuration file " + escapeControls(config.path) +
                                        " (factBases \"" + escapeControls(p) + "\")")) {
      std::cerr << "factline check: " << *why
                << ". A configuration file may only name fact bases inside its workspace; name "
                   "a base elsewhere with --facts. The file was not read\n";
      refused = true;
      continue;
    }
    bases.push_back(path);
  }
  if (refused)
    return 2;
  bases.insert(bases.end(), options.facts.begin(), options.facts.end());
  {
    std::vector<std::string> unique; // a base named twice loads once, as in the server
    std::set<std::string> seen;
    for (const auto &b : bases)
      if (seen.insert(fs::absolute(b).lexically_normal().string()).second)
        unique.push_back(b);
    bases = std::move(unique);
  }
  facts::FactLibrary library(true);
  bool bad_facts = false;
  for (const auto &status : library.setFiles(bases)) {
    for (const auto &e : status.errors)
      std::cerr << e.describe() << "\n";
    for (const auto &w : status.warnings) // --quiet: as the configuration's warnings
      if (!options.quiet)
        std::cerr << "warning: " << w.describe() << "\n";
    bad_facts = bad_facts || !status.loaded;
  }
  if (bad_facts) {
    std::cerr << "factline check: a fact base could not be loaded\n";
    return 2;
  }
  auto index = library.snapshot();

  auto group = analyzers::AnalyzerGroup::standard();
  CheckReport report;
  report.base = index->sharedBase();
  report.fact_files = bases;
  report.reviews = reviews;
  bool input_error = false;
  std::vector<std::string> drafts = collectDrafts(options.paths, input_error);
  if (drafts.empty() && !input_error) {
    std::cerr << "factline check: nothing to check\n";
    return 2;
  }
  // The report never replaces a draft or a fact base: `-o story.md story.md` is a slip, and
  // would lose the draft. Checked, and the report's temporary file opened, before any work is
  // done; the report replaces the file only once it is complete and every draft was read, so that
  // a failed or killed run leaves the last good report where it was.
  std::unique_ptr<facts::ReplacingFile> file_out;
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
    std::string why;
    file_out = facts::ReplacingFile::open(options.output, why);
    if (!file_out) {
      std::cerr << "factline check: cannot write " << options.output << ": " << why << "\n";
      return 2;
    }
  }
  ProgressLine progress(drafts.size());
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const std::string &path = drafts[i];
    progress.show(i + 1, path);
    std::string error;
    auto text = readDraft(path, options.max_draft_bytes, error);
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
    findings = applySettings(std::move(findings), settings);
    if (options.quiet) // errors and warnings only
      std::erase_if(findings, [](const analyzers::Finding &f) {
        return f.severity && (*f.severity == analyzers::Severity::Information ||
                              *f.severity == analyzers::Severity::Hint);
      });
    CheckedFile checked{path == "-" ? "<stdin>" : path, std::move(*text), std::move(findings), {}};
    if (root && path != "-") {
      std::error_code ec;
      const std::string draft =
          fs::absolute(path, ec).lexically_normal().lexically_relative(*root).generic_string();
      checked.reviews = matchReviews(draft, checked.findings, *reviews);
      if (options.quiet) { // decided: left out with the rest of what needs no one's attention
        std::vector<analyzers::Finding> open;
        for (std::size_t f = 0; f < checked.findings.size(); ++f)
          if (!checked.reviews[f])
            open.push_back(std::move(checked.findings[f]));
        checked.findings = std::move(open);
        checked.reviews.clear();
      }
    }
    report.files.push_back(std::move(checked));
  }
  progress.clear();

  if (file_out && input_error) {
    std::cerr << "factline check: the report was not written, because not every draft could be "
                 "read; "
              << options.output << " is left as it was\n";
    return 2;
  }
  if (report.files.empty() && input_error)
    return 2; // nothing was checked: the reasons are on stderr, and no summary says otherwise
  std::ostringstream buffered; // the report for --output, written out once it is complete
  std::ostream &out = file_out ? buffered : std::cout;
  bool color = options.color && !file_out && isatty(STDOUT_FILENO);
  if (options.format == "json")
    writeJsonReport(out, report);
  else if (options.format == "sarif")
    writeSarifReport(out, report);
  else if (options.format == "html")
    writeHtmlReport(out, report);
  else if (!options.quiet || std::any_of(report.files.begin(), report.files.end(), [](auto &f) {
             return std::any_of(f.findings.begin(), f.findings.end(),
                                [](const analyzers::Finding &x) { return x.severity.has_value(); });
           }))
    writeTextReport(out, report.files, color); // --quiet: nothing at all when nothing is wrong
  out.flush();
  bool written = static_cast<bool>(out);
  std::string why = "write error";
  if (file_out) {
    const std::string bytes = std::move(buffered).str();
    written = written && std::fwrite(bytes.data(), 1, bytes.size(), file_out->file()) == bytes.size();
    written = written && file_out->commit(why); // else the old report stays
  }
  if (!written) {
    std::cerr << "factline check: the report could not be written"
              << (options.output.empty() ? "" : " to " + options.output + ": " + why) << "\n";
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
