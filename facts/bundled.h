// The fact bases compiled into the binary from facts/bundled/*.json (see cmake/embed_files.cmake).
#pragma once
#include <string_view>
#include <vector>

namespace factline::facts {

struct EmbeddedFile {
  std::string_view name; // file name, e.g. "cambridge-analytica-2018.json"
  std::string_view text; // the file's bytes
};

// In file-name order. Thread-safe (a function-local static).
const std::vector<EmbeddedFile> &bundledBases();

} // namespace factline::facts
