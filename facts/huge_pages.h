// Huge pages for the big vectors a large base loads into.
#pragma once
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace factline::facts {

// Memory a process touches for the first time costs a page fault a page: 4 KiB pages cost about
// 0.6 ms a megabyte on the machines Factline is measured on, 2 MiB pages a quarter of that. The
// loader's big vectors (hundreds of megabytes for a million quotes) ask for 2 MiB pages where the
// kernel gives them on request (transparent huge pages in "madvise" mode). Only the 2 MiB-aligned
// part of the range is advised, and only an advice: without huge pages nothing changes.
inline void adviseHugePages(const void *p, std::size_t bytes) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kHuge - 1);
  if (end > begin)
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
}

// Reserves room for `n` elements and, for a big vector not yet touched, advises huge pages (a
// vector of more than a few megabytes gets memory of its own from the allocator).
template <typename T> void reserveHuge(std::vector<T> &v, std::size_t n) {
  constexpr std::size_t kFrom = std::size_t{8} << 20;
  const bool fresh = v.capacity() < n;
  v.reserve(n);
  if (fresh && v.empty() && n * sizeof(T) >= kFrom)
    adviseHugePages(v.data(), v.capacity() * sizeof(T));
}

} // namespace factline::facts
