// FactLibrary: loading user bases beside the bundled one, last-good fallback, merged snapshots.
#include "facts/fact_library.h"
#include "facts/figure_terms.h"
#include "facts/quote_words.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace factline::facts {
namespace {

std::shared_ptr<const FactBase> sharedBundledBase() {
  // The bundled base lives for the whole program: share it without owning it.
  static const std::shared_ptr<const FactBase> shared(&bundledFactBase(), [](const FactBase *) {});
  return shared;
}

bool isReadableFile(const std::string &path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

FactFileStatus missing(const std::string &path) {
  FactFileStatus status;
  status.path = path;
  status.errors.push_back({path, 0, 0, "", "fact base file not found", 0});
  return status;
}

} // namespace

FactLibrary::FactLibrary(bool include_bundled) : include_bundled_(include_bundled) { rebuild(); }

std::vector<FactFileStatus> FactLibrary::setFiles(const std::vector<std::string> &paths) {
  std::vector<FileState> next;
  for (const std::string &path : paths) {
    FileState state{path, nullptr, nullptr, nullptr};
    for (const FileState &old : files_)
      if (old.path == path)
        state.last_good = old.last_good;
    next.push_back(std::move(state));
  }
  files_ = std::move(next);
  paths_ = paths;

  // Read every file first, so that each one's references can be checked against all the others
  // (a later file may define the people an earlier one quotes).
  std::vector<LoadResult> fresh(files_.size());
  std::vector<bool> present(files_.size());
  for (std::size_t i = 0; i < files_.size(); ++i) {
    present[i] = isReadableFile(files_[i].path);
    if (present[i])
      fresh[i] = readFactBaseFile(files_[i].path);
  }
  std::vector<FactFileStatus> statuses;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    if (!present[i]) {
      files_[i].last_good = nullptr;
      files_[i].words = nullptr;
      files_[i].terms = nullptr;
      statuses.push_back(missing(files_[i].path));
      continue;
    }
    OtherBases others;
    if (include_bundled_)
      others.push_back(&bundledFactBase());
    for (std::size_t j = 0; j < files_.size(); ++j) {
      if (j == i)
        continue;
      if (present[j] && fresh[j].ok())
        others.push_back(&fresh[j].base);
      else if (files_[j].last_good)
        others.push_back(files_[j].last_good.get());
    }
    checkReferences(fresh[i], others);
    FactFileStatus status;
    status.path = files_[i].path;
    status.errors = fresh[i].errors;
    status.warnings = fresh[i].warnings;
    status.loaded = fresh[i].ok();
    statuses.push_back(std::move(status));
  }
  // Only now take the good ones: the checks above read the fresh bases.
  for (std::size_t i = 0; i < files_.size(); ++i) {
    if (!present[i])
      continue;
    if (statuses[i].loaded) {
      files_[i].last_good = std::make_shared<FactBase>(std::move(fresh[i].base));
      files_[i].words = std::move(fresh[i].quote_words);
      files_[i].terms = std::move(fresh[i].figure_terms);
    } else
      statuses[i].kept_older = files_[i].last_good != nullptr;
  }
  rebuild();
  return statuses;
}

FactFileStatus FactLibrary::reload(const std::string &path) {
  auto it = std::find_if(files_.begin(), files_.end(),
                         [&](const FileState &f) { return f.path == path; });
  if (it == files_.end()) {
    FactFileStatus status;
    status.path = path;
    status.errors.push_back({path, 0, 0, "", "not one of the configured fact base files", 0});
    return status;
  }
  if (!isReadableFile(path)) {
    it->last_good = nullptr;
    it->words = nullptr;
    it->terms = nullptr;
    rebuild();
    return missing(path);
  }
  LoadResult fresh = readFactBaseFile(path);
  OtherBases others;
  if (include_bundled_)
    others.push_back(&bundledFactBase());
  for (const FileState &other : files_)
    if (&other != &*it && other.last_good)
      others.push_back(other.last_good.get());
  checkReferences(fresh, others);

  FactFileStatus status;
  status.path = path;
  status.errors = std::move(fresh.errors);
  status.warnings = std::move(fresh.warnings);
  status.loaded = status.errors.empty();
  if (status.loaded) {
    it->last_good = std::make_shared<FactBase>(std::move(fresh.base));
    it->words = std::move(fresh.quote_words);
    it->terms = std::move(fresh.figure_terms);
    rebuild();
  } else {
    status.kept_older = it->last_good != nullptr;
  }
  return status;
}

