// ReplacingFile: a file written beside its target and renamed over it only once it is complete.
#pragma once
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace factline::facts {

// A report or a snapshot replaces the file it is written to only when every byte of it is there:
// until then the old file stays as it was, whatever happens (a missing input, a full disk, a run
// that is killed). The new bytes go to a temporary file in the same folder, which `commit`
// renames over the target (one atomic step) and which is removed if the writer gives up.
//
// A target that exists and is not a regular file (a terminal, /dev/stdout, a FIFO) is written in
// place: there is nothing to replace. A symbolic link is followed: the file it names is replaced,
// and the link stays a link.
class ReplacingFile {
public:
  // Opens the temporary file for `target`; nullptr with `error` saying why.
  static std::unique_ptr<ReplacingFile> open(const std::string &target, std::string &error);
  ~ReplacingFile(); // removes the temporary file unless committed
  ReplacingFile(const ReplacingFile &) = delete;
  ReplacingFile &operator=(const ReplacingFile &) = delete;

  std::FILE *file() const { return file_; }
  // Flushes, closes and renames the temporary file over the target. False, with `error`, if any
  // write failed or the rename did: the target is then as it was.
  bool commit(std::string &error);

private:
  ReplacingFile() = default;
  static std::string tempName(const std::filesystem::path &folder, const std::string &name);
  std::FILE *file_ = nullptr;
  int fd_ = -1;
  std::string target_;
  std::string folder_, name_; // the target's
  bool named_ = false;        // the temporary file was created with a name (no O_TMPFILE)
  std::string temp_;          // its name, once it has one; empty when written in place
  bool committed_ = false;
};

} // namespace factline::facts
