// Position encodings by name, their negotiation, and Position/Range JSON.
#include "protocol/position.h"

namespace factline::protocol {

std::string_view encodingName(PositionEncoding encoding) {
  switch (encoding) {
  case PositionEncoding::Utf8:
    return "utf-8";
  case PositionEncoding::Utf32:
    return "utf-32";
  case PositionEncoding::Utf16:
    break;
  }
  return "utf-16";
}

std::optional<PositionEncoding> parseEncoding(std::string_view name) {
  if (name == "utf-8")
    return PositionEncoding::Utf8;
  if (name == "utf-16")
    return PositionEncoding::Utf16;
  if (name == "utf-32")
    return PositionEncoding::Utf32;
  return std::nullopt;
}

PositionEncoding negotiateEncoding(const std::vector<std::string> &offered) {
  for (const auto &name : offered)
    if (auto e = parseEncoding(name))
      return *e;
  return PositionEncoding::Utf16;
}

json toJSON(const Position &p) { return json{{"line", p.line}, {"character", p.character}}; }

json toJSON(const Range &r) { return json{{"start", toJSON(r.start)}, {"end", toJSON(r.end)}}; }

bool fromJSON(const json &value, Position &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("line", out.line) && o.map("character", out.character);
}

bool fromJSON(const json &value, Range &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("start", out.start) && o.map("end", out.end);
}

} // namespace factline::protocol
