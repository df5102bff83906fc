// Loading fact bases: files, text, and the bundled base compiled into the binary.
#include "facts/loader.h"

#include <algorithm>

#include "facts/base_parser.h"
#include "facts/bundled.h"
#include "facts/mapped_file.h"
#include "facts/snapshot.h"

namespace factline::facts {

std::string LoadError::describe() const {
  std::string out = file;
  if (line > 0)
    out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!json_path.empty())
    out += json_path + ": ";
  out += message;
  return out;
}

LoadResult readFactBase(std::string_view text, std::string_view file_name) {
  return BaseParser(text, file_name).run();
}

void checkReferences(LoadResult &result, const OtherBases &others) {
  auto defined = [&](const ExternalReference &ref) {
    for (const FactBase *base : others) {
      if (!base)
        continue;
      if ((ref.kind == "person" && base->person(ref.id)) ||
          (ref.kind == "event" && base->event(ref.id)) ||
          (ref.kind == "source" && base->source(ref.id)) ||
          (ref.kind == "quote" && base->quote(ref.id)) ||
          (ref.kind == "figure" && base->figure(ref.id)))
        return true;
    }
    return false;
  };
  bool added = false;
  for (const ExternalReference &ref : result.external_references) {
    if (defined(ref))
      continue;
    LoadError e = ref.where;
    e.message = "unknown " + ref.role + " id '" + ref.id + "'";
    result.errors.push_back(std::move(e));
    added = true;
  }
  if (added)
    std::stable_sort(result.errors.begin(), result.errors.end(),
                     [](const LoadError &a, const LoadError &b) { return a.offset < b.offset; });
}

LoadResult parseFactBase(std::string_view text, std::string_view file_name,
                         const OtherBases &others) {
  LoadResult result = readFactBase(text, file_name);
  checkReferences(result, others);
  return result;
}

LoadResult readFactBaseFile(const std::string &path) { return readFactBaseOrSnapshot(path); }

LoadResult readFactBaseJsonFile(const std::string &path) {
  MappedFile file(path);
  if (!file.readable()) {
    LoadResult failed;
    failed.errors.push_back({path, 0, 0, "", file.error(), 0});
    return failed;
  }
  BaseParser parser(file.text(), path);
  parser.onProgress(
      [&](std::size_t from, std::size_t offset) { return file.releaseBetween(from, offset); });
  return parser.run();
}

LoadResult loadFactBaseFile(const std::string &path, const OtherBases &others) {
  LoadResult result = readFactBaseFile(path);
  checkReferences(result, others);
  return result;
}

namespace {

struct Bundled {
  FactBase base;
  std::vector<LoadError> errors;
};

const Bundled &bundled() {
  static const Bundled loaded = [] {
    Bundled b;
    // Each file is checked against all of them, so that they may refer to each other's entries.
    std::vector<LoadResult> files;
    for (const EmbeddedFile &file : bundledBases())
      files.push_back(readFactBase(file.text, file.name));
    OtherBases all;
    for (const LoadResult &file : files)
      all.push_back(&file.base);
    for (LoadResult &file : files) {
      checkReferences(file, all);
      b.errors.insert(b.errors.end(), file.errors.begin(), file.errors.end());
      if (file.ok())
        b.base.merge(std::move(file.base));
    }
    b.base.reindex();
    return b;
  }();
  return loaded;
}

} // namespace

const FactBase &bundledFactBase() { return bundled().base; }
const std::vector<LoadError> &bundledFactBaseErrors() { return bundled().errors; }

} // namespace factline::facts
