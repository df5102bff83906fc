// Reading and writing a fact base file as ordered JSON for the commands that rewrite one.
#include "server/base_json.h"

#include "facts/replacing_file.h"

namespace factline::server {

bool parseBaseJson(const std::string &text, BaseJson &out, std::string &error) {
  try {
    out = BaseJson::parse(text);
  } catch (const nlohmann::json::exception &e) {
    error = e.what();
    return false;
  }
  if (!out.is_object()) {
    error = "not a JSON object";
    return false;
  }
  return true;
}

std::string renderBaseJson(const BaseJson &base) {
  std::string out = "{\n";
  bool first = true;
  for (const auto &[key, value] : base.items()) {
    out += first ? "  " : ",\n  ";
    first = false;
    out += BaseJson(key).dump() + ": ";
    if (value.is_array() && !value.empty()) {
      out += "[\n";
      for (std::size_t i = 0; i < value.size(); ++i)
        out += "    " + value[i].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
               (i + 1 < value.size() ? ",\n" : "\n");
      out += "  ]";
    } else {
      out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  out += "\n}\n";
  return out;
}

bool replaceFile(const std::string &path, const std::string &text, std::string &error) {
  auto file = facts::ReplacingFile::open(path, error);
  if (!file)
    return false;
  if (std::fwrite(text.data(), 1, text.size(), file->file()) != text.size()) {
    error = "write failed";
    return false;
  }
  return file->commit(error);
}

} // namespace factline::server
