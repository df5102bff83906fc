#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "facts/json_reader.h"

namespace factline::server {

// What the readers of a workspace's small JSON files (the configuration, the review decisions)
// share: a JsonReader over the text, and errors and warnings that name the file, line, column and
// field. `Out` has `path`, `errors` and `warnings` (vectors of facts::LoadError).
template <class Out> class WorkspaceJsonReader {
protected:
  WorkspaceJsonReader(Out &out, std::string_view text) : out_(out), reader_(text), lines_(text) {}

  void syntax() {
    if (reader_.failed())
      error(reader_.errorOffset(), "", reader_.errorMessage());
  }
  facts::LoadError at(std::size_t offset, const std::string &field, std::string message) {
    facts::LoadError e;
    e.file = out_.path;
    const facts::TextPosition p = lines_.at(offset);
    e.line = p.line;
    e.column = p.column;
    e.offset = offset;
    e.json_path = field;
    e.message = std::move(message);
    return e;
  }
  void error(std::size_t offset, const std::string &field, std::string message) {
    out_.errors.push_back(at(offset, field, std::move(message)));
  }
  void warning(std::size_t offset, const std::string &field, std::string message) {
    out_.warnings.push_back(at(offset, field, std::move(message)));
  }

  Out &out_;
  facts::JsonReader reader_;
  facts::LineMap lines_;
};

} // namespace factline::server
