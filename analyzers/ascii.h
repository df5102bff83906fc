// ASCII character classes, inline: what <cctype>'s are in the "C" locale Factline runs in (it
// never calls setlocale), without a call into the C library for every character of a draft.
#pragma once
#include <string>
#include <string_view>

namespace factline::analyzers {

inline constexpr bool kAsciiAlnum[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0};

constexpr bool isAsciiAlnum(unsigned c) { return c < 128 && kAsciiAlnum[c]; }
constexpr char asciiLower(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}
// ASCII letters lower-cased, other bytes kept: how record fields are compared with draft words.
inline std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    c = asciiLower(static_cast<unsigned char>(c));
  return out;
}

} // namespace factline::analyzers
