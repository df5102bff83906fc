// Reading typed values out of JSON with the path and reason of the first mismatch, for -32602.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace factline::protocol {

using json = nlohmann::json;

// Where reading has got to inside a value ("params.contentChanges[1].range.start.line"), and
// the first error found anywhere below the root. Cheap to copy; children share the root's error.
class JsonPath {
public:
  explicit JsonPath(std::string root = "params")
      : error_(std::make_shared<std::string>()), path_(std::move(root)) {}

  JsonPath field(std::string_view key) const;
  JsonPath index(std::size_t i) const;

  // Records "<path>: <what>" unless an earlier error was recorded. Returns false, for chaining.
  bool report(std::string_view what) const;
  const std::string &error() const { return *error_; }
  const std::string &str() const { return path_; }

private:
  JsonPath(std::shared_ptr<std::string> error, std::string path)
      : error_(std::move(error)), path_(std::move(path)) {}
  std::shared_ptr<std::string> error_;
  std::string path_;
};

// JSON's type name for error messages ("a string", "null").
std::string describeJsonType(const json &value);

bool fromJSON(const json &value, std::string &out, const JsonPath &path);
bool fromJSON(const json &value, bool &out, const JsonPath &path);
bool fromJSON(const json &value, int &out, const JsonPath &path);
bool fromJSON(const json &value, std::int64_t &out, const JsonPath &path);
bool fromJSON(const json &value, std::uint32_t &out, const JsonPath &path);
bool fromJSON(const json &value, double &out, const JsonPath &path);
bool fromJSON(const json &value, json &out, const JsonPath &path);

template <typename T> bool fromJSON(const json &value, std::vector<T> &out, const JsonPath &path) {
  if (!value.is_array())
    return path.report("expected an array, got " + describeJsonType(value));
  out.clear();
  out.resize(value.size());
  for (std::size_t i = 0; i < value.size(); ++i)
    if (!fromJSON(value[i], out[i], path.index(i)))
      return false;
  return true;
}

template <typename T>
bool fromJSON(const json &value, std::optional<T> &out, const JsonPath &path) {
  if (value.is_null()) {
    out.reset();
    return true;
  }
  T t{};
  if (!fromJSON(value, t, path))
    return false;
  out = std::move(t);
  return true;
}

// Reads the fields of one JSON object, like clangd's ObjectMapper:
//   ObjectReader o(value, path);
//   return o && o.map("uri", p.uri) && o.mapOptional("version", p.version);
class ObjectReader {
public:
  ObjectReader(const json &value, JsonPath path) : value_(value), path_(std::move(path)) {
    if (!value_.is_object())
      path_.report("expected an object, got " + describeJsonType(value_));
  }
  explicit operator bool() const { return value_.is_object(); }

  // A field that must be present (null is accepted only where T is optional).
  template <typename T> bool map(const char *key, T &out) {
    auto it = value_.find(key);
    if (it == value_.end())
      return path_.field(key).report("required field is missing");
    return fromJSON(*it, out, path_.field(key));
  }
  // A field that may be absent or null; `out` keeps its default then.
  template <typename T> bool mapOptional(const char *key, T &out) {
    auto it = value_.find(key);
    if (it == value_.end() || it->is_null())
      return true;
    return fromJSON(*it, out, path_.field(key));
  }

private:
  const json &value_;
  JsonPath path_;
};

} // namespace factline::protocol
