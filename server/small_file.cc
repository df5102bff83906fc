#include "server/small_file.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace factline::server {

bool readSmallFile(const std::string &path, std::size_t limit, const std::string &too_large,
                   std::string &text, std::string &error, bool &exists) {
  exists = true;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    exists = errno != ENOENT && errno != ENOTDIR;
    error = std::string("cannot be read: ") + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "is not a regular file";
  } else if (static_cast<std::uint64_t>(st.st_size) > limit) {
    error = too_large;
  } else {
    char buffer[1 << 14];
    for (;;) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0) {
        error = std::string("cannot be read: ") + std::strerror(errno);
        break;
      }
      if (n == 0)
        break;
      text.append(buffer, static_cast<std::size_t>(n));
      if (text.size() > limit) { // it grew while read
        error = too_large;
        break;
      }
    }
  }
  ::close(fd);
  return error.empty();
}

} // namespace factline::server
