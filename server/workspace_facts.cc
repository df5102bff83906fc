// WorkspaceFacts: resolving base paths, and one load at a time through the FactLibrary.
#include "server/workspace_facts.h"

#include <algorithm>
#include <filesystem>

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

void WorkspaceFacts::configure(std::optional<std::string> root,
                               const std::vector<std::string> &configured) {
  std::vector<std::string> resolved, unrooted;
  for (const auto &p : configured) {
    fs::path path(p);
    if (path.is_relative()) {
      if (!root) { // not against the server's working directory, which the writer never chose
        unrooted.push_back(p);
        continue;
      }
      path = fs::path(*root) / path;
    }
    resolved.push_back(path.lexically_normal().string());
  }
  bool changed =
      !configured_once_ || root != root_ || resolved != configured_ || unrooted != unrooted_;
  root_ = std::move(root);
  configured_ = std::move(resolved);
  unrooted_ = std::move(unrooted);
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
  std::vector<std::string> paths;
  if (root_)
    paths = facts::discoverWorkspaceBases(*root_);
  for (const auto &p : configured_)
    if (std::find(paths.begin(), paths.end(), p) == paths.end())
      paths.push_back(p);
  loaded_paths_ = paths;
  auto shared = shared_;
  asio::post(shared->loader, [shared, paths, unrooted = unrooted_] {
    auto begin = std::chrono::steady_clock::now();
    FactsReport report;
    try {
      if (!shared->library)
        shared->library = std::make_unique<facts::FactLibrary>(shared->include_bundled);
      report.files = shared->library->setFiles(paths);
    } catch (const std::exception &e) {
      spdlog::error("loading fact bases failed: {}", e.what());
    }
    if (shared->library)
      report.index = shared->library->snapshot();
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
  return root_ && p.extension() == ".json" &&
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
