// WorkspaceFacts: which fact base files the server loads, loaded off the protocol strand.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>

#include "facts/fact_library.h"

namespace factline::server {

struct FactsReport {
  std::shared_ptr<const facts::FactIndex> index;
  std::vector<facts::FactFileStatus> files; // one per user file, in load order
};

// Why the fact base `path` (absolute) must not be read because, once `..` and every symlink are
// resolved, it lies outside every one of `folders`; nullopt when it lies inside one. `what` says
// who named it, for the message. The one confinement check of workspace-controlled paths: the
// server's settings and `.factline/` files, and the configuration file for `factline check`.
std::optional<std::string> outsideWorkspace(const std::string &path,
                                            const std::vector<std::string> &folders,
                                            const std::string &what);

// The bundled base, then `.factline/*.json` at the workspace root (by name), then the configured
// `factline.factBases` resolved against the root (a relative one without a root is reported, not
// read from the server's working directory). Loads run one at a time on `loader` (a pool
// strand: reading and indexing a large base must not stall the protocol) and report back on the
// protocol strand; a request made while a load runs starts one more load after it.
//
// Where a base may be read from depends on who chose it. A workspace is something a writer
// opens, not something they wrote: its files and its settings may come from anyone. So a path
// from workspace-scoped configuration, and every `.factline/*.json`, is read only when it lies
// inside a workspace folder once `..` and every symlink are resolved (a link inside the
// workspace to a file outside it is outside). A path the user chose themselves (`trusted`: the
// initializationOptions and the command line) may be anywhere. A refused path is reported with
// the setting that named it and the reason, is never opened, and is never watched.
// Members are called on the protocol strand.
class WorkspaceFacts {
public:
  using Loaded = std::function<void(FactsReport)>;

  WorkspaceFacts(boost::asio::any_io_executor strand, boost::asio::any_io_executor loader,
                 bool include_bundled, Loaded loaded);
  ~WorkspaceFacts();

  // Sets where bases come from and loads them (the first call always loads). `folders` are the
  // workspace folders (the root among them); `configured` the factBases in force, in order;
  // `trusted` the paths the user chose themselves, which may lie outside the folders (relative
  // ones are resolved against the root, like `configured`). `from_config`: those of `configured`
  // that the workspace's `.factline/config.json` named, so that a refusal names that file.
  void configure(std::optional<std::string> root, const std::vector<std::string> &folders,
                 const std::vector<std::string> &configured,
                 const std::vector<std::string> &trusted,
                 const std::vector<std::string> &from_config = {});
  // Reads every base again: files changed on disk.
  void reload();

  // Whether a change to `path` concerns the server: a loaded base, or a new `.factline/*.json`
  // other than config.json (the configuration, which LspServer applies as settings).
  bool concerns(const std::string &path) const;
  // Glob patterns for the client's file watcher.
  std::vector<std::string> watchPatterns() const;
  // The configured bases accepted, as paths (absolute when a root is known).
  const std::vector<std::string> &configuredPaths() const { return configured_; }

  // A base path refused because it leads outside the workspace.
  struct Refused {
    std::string path;    // as resolved against the root, lexically: what the user would look for
    std::string message; // names the setting, the path, where it leads and why it is not read
    bool operator==(const Refused &) const = default;
  };
  const std::vector<Refused> &refused() const { return refused_; }

private:
  void startLoad();
  struct Shared;

  std::shared_ptr<Shared> shared_;
  std::optional<std::string> root_;
  std::vector<std::string> folders_;      // canonical: every symlink resolved
  std::vector<std::string> configured_;   // accepted; lexically normal, absolute
  std::vector<bool> configured_trusted_;  // per configured_: the user chose it, may be outside
  std::vector<Refused> refused_;          // configured paths that lead outside the workspace
  std::vector<std::string> unrooted_;     // relative paths with no root to resolve them: reported
  std::vector<std::string> loaded_paths_; // the paths of the last load
  bool configured_once_ = false;
  bool loading_ = false;
  bool load_again_ = false;
};

} // namespace factline::server
