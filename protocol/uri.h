// file:// URIs to local paths and back (RFC 8089, percent-encoding as VS Code writes it).
#pragma once
#include <string>
#include <string_view>

#include "protocol/expected.h"

namespace factline::protocol {

// The local path of a file: URI ("file:///home/a/b%20c.md" -> "/home/a/b c.md"), or why not
// (another scheme, a remote host, a bad escape).
Expected<std::string, std::string> uriToPath(std::string_view uri);

// The file: URI of an absolute path, escaping what RFC 3986 does not allow in a path.
std::string pathToUri(std::string_view absolute_path);

} // namespace factline::protocol
