#pragma once

#include <cstddef>
#include <string>

namespace factline::server {

// Reads a small workspace file (a configuration, the review decisions) whole. A FIFO or device is
// refused, not waited on; a file larger than `limit` bytes is refused with `too_large` as the
// reason. On failure `error` says what went wrong ("cannot be read: ...", "is not a regular
// file", or too_large), worded to follow the file's name; `exists` says whether there is
// something at `path` at all (false for a missing file or folder, which is not an error).
bool readSmallFile(const std::string &path, std::size_t limit, const std::string &too_large,
                   std::string &text, std::string &error, bool &exists);

} // namespace factline::server
