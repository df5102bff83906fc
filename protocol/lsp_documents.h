// LSP text document synchronisation: document identifiers and open/change/close/save parameters.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/json_path.h"
#include "protocol/position.h"

namespace factline::protocol {

struct TextDocumentIdentifier {
  std::string uri;
};

struct VersionedTextDocumentIdentifier {
  std::string uri;
  std::int64_t version = 0;
};

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  std::int64_t version = 0;
  std::string text;
};

// One edit: `range` replaced by `text`, or (no range) the whole new text.
struct TextDocumentContentChangeEvent {
  std::optional<Range> range;
  std::string text;
};

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges; // applied in order
};

struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
};

struct DidSaveTextDocumentParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> text;
};

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};

bool fromJSON(const json &value, TextDocumentIdentifier &out, const JsonPath &path);
bool fromJSON(const json &value, VersionedTextDocumentIdentifier &out, const JsonPath &path);
bool fromJSON(const json &value, TextDocumentItem &out, const JsonPath &path);
bool fromJSON(const json &value, TextDocumentContentChangeEvent &out, const JsonPath &path);
bool fromJSON(const json &value, DidOpenTextDocumentParams &out, const JsonPath &path);
bool fromJSON(const json &value, DidChangeTextDocumentParams &out, const JsonPath &path);
bool fromJSON(const json &value, DidCloseTextDocumentParams &out, const JsonPath &path);
bool fromJSON(const json &value, DidSaveTextDocumentParams &out, const JsonPath &path);
bool fromJSON(const json &value, TextDocumentPositionParams &out, const JsonPath &path);

json toJSON(const TextDocumentIdentifier &id);
json toJSON(const VersionedTextDocumentIdentifier &id);
json toJSON(const TextDocumentItem &item);
json toJSON(const TextDocumentContentChangeEvent &change);
json toJSON(const DidOpenTextDocumentParams &params);
json toJSON(const DidChangeTextDocumentParams &params);
json toJSON(const DidCloseTextDocumentParams &params);
json toJSON(const TextDocumentPositionParams &params);

} // namespace factline::protocol
