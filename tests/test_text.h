// Texts for the quotes and figures tests build by hand, outside any base's parser: their bytes
// are kept for the whole test run (facts/text.h: a Text only views bytes someone keeps).
#pragma once
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "facts/text.h"

namespace factline::testing {

inline facts::Text kept(std::string_view s) {
  static std::mutex guard;
  static facts::TextArena arena;
  std::lock_guard lock(guard);
  return arena.keep(s);
}

inline std::vector<facts::Text> kept(const std::vector<std::string> &items) {
  std::vector<facts::Text> out;
  for (const std::string &s : items)
    out.push_back(kept(s));
  return out;
}

} // namespace factline::testing
