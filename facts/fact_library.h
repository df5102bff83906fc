// FactLibrary: the bundled base plus the user's fact base files, merged in order into immutable
// FactIndex snapshots; a file that turns bad keeps its last good version in use.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "facts/fact_index.h"
#include "facts/loader.h"

namespace factline::facts {

// What happened to one fact base file on the last (re)load.
struct FactFileStatus {
  std::string path;
  bool loaded = false;     // this version of the file is in use
  bool kept_older = false; // it failed, and an earlier good version of it stays in use
  std::vector<LoadError> errors;
  std::vector<LoadError> warnings;
};

// Threads: setFiles() and reload() rebuild the merged base and are called from one thread at a
// time (the server's protocol strand, or a command-line tool's main thread). snapshot() may be
// called from any thread; a snapshot is immutable and shared with the analysis threads, and stays
// valid however long they hold it.
class FactLibrary {
public:
  explicit FactLibrary(bool include_bundled = true);

  // Replaces the list of user base files (later files override earlier ones, and the bundled
  // base, by id) and reads each one again. A file already in the list that is now broken keeps its
  // last good version; a file that cannot be opened (deleted, wrong path) is reported and
  // contributes nothing. Returns one status per path, in order.
  std::vector<FactFileStatus> setFiles(const std::vector<std::string> &paths);

  // Reads one listed file again (it changed on disk). A path not in the list is an error.
  FactFileStatus reload(const std::string &path);

  std::shared_ptr<const FactIndex> snapshot() const;
  const std::vector<std::string> &files() const { return paths_; }

private:
  struct FileState {
    std::string path;
    // Null: nothing of this file is in use. Otherwise its entries, possibly merged after the
    // bundled base's (see rebuild()): the same entries once merged again after them.
    std::shared_ptr<FactBase> last_good;
    // The recorded words of last_good's quotes as it was loaded (from a snapshot), for the next
    // index built; null once used, or when there are none.
    std::shared_ptr<QuoteWords> words;
    // The same for last_good's figures' terms.
    std::shared_ptr<FigureTerms> terms;
  };

  // Reads `file` and checks its references against every other base; on success replaces
  // last_good. Does not rebuild the snapshot.
  FactFileStatus load(FileState &file, const std::vector<LoadResult *> &fresh);
  void rebuild();

  bool include_bundled_;
  std::vector<std::string> paths_;
  std::vector<FileState> files_;
  mutable std::mutex snapshot_mutex_;
  std::shared_ptr<const FactIndex> snapshot_;
};

// The workspace's own fact bases: `.factline/*.json` at `root`, sorted by name, except
// `.factline/config.json`, the workspace's configuration, and `.factline/reviews.json`, its review
// decisions. Any thread.
std::vector<std::string> discoverWorkspaceBases(const std::string &root);

} // namespace factline::facts
