// Text: a string field of a quote or a figure, viewing bytes its fact base holds.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace factline::facts {

// A million quotes and a million figures hold some twenty million strings. Owned one by one, each
// long one costs an allocation and a copy at load, and 32 bytes of header besides. A Text is only
// a view (16 bytes) of bytes kept by the FactBase the entry belongs to: an arena of the strings
// its parser read, or the mapped snapshot it was read from. It reads like a std::string_view.
//
// A Text is made from a string literal (static bytes), or by the base that keeps its bytes
// (FactBase::keep). It cannot be made from a std::string, whose bytes would die with it.
class Text : public std::string_view {
public:
  constexpr Text() = default;
  template <std::size_t N>
  constexpr Text(const char (&literal)[N]) // NOLINT: literals are static
      : std::string_view(literal, N - 1) {}
  Text(std::string &&) = delete;
  Text(const std::string &) = delete;

  // Bytes whose owner the caller keeps alive as long as the Text is used: the storage of a base.
  static constexpr Text viewing(std::string_view held) { return Text(held); }

  std::string str() const { return std::string(*this); }
  // A copy, where a std::string is wanted (messages, hovers): explicit, so that no copy is hidden
  // and no const std::string & binds to a temporary one.
  explicit operator std::string() const { return str(); }

private:
  constexpr explicit Text(std::string_view held) : std::string_view(held) {}
};

// Joined into messages like a std::string.
inline std::string operator+(const Text &a, std::string_view b) { return a.str().append(b); }
inline std::string operator+(const Text &a, const char *b) { return a.str().append(b); }
inline std::string operator+(const Text &a, const std::string &b) { return a.str().append(b); }
inline std::string operator+(const Text &a, const Text &b) { return a.str().append(b); }
inline std::string operator+(const char *a, const Text &b) { return std::string(a).append(b); }
inline std::string operator+(const std::string &a, const Text &b) {
  return std::string(a).append(b);
}
inline std::string operator+(std::string &&a, const Text &b) { return std::move(a.append(b)); }

// Where a base's parser copies the strings it reads: blocks that never move, so that the Texts
// viewing them stay valid while the arena lives (a FactBase shares it with its copies and with
// the bases it is merged into).
class TextArena {
public:
  Text keep(std::string_view s) {
    if (s.empty())
      return {};
    if (s.size() > room_) {
      // Blocks grow from 64 KiB (the bundled base, a copy's few edits) to 32 MiB (a million
      // quotes' 500 MB in a few dozen); their bytes are not zeroed first, only written.
      const std::size_t size = std::max(next_block_, s.size());
      next_block_ = std::min(next_block_ * 2, kMaxBlock);
      blocks_.push_back(std::unique_ptr<char[]>(new char[size]));
      next_ = blocks_.back().get();
      room_ = size;
    }
    std::memcpy(next_, s.data(), s.size());
    const Text t = Text::viewing({next_, s.size()});
    next_ += s.size();
    room_ -= s.size();
    return t;
  }

private:
  static constexpr std::size_t kMaxBlock = std::size_t{32} << 20;
  std::size_t next_block_ = std::size_t{64} << 10;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char *next_ = nullptr;
  std::size_t room_ = 0;
};

} // namespace factline::facts
