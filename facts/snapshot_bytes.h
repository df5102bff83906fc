// SnapshotBytes: a snapshot file's bytes, unchanged for as long as a base views them.
#pragma once
#include <sys/stat.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace factline::facts {

// A base read from a snapshot views the snapshot's bytes for its strings, so they must not change
// or vanish while it lives, whatever happens to the file: a `cp` onto it rewrites it in place, and
// a mapping of a file truncated under it kills the process (SIGBUS) at the next hover.
//
// Copying 700 MB into memory of our own costs a page fault a page (0.35 s and more on the
// machines Factline is measured on, and seconds when the kernel must find 2 MiB pages), so where
// it can the process maps the file's pages as they are in the page cache (no copy), under a read
// lease (fcntl F_SETLEASE): another process that opens the file for writing or truncates it
// waits until the lease is let go, and a signal tells this process first. Its handler copies the
// mapped bytes into memory of our own at the same address (mremap), so that every view stays
// valid and unchanged, then lets the lease go. Where no lease can be had (a file of another
// owner, a file system without leases, a file open for writing), the file is read into memory at
// once, as two preads.
class SnapshotBytes {
public:
  // The bytes of `path`, or nullptr with `error` saying why (a FIFO, a device or a folder is
  // refused, never waited on or read without end); `status`, if given, is the file's as opened.
  // The same holds for a JSON base, read by the parser straight from these bytes: a file saved
  // over while it loads is either read whole as it was, or refused with a clear error.
  static std::shared_ptr<SnapshotBytes> open(const std::string &path, std::string &error,
                                             struct stat *status = nullptr);
  ~SnapshotBytes();
  SnapshotBytes(const SnapshotBytes &) = delete;
  SnapshotBytes &operator=(const SnapshotBytes &) = delete;

  std::string_view text() const { return {data_ ? data_ : "", size_}; }
  // True while the bytes are the file's mapped pages under a lease, false once they are a copy
  // of our own (read at once, or copied when the lease was broken).
  bool mapped() const;

  // For a reader going through the bytes once, front to back: lets the kernel drop the mapped
  // pages of [from, offset - 1 MiB), which it is well past, and returns where the next call may
  // start. Bytes of our own are kept (given back, they would read as zeros).
  std::size_t releaseBetween(std::size_t from, std::size_t offset);

  // Mapped from this size on: below it, reading costs less than mapping.
  static constexpr std::size_t kMapFrom = std::size_t{1} << 20;

private:
  SnapshotBytes() = default;
  bool readWhole(int fd, std::size_t size);
  bool mapLeased(int fd, std::size_t &size);

  char *data_ = nullptr;
  std::size_t size_ = 0;
  int slot_ = -1; // into the table of leased mappings, or -1 for bytes read at once
  std::atomic<bool> shrank_{false}; // the file was shorter than its size when read at once
};

} // namespace factline::facts
