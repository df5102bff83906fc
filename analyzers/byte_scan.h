// findByte: the next byte of interest in a draft's text, 16 bytes a step.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace factline::analyzers {

// The first offset at or after `from` whose byte is one of `Bytes` or, when `kHigh`, any byte of
// 0x80 or more (a multi-byte character's); s.size() when there is none. Sixteen bytes a step with
// the compiler's vector extensions (SSE2 on x86-64, NEON on ARM), where a loop of a byte a step
// spent seven instructions a byte of the draft.
template <bool kHigh, unsigned char... Bytes>
std::size_t findByte(std::string_view s, std::size_t from) {
  using Bytes16 = unsigned char __attribute__((vector_size(16)));
  using Lanes16 = signed char __attribute__((vector_size(16))); // a comparison's -1 or 0 a byte
  const std::size_t n = s.size();
  std::size_t i = from;
  for (; i + 16 <= n; i += 16) {
    Bytes16 v;
    std::memcpy(&v, s.data() + i, 16);
    Lanes16 hit = kHigh ? static_cast<Lanes16>(v >= static_cast<unsigned char>(0x80)) : Lanes16{};
    ((hit |= static_cast<Lanes16>(v == Bytes)), ...);
    std::uint64_t halves[2];
    std::memcpy(halves, &hit, 16);
    if (halves[0] | halves[1])
      break; // the first such byte is among these 16
  }
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((kHigh && c >= 0x80) || ((c == Bytes) || ...))
      return i;
  }
  return n;
}

} // namespace factline::analyzers
