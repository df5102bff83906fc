// WorkspaceFacts: resolving base paths, and one load at a time through the FactLibrary.
#include "server/workspace_facts.h"

#include "server/review_decisions.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

namespace factline::server {

namespace asio = boost::asio;
namespace fs = std::filesystem;

struct WorkspaceFacts::Shared {
  asio::any_io_executor strand;
  asio::any_io_executor loader;
  bool include_bundled = true;
  Loaded loaded;
  WorkspaceFacts *owner = nullptr; // reset when the owner goes; read on the strand only
  // Used only by load jobs, which run one at a time.
  std::unique_ptr<facts::FactLibrary> library;
};

WorkspaceFacts::WorkspaceFacts(asio::any_io_executor strand, asio::any_io_executor loader,
                               bool include_bundled, Loaded loaded)
    : shared_(std::make_shared<Shared>()) {
  shared_->strand = std::move(strand);
  shared_->loader = std::move(loader);
  shared_->include_bundled = include_bundled;
  shared_->loaded = std::move(loaded);
  shared_->owner = this;
}

WorkspaceFacts::~WorkspaceFacts() { shared_->owner = nullptr; }

namespace {

// `path` with `..` and every symlink resolved, as far as it exists (the rest lexically): where
// opening it would lead. Null when that cannot be found out (a folder on the way unreadable).
std::optional<fs::path> realPath(const fs::path &path) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(path, ec);
  if (ec)
    return std::nullopt;
  if (real.has_relative_path() && real.filename().empty())
    real = real.parent_path(); // "dir/": the folder itself
  return real;
}

bool within(const fs::path &path, const fs::path &folder) {
  auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end();
}

std::string joined(const std::vector<std::string> &folders) {
  std::string out;
  for (const auto &f : folders)
    out += (out.empty() ? "" : ", ") + f;
  return out;
}

// Why `path` must not be read, or nullopt when it lies inside one of `folders` (canonical).
// `what` says who named it, for the message.
std::optional<std::string> outsideReason(const std::string &path,
                                         const std::vector<std::string> &folders,
                                         const std::string &what) {
  if (folders.empty())
    return what + " names " + path + ", and a workspace setting may only name fact bases " +
           "inside the workspace, but no workspace folder is open";
  auto real = realPath(path);
  if (!real)
    return what + " names " + path +
           ", and where it leads cannot be found out, so it cannot be shown to be inside the " +
           "workspace (" + joined(folders) + ")";
  for (const auto &folder : folders)
    if (within(*real, folder))
      return std::nullopt;
  std::string leads = real->string() == path ? "" : " (it leads to " + real->string() + ")";
  return what + " names " + path + leads + ", which is outside the workspace (" + joined(folders) +
         ")";
}

} // namespace

std::optional<std::string> outsideWorkspace(const std::string &path,
                                            const std::vector<std::string> &folders,
                                            const std::string &what) {
  std::vector<std::string> real_folders;
  for (const auto &f : folders)
    if (auto real = realPath(f))
      real_folders.push_back(real->string());
  return outsideReason(path, real_folders, what);
}

namespace {

constexpr const char *kConfinedAdvice =
    ". A workspace can be shared by anyone, so its settings and files may only point at fact "
    "bases inside it; name a base elsewhere in your own settings (the client's "
    "initializationOptions). The file was not read";

facts::FactFileStatus refusedStatus(const std::string &path, const std::string &message) {
  facts::FactFileStatus status;
  status.path = path;
  facts::LoadError e;
  e.file = path;
  e.message = message;
  status.errors.push_back(std::move(e));
  return status;
}

} // namespace

void WorkspaceFacts::configure(std::optional<std::string> root,
                               const std::vector<std::string> &folders,
                               const std::vector<std::string> &configured,
                               const std::vector<std::string> &trusted,
                               const std::vector<std::string> &from_config) {
  auto absolute = [&](const std::string &p) -> std::optional<std::string> {
    fs::path path(p);
    if (path.is_relative()) {
      if (!root) // not against the server's working directory, which the writer never chose
        return std::nullopt;
      path = fs::path(*root) / path;
    }
    return path.lexically_normal().string();
  };
  std::vector<std::string> real_folders;
  for (const auto &f : folders)
    if (auto real = realPath(f))
      real_folders.push_back(real->string());
  std::vector<std::string> trusted_paths;
  for (const auto &p : trusted)
    if (auto path = absolute(p))
      trusted_paths.push_back(*path);

  std::vector<std::string> resolved, unrooted;
  std::vector<bool> resolved_trusted;
  std::vector<Refused> refused;
  for (const auto &p : configured) {
    auto path = absolute(p);
    if (!path) {
      unrooted.push_back(p);
      continue;
    }
    if (std::any_of(refused.begin(), refused.end(),
                    [&](const Refused &r) { return r.path == *path; }))
      continue; // named twice ("../x" and "/x"): one refusal says it
    bool is_trusted =
        std::find(trusted_paths.begin(), trusted_paths.end(), *path) != trusted_paths.end();
    if (!is_trusted) {
      const bool by_file =
          std::find(from_config.begin(), from_config.end(), p) != from_config.end();
      std::string what = by_file ? "the workspace's configuration file .factline/config.json "
                                   "(factBases \"" + p + "\")"
                                 : "the workspace setting factline.factBases \"" + p + "\"";
      if (auto why = outsideReason(*path, real_folders, what)) {
        spdlog::warn("fact base {} refused: {}", *path, *why);
        refused.push_back({*path, *why + kConfinedAdvice});
        continue;
      }
    }
    resolved.push_back(*path);
    resolved_trusted.push_back(is_trusted);
  }
  bool changed = !configured_once_ || root != root_ || real_folders != folders_ ||
                 resolved != configured_ || resolved_trusted != configured_trusted_ ||
                 unrooted != unrooted_ || refused != refused_;
  root_ = std::move(root);
  folders_ = std::move(real_folders);
  configured_ = std::move(resolved);
  configured_trusted_ = std::move(resolved_trusted);
  unrooted_ = std::move(unrooted);
  refused_ = std::move(refused);
  configured_once_ = true;
  if (changed)
    reload();
}

