// MappedFile: a file mapped read-only, whose pages behind a sequential reader can be given back.
#pragma once
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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

// A file mapped read-only. A million-quote base is hundreds of megabytes: mapped, it is read
// without a copy, and the pages behind the parser can be given back while it goes on.
class MappedFile {
public:
  explicit MappedFile(const std::string &path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0)
      return;
    if (::fstat(fd_, &st_) != 0 || !S_ISREG(st_.st_mode))
      return;
    size_ = static_cast<std::size_t>(st_.st_size);
    if (size_ > 0) {
      void *p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
      if (p == MAP_FAILED)
        return;
      data_ = static_cast<const char *>(p);
      ::madvise(p, size_, MADV_SEQUENTIAL);
    }
    readable_ = true;
  }
  ~MappedFile() {
    if (data_)
      ::munmap(const_cast<char *>(data_), size_);
    if (fd_ >= 0)
      ::close(fd_);
  }
  MappedFile(const MappedFile &) = delete;
  MappedFile &operator=(const MappedFile &) = delete;

  bool opened() const { return fd_ >= 0; }
  // The file's status as read when it was opened (valid when readable()).
  const struct stat &status() const { return st_; }
  bool readable() const { return readable_; }
  std::string_view text() const { return {data_ ? data_ : "", size_}; }

  // Lets the kernel drop the whole pages of [from, offset - 1 MiB), the part of a sequential
  // reader's way from `from` that it is well past; returns where the next call may start.
  std::size_t releaseBetween(std::size_t from, std::size_t offset) const {
    constexpr std::size_t kBehind = std::size_t{1} << 20; // keep the last megabyte
    if (!data_ || offset < from + 2 * kBehind)
      return from;
    return static_cast<std::size_t>(releasePages(data_ + from, data_ + offset - kBehind) - data_);
  }

private:
  int fd_ = -1;
  const char *data_ = nullptr;
  std::size_t size_ = 0;
  bool readable_ = false;
  struct stat st_ {};
};

} // namespace factline::facts
