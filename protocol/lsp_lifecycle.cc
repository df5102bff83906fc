// JSON for the lifecycle and workspace structs, and the capabilities the server announces.
#include "protocol/lsp_lifecycle.h"

namespace factline::protocol {
namespace {

// The value at a path of object keys, or null when any step is missing or not an object.
const json &at(const json &root, std::initializer_list<const char *> keys) {
  static const json null_value;
  const json *v = &root;
  for (const char *k : keys) {
    if (!v->is_object())
      return null_value;
    auto it = v->find(k);
    if (it == v->end())
      return null_value;
    v = &*it;
  }
  return *v;
}

bool flag(const json &root, std::initializer_list<const char *> keys) {
  const json &v = at(root, keys);
  return v.is_boolean() && v.get<bool>();
}

} // namespace

ClientCapabilities readClientCapabilities(const json &c) {
  ClientCapabilities caps;
  if (const json &enc = at(c, {"general", "positionEncodings"}); enc.is_array())
    for (const auto &e : enc)
      if (e.is_string())
        caps.positionEncodings.push_back(e.get<std::string>());
  caps.workspaceConfiguration = flag(c, {"workspace", "configuration"});
  caps.watchedFilesDynamicRegistration =
      flag(c, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  caps.diagnosticVersionSupport = flag(c, {"textDocument", "publishDiagnostics", "versionSupport"});
  if (const json &formats = at(c, {"textDocument", "hover", "contentFormat"}); formats.is_array())
    for (const auto &f : formats)
      caps.hoverMarkdown = caps.hoverMarkdown || f == "markdown";
  caps.codeActionLiterals =
      at(c, {"textDocument", "codeAction", "codeActionLiteralSupport"}).is_object();
  caps.documentChanges = flag(c, {"workspace", "workspaceEdit", "documentChanges"});
  if (const json &ops = at(c, {"workspace", "workspaceEdit", "resourceOperations"}); ops.is_array())
    for (const auto &op : ops)
      caps.createFiles = caps.createFiles || op == "create";
  caps.applyEdit = flag(c, {"workspace", "applyEdit"});
  caps.hierarchicalDocumentSymbols =
      flag(c, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  caps.pullDiagnostics = at(c, {"textDocument", "diagnostic"}).is_object();
  caps.diagnosticRefresh = flag(c, {"workspace", "diagnostics", "refreshSupport"});
  return caps;
}

bool fromJSON(const json &value, WorkspaceFolder &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("uri", out.uri) && o.mapOptional("name", out.name);
}

bool fromJSON(const json &value, InitializeParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  if (!(o && o.mapOptional("processId", out.processId) && o.mapOptional("rootUri", out.rootUri) &&
        o.mapOptional("rootPath", out.rootPath) &&
        o.mapOptional("workspaceFolders", out.workspaceFolders) &&
        o.mapOptional("initializationOptions", out.initializationOptions)))
    return false;
  if (auto it = value.find("capabilities"); it != value.end())
    out.capabilities = readClientCapabilities(*it);
  return true;
}

bool fromJSON(const json &value, DidChangeConfigurationParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.mapOptional("settings", out.settings);
}

bool fromJSON(const json &value, CancelParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  if (!(o && o.map("id", out.id)))
    return false;
  if (!out.id.is_number_integer() && !out.id.is_string())
    return path.field("id").report("expected an integer or a string");
  return true;
}

bool fromJSON(const json &value, FileEvent &out, const JsonPath &path) {
  ObjectReader o(value, path);
  int type = 0;
  if (!(o && o.map("uri", out.uri) && o.map("type", type)))
    return false;
  if (type < 1 || type > 3)
    return path.field("type").report("expected 1 (created), 2 (changed) or 3 (deleted)");
  out.type = static_cast<FileChangeType>(type);
  return true;
}

bool fromJSON(const json &value, DidChangeWatchedFilesParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("changes", out.changes);
}

bool fromJSON(const json &value, ConfigurationItem &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.mapOptional("scopeUri", out.scopeUri) && o.mapOptional("section", out.section);
}

bool fromJSON(const json &value, ConfigurationParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("items", out.items);
}

bool fromJSON(const json &value, ShowMessageParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  int type = 0;
  if (!(o && o.map("type", type) && o.map("message", out.message)))
    return false;
  out.type = static_cast<MessageType>(type);
  return true;
}

json toJSON(const InitializeResult &result) {
  json capabilities{
      {"positionEncoding", encodingName(result.positionEncoding)},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2 /* Incremental */}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
      {"documentSymbolProvider", {{"label", "Factline review"}}},
      {"executeCommandProvider", {{"commands", result.commands}}},
      // Pull diagnostics (LSP 3.17): a draft's diagnostics depend on it and the fact bases only.
      {"diagnosticProvider",
       {{"identifier", "factline"}, {"interFileDependencies", false},
        {"workspaceDiagnostics", false}}},
  };
  return json{{"capabilities", capabilities},
              {"serverInfo", {{"name", result.serverName}, {"version", result.serverVersion}}}};
}

json toJSON(const ConfigurationParams &params) {
  json items = json::array();
  for (const auto &item : params.items) {
    json j = json::object();
    if (item.scopeUri)
      j["scopeUri"] = *item.scopeUri;
    if (item.section)
      j["section"] = *item.section;
    items.push_back(j);
  }
  return json{{"items", items}};
}

json toJSON(const ShowMessageParams &params) {
  return json{{"type", static_cast<int>(params.type)}, {"message", params.message}};
}

json toJSON(const std::vector<Registration> &registrations) {
  json list = json::array();
  for (const auto &r : registrations) {
    json j{{"id", r.id}, {"method", r.method}};
    if (!r.registerOptions.is_null())
      j["registerOptions"] = r.registerOptions;
    list.push_back(j);
  }
  return json{{"registrations", list}};
}

json toJSON(const std::vector<Unregistration> &unregistrations) {
  json list = json::array();
  for (const auto &u : unregistrations)
    list.push_back(json{{"id", u.id}, {"method", u.method}});
  // The spec spells the field this way, for compatibility with its first release.
  return json{{"unregisterations", list}};
}

} // namespace factline::protocol
