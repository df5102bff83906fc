// ReplacingFile: a temporary file beside the target, renamed over it when complete.
#include "facts/replacing_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace factline::facts {

namespace fs = std::filesystem;

std::unique_ptr<ReplacingFile> ReplacingFile::open(const std::string &target, std::string &error) {
  std::unique_ptr<ReplacingFile> out(new ReplacingFile());
  std::error_code ec;
  fs::path path(target);
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    const fs::path resolved = fs::weakly_canonical(path, ec);
    if (!ec)
      path = resolved;
  }
  out->target_ = path.string();

  struct stat st {};
  const bool exists = ::stat(out->target_.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) { // a terminal, a pipe, a device: written as it is
    out->file_ = std::fopen(out->target_.c_str(), "wb");
    if (!out->file_) {
      error = std::strerror(errno);
      return nullptr;
    }
    return out;
  }

  // The new bytes go to a file with no name yet (O_TMPFILE) in the target's folder, so that a run
  // killed on the way leaves nothing behind; `commit` names it and renames it over the target.
  // Where the file system has no such files, a named one is created instead.
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0 || ::access("/proc/self/fd", X_OK) != 0) {
    if (fd >= 0)
      ::close(fd);
    fd = -1;
    out->named_ = true;
    const std::string name = out->tempName(folder, path.filename().string());
    fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0)
      out->temp_ = name;
  }
  if (fd < 0) {
    error = std::strerror(errno);
    return nullptr;
  }
  out->folder_ = folder.string();
  out->name_ = path.filename().string();
  out->fd_ = fd;
  if (exists) // the replacement keeps the permissions the old file had
    (void)::fchmod(fd, st.st_mode & 07777);
  out->file_ = ::fdopen(fd, "wb");
  if (!out->file_) {
    error = std::strerror(errno);
    ::close(fd);
    if (!out->temp_.empty())
      ::unlink(out->temp_.c_str());
    out->temp_.clear();
    return nullptr;
  }
  return out;
}

// ".report.html.factline-1234-0.tmp": hidden, beside the target, unique to this process.
std::string ReplacingFile::tempName(const std::filesystem::path &folder, const std::string &name) {
  static std::atomic<unsigned> counter{0};
  return (folder / ("." + name + ".factline-" + std::to_string(::getpid()) + "-" +
                    std::to_string(counter++) + ".tmp"))
      .string();
}

ReplacingFile::~ReplacingFile() {
  if (file_)
    std::fclose(file_);
  if (!committed_ && !temp_.empty())
    ::unlink(temp_.c_str());
}

bool ReplacingFile::commit(std::string &error) {
  bool ok = file_ && !std::ferror(file_);
  ok = file_ && std::fflush(file_) == 0 && ok;
  int saved = errno;
  if (ok && !named_ && fd_ >= 0) { // the unnamed file gets its temporary name, then the rename
    const std::string proc = "/proc/self/fd/" + std::to_string(fd_);
    for (int attempt = 0; attempt < 100 && temp_.empty(); ++attempt) {
      const std::string name = tempName(folder_, name_);
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0)
        temp_ = name;
      else if (errno != EEXIST)
        break;
    }
    if (temp_.empty()) {
      ok = false;
      saved = errno;
    }
  }
  if (file_ && std::fclose(file_) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  file_ = nullptr;
  if (ok && !temp_.empty() && std::rename(temp_.c_str(), target_.c_str()) != 0) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    error = saved != 0 ? std::strerror(saved) : "write error";
    return false;
  }
  committed_ = true;
  return true;
}

} // namespace factline::facts
