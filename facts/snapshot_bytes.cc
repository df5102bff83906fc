// SnapshotBytes: a fact-base file (a snapshot, or JSON) mapped under a read lease and copied when the
// lease breaks, or read into memory of our own at once.
#include "facts/snapshot_bytes.h"

#include "facts/mapped_file.h" // releasePages

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <future>
#include <mutex>

namespace factline::facts {
namespace {

// The leased mappings, where the signal handler finds them by file descriptor. A fixed table of
// atomics: the handler may run on any thread at any moment, and may not lock or allocate.
enum SlotState : int {
  kFree,    // unused
  kLeasing, // the lease is being taken and the file mapped
  kBroken,  // the lease broke before the mapping was done: it is let go, the file is read instead
  kMapped,  // the bytes are the file's pages, under the lease
  kCopying, // the handler is copying them
  kCopied,  // the bytes are our own copy at the same address; the lease is let go
  kClosing, // being unmapped
  kReleasing,    // pages behind a reader are being given back (releaseBetween)
  kBreakPending, // the lease broke while they were: the releasing thread makes the copy
};

struct Slot {
  std::atomic<int> state{kFree};
  std::atomic<int> fd{-1};
  std::atomic<char *> data{nullptr};
  std::atomic<std::size_t> size{0};
};

constexpr int kSlots = 64;
Slot slots[kSlots];
int lease_signal = 0; // set once the handler is installed

// In the signal handler: the mapping at `data` becomes memory of our own with the same bytes at
// the same address, then the lease is let go and the writer goes on.
void makeOwnCopy(char *data, std::size_t size, int fd) {
  void *copy = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (copy != MAP_FAILED) {
    std::memcpy(copy, data, size);
    ::mprotect(copy, size, PROT_READ);
    if (::mremap(copy, size, size, MREMAP_MAYMOVE | MREMAP_FIXED, data) == MAP_FAILED)
      ::munmap(copy, size);
  }
  ::fcntl(fd, F_SETLEASE, F_UNLCK);
}

void onLeaseBreak(int, siginfo_t *info, void *) {
  const int saved_errno = errno;
  for (Slot &s : slots) {
    if (s.fd.load() != info->si_fd)
      continue;
    int expected = kLeasing;
    if (s.state.compare_exchange_strong(expected, kBroken)) {
      ::fcntl(info->si_fd, F_SETLEASE, F_UNLCK);
      continue;
    }
    expected = kMapped;
    if (s.state.compare_exchange_strong(expected, kCopying)) {
      makeOwnCopy(s.data.load(), s.size.load(), info->si_fd);
      s.state.store(kCopied);
      continue;
    }
    // Pages are being given back: copying now could copy pages the kernel is dropping, and a
    // copy is memory of our own, which madvise would then zero. The releasing thread copies as
    // soon as it is done; the writer waits for the lease meanwhile.
    expected = kReleasing;
    s.state.compare_exchange_strong(expected, kBreakPending);
  }
  errno = saved_errno;
}

// The signal lease breaks are told by, its handler installed once; 0 when that failed.
int leaseSignal() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_sigaction = onLeaseBreak;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    const int signal = SIGRTMAX - 3;
    if (::sigaction(signal, &action, nullptr) == 0)
      lease_signal = signal;
  });
  return lease_signal;
}

int claimSlot(int fd) {
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (slots[i].state.compare_exchange_strong(expected, kLeasing)) {
      slots[i].fd.store(fd);
      return i;
    }
  }
  return -1;
}

void releaseSlot(int i) {
  slots[i].fd.store(-1);
  slots[i].data.store(nullptr);
  slots[i].size.store(0);
  slots[i].state.store(kFree);
}

// From this size on, a file read at once is read by two threads, each its half.
constexpr std::size_t kParallelReadBytes = std::size_t{32} << 20;

} // namespace

