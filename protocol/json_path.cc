// JsonPath and the fromJSON overloads for JSON's scalar types.
#include "protocol/json_path.h"

#include <cmath>
#include <limits>

namespace factline::protocol {

JsonPath JsonPath::field(std::string_view key) const {
  return JsonPath(error_, path_ + "." + std::string(key));
}

JsonPath JsonPath::index(std::size_t i) const {
  return JsonPath(error_, path_ + "[" + std::to_string(i) + "]");
}

bool JsonPath::report(std::string_view what) const {
  if (error_->empty())
    *error_ = path_ + ": " + std::string(what);
  return false;
}

std::string describeJsonType(const json &value) {
  switch (value.type()) {
  case json::value_t::null:
    return "null";
  case json::value_t::boolean:
    return "a boolean";
  case json::value_t::string:
    return "a string";
  case json::value_t::array:
    return "an array";
  case json::value_t::object:
    return "an object";
  case json::value_t::number_float:
    return "a number with a fraction";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
    return "an integer";
  default:
    return "a value of another type";
  }
}

bool fromJSON(const json &value, std::string &out, const JsonPath &path) {
  if (!value.is_string())
    return path.report("expected a string, got " + describeJsonType(value));
  out = value.get<std::string>();
  return true;
}

bool fromJSON(const json &value, bool &out, const JsonPath &path) {
  if (!value.is_boolean())
    return path.report("expected a boolean, got " + describeJsonType(value));
  out = value.get<bool>();
  return true;
}

namespace {
template <typename Int> bool readInteger(const json &value, Int &out, const JsonPath &path) {
  if (!value.is_number_integer())
    return path.report("expected an integer, got " + describeJsonType(value));
  if (value.is_number_unsigned()) {
    auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<Int>::max()))
      return path.report("integer " + std::to_string(u) + " is out of range");
    out = static_cast<Int>(u);
    return true;
  }
  auto i = value.get<std::int64_t>();
  if (i < static_cast<std::int64_t>(std::numeric_limits<Int>::min()) ||
      (i > 0 &&
       static_cast<std::uint64_t>(i) > static_cast<std::uint64_t>(std::numeric_limits<Int>::max())))
    return path.report("integer " + std::to_string(i) + " is out of range");
  out = static_cast<Int>(i);
  return true;
}
} // namespace

bool fromJSON(const json &value, int &out, const JsonPath &path) {
  return readInteger(value, out, path);
}
bool fromJSON(const json &value, std::int64_t &out, const JsonPath &path) {
  return readInteger(value, out, path);
}
bool fromJSON(const json &value, std::uint32_t &out, const JsonPath &path) {
  return readInteger(value, out, path);
}

bool fromJSON(const json &value, double &out, const JsonPath &path) {
  if (!value.is_number())
    return path.report("expected a number, got " + describeJsonType(value));
  out = value.get<double>();
  return true;
}

bool fromJSON(const json &value, json &out, const JsonPath &) {
  out = value;
  return true;
}

} // namespace factline::protocol