void WorkspaceFacts::reload() {
  if (loading_) {
    load_again_ = true;
    return;
  }
  startLoad();
}

void WorkspaceFacts::startLoad() {
  loading_ = true;
  // Each path with whether the user chose it (then it may be anywhere) and who named it.
  struct Candidate {
    std::string path;
    bool trusted = false;
    std::string what;
  };
  std::vector<Candidate> candidates;
  if (root_)
    for (auto &p : facts::discoverWorkspaceBases(*root_))
      candidates.push_back({p, false, "the workspace file " + p});
  for (std::size_t i = 0; i < configured_.size(); ++i) {
    const auto &p = configured_[i];
    if (std::none_of(candidates.begin(), candidates.end(),
                     [&](const Candidate &c) { return c.path == p; }))
      candidates.push_back(
          {p, configured_trusted_[i], "the workspace setting factline.factBases entry " + p});
  }
  loaded_paths_.clear();
  for (const auto &c : candidates)
    loaded_paths_.push_back(c.path);
  auto shared = shared_;
  asio::post(shared->loader, [shared, candidates, folders = folders_, refused = refused_,
                              unrooted = unrooted_] {
    auto begin = std::chrono::steady_clock::now();
    FactsReport report;
    // Checked again here, just before reading, rather than trusted from configure(): a link in
    // the workspace may have been pointed elsewhere since (a reload follows a file change).
    std::vector<std::string> paths;
    std::vector<facts::FactFileStatus> refusals;
    for (const auto &c : candidates) {
      if (!c.trusted)
        if (auto why = outsideReason(c.path, folders, c.what)) {
          spdlog::warn("fact base {} refused: {}", c.path, *why);
          refusals.push_back(refusedStatus(c.path, *why + kConfinedAdvice));
          continue;
        }
      paths.push_back(c.path);
    }
    try {
      if (!shared->library)
        shared->library = std::make_unique<facts::FactLibrary>(shared->include_bundled);
      report.files = shared->library->setFiles(paths);
    } catch (const std::exception &e) {
      spdlog::error("loading fact bases failed: {}", e.what());
    }
    if (shared->library)
      report.index = shared->library->snapshot();
    for (auto &r : refusals)
      report.files.push_back(std::move(r));
    for (const auto &r : refused)
      report.files.push_back(refusedStatus(r.path, r.message));
    for (const auto &p : unrooted) {
      facts::FactFileStatus status;
      status.path = p;
      facts::LoadError e;
      e.file = p;
      e.message = "a relative fact base path needs a workspace root, and the client gave none; "
                  "use an absolute path or open a folder";
      status.errors.push_back(std::move(e));
      report.files.push_back(std::move(status));
    }
    spdlog::info("fact bases loaded ({} user files) in {} ms", paths.size(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - begin)
                     .count());
    // Weak: a handler still queued on the protocol's io_context when the process ends is
    // destroyed with it, after the pool; owning `shared` there would destroy the pool strand
    // (`loader`) after its pool (found by AddressSanitizer).
    std::weak_ptr<Shared> weak = shared;
    asio::post(shared->strand, [weak, report = std::move(report)]() mutable {
      auto shared = weak.lock();
      WorkspaceFacts *self = shared ? shared->owner : nullptr;
      if (!self)
        return;
      self->loading_ = false;
      if (report.index)
        shared->loaded(std::move(report));
      if (self->load_again_) {
        self->load_again_ = false;
        self->startLoad();
      }
    });
  });
}

bool WorkspaceFacts::concerns(const std::string &path) const {
  fs::path p = fs::path(path).lexically_normal();
  for (const auto &loaded : loaded_paths_)
    if (p == fs::path(loaded))
      return true;
  for (const auto &c : configured_)
    if (p == fs::path(c))
      return true;
  return root_ && p.extension() == ".json" && p.filename() != "config.json" &&
         p.filename() != kReviewsFileName &&
         p.parent_path() == (fs::path(*root_) / ".factline").lexically_normal();
}

std::vector<std::string> WorkspaceFacts::watchPatterns() const {
  std::vector<std::string> patterns = {"**/.factline/*.json"};
  for (const auto &c : configured_) {
    // A pattern per configured file, by name: clients match globs against workspace paths and
    // not every client takes absolute ones; concerns() filters what comes back.
    std::string pattern = "**/" + fs::path(c).filename().string();
    if (std::find(patterns.begin(), patterns.end(), pattern) == patterns.end())
      patterns.push_back(pattern);
  }
  return patterns;
}

} // namespace factline::server
