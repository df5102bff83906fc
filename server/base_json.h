// A fact base file as editable JSON, for the commands that rewrite one (facts import, facts
// review): every field and entry they do not touch is kept as it was, in its order.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace factline::server {

using BaseJson = nlohmann::ordered_json;

// Parses `text` (a base that has already loaded without errors); false with `error` otherwise.
bool parseBaseJson(const std::string &text, BaseJson &out, std::string &error);

// The layout the commands write: the top-level fields in order, each list one entry a line, so
// that a re-import shows in a diff as the lines it changed.
std::string renderBaseJson(const BaseJson &base);

// Writes `text` to `path` through a temporary file renamed over it (facts/replacing_file.h): a
// failed write leaves the old file as it was. False with `error` saying why.
bool replaceFile(const std::string &path, const std::string &text, std::string &error);

} // namespace factline::server