bool SnapshotBytes::mapLeased(int fd, std::size_t &size) {
  const int signal = leaseSignal();
  if (signal == 0)
    return false;
  const int slot = claimSlot(fd);
  if (slot < 0)
    return false;
  Slot &s = slots[slot];
  // The size is taken under the lease: no one can truncate the file between it and the mapping.
  struct stat st {};
  void *p = MAP_FAILED;
  if (::fcntl(fd, F_SETSIG, signal) == 0 && ::fcntl(fd, F_SETLEASE, F_RDLCK) == 0 &&
      ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    size = static_cast<std::size_t>(st.st_size);
    p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  if (p != MAP_FAILED) {
    s.data.store(static_cast<char *>(p));
    s.size.store(size);
    int expected = kLeasing;
    if (s.state.compare_exchange_strong(expected, kMapped)) {
      data_ = static_cast<char *>(p);
      size_ = size;
      slot_ = slot;
      return true;
    }
    ::munmap(p, size); // the lease broke meanwhile (and was let go): read the file instead
  }
  ::fcntl(fd, F_SETLEASE, F_UNLCK);
  releaseSlot(slot);
  return false;
}

bool SnapshotBytes::readWhole(int fd, std::size_t size) {
  size_ = size;
  if (size == 0)
    return true;
  void *p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return false;
  data_ = static_cast<char *>(p);
  auto readRange = [&](std::size_t from, std::size_t to) {
    while (from < to) {
      const ssize_t n = ::pread(fd, data_ + from, to - from, static_cast<off_t>(from));
      if (n == 0) // the file shrank while it was read
        shrank_ = true;
      if (n <= 0)
        return false;
      from += static_cast<std::size_t>(n);
    }
    return true;
  };
  if (size < kParallelReadBytes)
    return readRange(0, size);
  const std::size_t half = size / 2;
  auto second = std::async(std::launch::async, readRange, half, size);
  const bool first = readRange(0, half);
  return second.get() && first;
}

std::shared_ptr<SnapshotBytes> SnapshotBytes::open(const std::string &path, std::string &error,
                                                   struct stat *status) {
  // Non-blocking, so that a FIFO with no writer is refused below instead of waited on forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = "cannot open the file";
    return nullptr;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    error = "cannot read the file";
    return nullptr;
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    error = S_ISDIR(st.st_mode) ? "is a folder, not a file" : "is not a regular file";
    return nullptr;
  }
  if (status)
    *status = st;
  std::shared_ptr<SnapshotBytes> bytes(new SnapshotBytes());
  std::size_t size = static_cast<std::size_t>(st.st_size);
  if (size >= kMapFrom && bytes->mapLeased(fd, size))
    return bytes; // the descriptor stays open: the lease is held through it
  // No lease (or it broke before the mapping was done): read, at the size the file has now.
  const bool read =
      ::fstat(fd, &st) == 0 && bytes->readWhole(fd, static_cast<std::size_t>(st.st_size));
  ::close(fd);
  if (!read) {
    error = bytes->shrank_ ? "cannot read the file: it changed while it was read (was it being "
                             "saved?); load it again once it is complete"
                           : "cannot read the file";
    return nullptr;
  }
  return bytes;
}

std::size_t SnapshotBytes::releaseBetween(std::size_t from, std::size_t offset) {
  constexpr std::size_t kBehind = std::size_t{1} << 20; // keep the last megabyte
  if (slot_ < 0 || offset < from + 2 * kBehind)
    return from; // bytes of our own: given back, they would read as zeros
  Slot &s = slots[slot_];
  int expected = kMapped;
  if (!s.state.compare_exchange_strong(expected, kReleasing))
    return from; // copied already
  const std::size_t next =
      static_cast<std::size_t>(releasePages(data_ + from, data_ + offset - kBehind) - data_);
  expected = kReleasing;
  if (!s.state.compare_exchange_strong(expected, kMapped)) { // the lease broke meanwhile
    s.state.store(kCopying);
    makeOwnCopy(data_, size_, s.fd.load());
    s.state.store(kCopied);
  }
  return next;
}

bool SnapshotBytes::mapped() const { return slot_ >= 0 && slots[slot_].state.load() == kMapped; }

SnapshotBytes::~SnapshotBytes() {
  if (slot_ < 0) {
    if (data_)
      ::munmap(data_, size_);
    return;
  }
  Slot &s = slots[slot_];
  for (;;) { // wait out a copy in progress, then keep the handler away
    int state = s.state.load();
    if (state == kCopying) {
      sched_yield();
      continue;
    }
    if (s.state.compare_exchange_strong(state, kClosing))
      break;
  }
  ::munmap(data_, size_);
  ::close(s.fd.load()); // lets the lease go, if it is still held
  releaseSlot(slot_);
}

} // namespace factline::facts
