// LSP positions and ranges, and the position encodings (utf-8, utf-16, utf-32) they are counted in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/json_path.h"

namespace factline::protocol {

// What a Position's `character` counts: UTF-8 bytes, UTF-16 code units or code points.
enum class PositionEncoding { Utf8, Utf16, Utf32 };

std::string_view encodingName(PositionEncoding encoding); // "utf-8", "utf-16", "utf-32"
std::optional<PositionEncoding> parseEncoding(std::string_view name);

// The encoding to use given the client's `general.positionEncodings`, in the client's order of
// preference; UTF-16 when the client offers none we support (the spec's mandatory default).
PositionEncoding negotiateEncoding(const std::vector<std::string> &offered);

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  bool operator==(const Position &) const = default;
  auto operator<=>(const Position &) const = default;
};

struct Range {
  Position start;
  Position end;
  bool operator==(const Range &) const = default;
};

json toJSON(const Position &p);
json toJSON(const Range &r);
bool fromJSON(const json &value, Position &out, const JsonPath &path);
bool fromJSON(const json &value, Range &out, const JsonPath &path);

} // namespace factline::protocol
