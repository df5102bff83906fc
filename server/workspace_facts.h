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

// The bundled base, then `.factline/*.json` at the workspace root (by name), then the configured
// `factline.factBases` resolved against the root (a relative one without a root is reported, not
// read from the server's working directory). Loads run one at a time on `loader` (a pool
// strand: reading and indexing a large base must not stall the protocol) and report back on the
// protocol strand; a request made while a load runs starts one more load after it.
// Members are called on the protocol strand.
class WorkspaceFacts {
public:
  using Loaded = std::function<void(FactsReport)>;

  WorkspaceFacts(boost::asio::any_io_executor strand, boost::asio::any_io_executor loader,
                 bool include_bundled, Loaded loaded);
  ~WorkspaceFacts();

  // Sets where bases come from and loads them (the first call always loads).
  void configure(std::optional<std::string> root, const std::vector<std::string> &configured);
  // Reads every base again: files changed on disk.
  void reload();

  // Whether a change to `path` concerns the server: a loaded base, or a new `.factline/*.json`.
  bool concerns(const std::string &path) const;
  // Glob patterns for the client's file watcher.
  std::vector<std::string> watchPatterns() const;
  // The configured bases as paths (absolute when a root is known).
  const std::vector<std::string> &configuredPaths() const { return configured_; }

private:
  void startLoad();
  struct Shared;

  std::shared_ptr<Shared> shared_;
  std::optional<std::string> root_;
  std::vector<std::string> configured_;
  std::vector<std::string> unrooted_;     // relative paths with no root to resolve them: reported
  std::vector<std::string> loaded_paths_; // the paths of the last load
  bool configured_once_ = false;
  bool loading_ = false;
  bool load_again_ = false;
};

} // namespace factline::server