std::shared_ptr<const FactIndex> FactLibrary::snapshot() const {
  std::lock_guard lock(snapshot_mutex_);
  return snapshot_;
}

void FactLibrary::rebuild() {
  std::vector<std::shared_ptr<const FactBase>> parts;
  if (include_bundled_)
    parts.push_back(sharedBundledBase());
  for (const FileState &file : files_)
    if (file.last_good)
      parts.push_back(file.last_good);

  std::vector<FileState *> loaded;
  for (FileState &file : files_)
    if (file.last_good)
      loaded.push_back(&file);

  // A file read from a snapshot brings its quotes' recorded words and its figures' terms: with
  // one file, its entries follow the bundled ones in order unless the merge replaced some, and
  // the index takes them.
  Prebuilt prebuilt;
  std::size_t own_quotes = 0, own_figures = 0;
  if (loaded.size() == 1) {
    const std::size_t after_bundled = include_bundled_ ? bundledFactBase().quotes.size() : 0;
    if (loaded[0]->words) {
      prebuilt.words = std::move(loaded[0]->words);
      prebuilt.first = after_bundled;
    }
    if (loaded[0]->terms) {
      prebuilt.terms = std::move(loaded[0]->terms);
      prebuilt.first_figure = include_bundled_ ? bundledFactBase().figures.size() : 0;
    }
    own_quotes = loaded[0]->last_good->quotes.size();
    own_figures = loaded[0]->last_good->figures.size();
  }
  for (FileState *file : loaded) { // used once: later indexes read the entries again
    file->words = nullptr;
    file->terms = nullptr;
  }

  std::shared_ptr<const FactBase> merged;
  if (parts.size() == 1) {
    merged = parts.front(); // one base alone is used as it is, without a copy
  } else if (include_bundled_ && loaded.size() == 1 && loaded[0]->last_good.use_count() == 2) {
    // The bundled base and one file nobody else holds (only `parts` and the file's state): its
    // entries move into the merged base instead of being copied, so that a million-quote base is
    // not held twice. The merged base becomes the file's last good version; merged after the
    // bundled base again it gives itself, so later rebuilds are unchanged.
    parts.clear();
    auto base = std::make_shared<FactBase>(bundledFactBase());
    base->merge(std::move(*loaded[0]->last_good)); // merge keeps the id tables current
    loaded[0]->last_good = base;
    merged = std::move(base);
  } else {
    auto base = std::make_shared<FactBase>();
    for (const auto &part : parts)
      base->merge(*part);
    merged = std::move(base);
  }
  if (prebuilt.words && merged->quotes.size() != prebuilt.first + own_quotes)
    prebuilt.words = nullptr;
  if (prebuilt.terms && merged->figures.size() != prebuilt.first_figure + own_figures)
    prebuilt.terms = nullptr;
  auto index = std::make_shared<const FactIndex>(std::move(merged), std::move(prebuilt));
  std::lock_guard lock(snapshot_mutex_);
  snapshot_ = std::move(index);
}

std::vector<std::string> discoverWorkspaceBases(const std::string &root) {
  std::vector<std::string> out;
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::path(root) / ".factline";
  if (!std::filesystem::is_directory(folder, ec))
    return out;
  for (const auto &entry : std::filesystem::directory_iterator(folder, ec)) {
    std::error_code type_ec;
    // config.json is the workspace's configuration (server/settings.h) and reviews.json its
    // review decisions (server/review_decisions.h): never fact bases.
    if (entry.path().extension() == ".json" && entry.path().filename() != "config.json" &&
        entry.path().filename() != "reviews.json" &&
        entry.is_regular_file(type_ec))
      out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace factline::facts
