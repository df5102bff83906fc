// What every fuzz target shares: a failed property aborts (libFuzzer and the replay both see a
// crash), and a reader that turns the fuzzer's bytes into structured choices.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

// Not assert(): the property must hold in release builds too, where the replay tests run.
#define FUZZ_CHECK(cond)                                                                           \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);             \
      std::abort();                                                                                \
    }                                                                                              \
  } while (0)

namespace factline::fuzz {

// Consumes the input from the front; past the end every read gives zeros or empty strings, so a
// short input is still a complete (small) test.
class ByteReader {
public:
  ByteReader(const std::uint8_t *data, std::size_t size)
      : data_(reinterpret_cast<const char *>(data), size) {}

  bool empty() const { return pos_ >= data_.size(); }
  std::uint8_t byte() { return empty() ? 0 : static_cast<std::uint8_t>(data_[pos_++]); }
  std::uint32_t u16() { return byte() | (static_cast<std::uint32_t>(byte()) << 8); }
  // Bytes up to (not including) the next `stop` byte, or to the end.
  std::string_view until(char stop) {
    std::size_t begin = std::min(pos_, data_.size());
    std::size_t end = data_.find(stop, begin);
    if (end == std::string_view::npos)
      end = data_.size();
    pos_ = end + 1;
    return data_.substr(begin, end - begin);
  }
  std::string_view rest() {
    std::size_t begin = std::min(pos_, data_.size());
    pos_ = data_.size();
    return data_.substr(begin);
  }

private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

} // namespace factline::fuzz
