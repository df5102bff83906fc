// Logging set-up for the server: spdlog to stderr or a file, never to stdout (the protocol's).
#pragma once
#include <string>

#include "protocol/expected.h"

namespace factline::server {

// Makes the default spdlog logger write to `file` (appending) or, when empty, to stderr, at
// `level` ("trace" ... "off"). Call once, before any other thread starts.
protocol::Expected<void, std::string> configureLogging(const std::string &file,
                                                       const std::string &level);

} // namespace factline::server
