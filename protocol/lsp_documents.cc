// JSON for the text document synchronisation structs.
#include "protocol/lsp_documents.h"

namespace factline::protocol {

bool fromJSON(const json &value, TextDocumentIdentifier &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("uri", out.uri);
}

bool fromJSON(const json &value, VersionedTextDocumentIdentifier &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("uri", out.uri) && o.map("version", out.version);
}

bool fromJSON(const json &value, TextDocumentItem &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("uri", out.uri) && o.map("languageId", out.languageId) &&
         o.map("version", out.version) && o.map("text", out.text);
}

bool fromJSON(const json &value, TextDocumentContentChangeEvent &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.mapOptional("range", out.range) && o.map("text", out.text);
}

bool fromJSON(const json &value, DidOpenTextDocumentParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("textDocument", out.textDocument);
}

bool fromJSON(const json &value, DidChangeTextDocumentParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("textDocument", out.textDocument) &&
         o.map("contentChanges", out.contentChanges);
}

bool fromJSON(const json &value, DidCloseTextDocumentParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("textDocument", out.textDocument);
}

bool fromJSON(const json &value, DidSaveTextDocumentParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("textDocument", out.textDocument) && o.mapOptional("text", out.text);
}

bool fromJSON(const json &value, TextDocumentPositionParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("textDocument", out.textDocument) && o.map("position", out.position);
}

json toJSON(const TextDocumentIdentifier &id) { return json{{"uri", id.uri}}; }

json toJSON(const VersionedTextDocumentIdentifier &id) {
  return json{{"uri", id.uri}, {"version", id.version}};
}

json toJSON(const TextDocumentItem &item) {
  return json{{"uri", item.uri},
              {"languageId", item.languageId},
              {"version", item.version},
              {"text", item.text}};
}

json toJSON(const TextDocumentContentChangeEvent &change) {
  json j{{"text", change.text}};
  if (change.range)
    j["range"] = toJSON(*change.range);
  return j;
}

json toJSON(const DidOpenTextDocumentParams &params) {
  return json{{"textDocument", toJSON(params.textDocument)}};
}

json toJSON(const DidChangeTextDocumentParams &params) {
  json changes = json::array();
  for (const auto &c : params.contentChanges)
    changes.push_back(toJSON(c));
  return json{{"textDocument", toJSON(params.textDocument)}, {"contentChanges", changes}};
}

json toJSON(const DidCloseTextDocumentParams &params) {
  return json{{"textDocument", toJSON(params.textDocument)}};
}

json toJSON(const TextDocumentPositionParams &params) {
  return json{{"textDocument", toJSON(params.textDocument)}, {"position", toJSON(params.position)}};
}

} // namespace factline::protocol
