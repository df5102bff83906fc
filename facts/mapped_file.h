// MappedFile: a fact-base file for a parser, whose pages behind it can be given back; releasePages.
#pragma once
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "facts/snapshot_bytes.h"

namespace factline::facts {

// Lets the kernel drop the whole pages inside [from, to) of a mapping that will not be read there
// again: a file's pages come back from the page cache if they are, memory of our own as zeros.
// Returns where the page holding `to` starts: where a reader going on from `to` may release from
// next time.
inline const char *releasePages(const void *from, const void *to) {
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(from) + page - 1) / page * page;
  const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(to) / page * page;
  if (end > begin)
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED);
  return reinterpret_cast<const char *>(std::max(end, reinterpret_cast<std::uintptr_t>(from)));
}

// A fact-base file read front to back by a parser: its bytes as SnapshotBytes gives them (mapped
// under a read lease, or read at once), so that a file saved over or truncated while a
// million-quote base loads is read whole as it was or refused, never a SIGBUS; and the pages
// behind the parser can be given back while it goes on.
class MappedFile {
public:
  explicit MappedFile(const std::string &path) : bytes_(SnapshotBytes::open(path, error_, &st_)) {}

  bool readable() const { return bytes_ != nullptr; }
  // Why the file cannot be read ("cannot open the file", "is not a regular file", ...).
  const std::string &error() const { return error_; }
  // The file's status as read when it was opened (valid when readable()).
  const struct stat &status() const { return st_; }
  std::string_view text() const { return bytes_ ? bytes_->text() : std::string_view(); }

  // Lets the kernel drop the pages of [from, offset - 1 MiB), the part of a sequential reader's
  // way from `from` that it is well past; returns where the next call may start.
  std::size_t releaseBetween(std::size_t from, std::size_t offset) const {
    return bytes_ ? bytes_->releaseBetween(from, offset) : from;
  }

private:
  std::string error_;
  struct stat st_ {};
  std::shared_ptr<SnapshotBytes> bytes_;
};

} // namespace factline::facts
