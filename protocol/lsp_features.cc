// JSON for diagnostics, hovers, code actions, workspace edits and document symbols.
#include "protocol/lsp_features.h"

namespace factline::protocol {

json toJSON(const Diagnostic &d) {
  json j{{"range", toJSON(d.range)}, {"message", d.message}};
  if (d.severity)
    j["severity"] = static_cast<int>(*d.severity);
  if (!d.code.empty())
    j["code"] = d.code;
  if (!d.code_href.empty())
    j["codeDescription"] = {{"href", d.code_href}};
  if (!d.source.empty())
    j["source"] = d.source;
  if (!d.data.is_null())
    j["data"] = d.data;
  return j;
}

json toJSON(const PublishDiagnosticsParams &p) {
  json list = json::array();
  for (const auto &d : p.diagnostics)
    list.push_back(toJSON(d));
  json j{{"uri", p.uri}, {"diagnostics", list}};
  if (p.version)
    j["version"] = *p.version;
  return j;
}

EncodedJson fullDiagnosticReport(std::string_view result_id, std::string_view items) {
  std::string out = R"({"items":)";
  out += items;
  out += R"(,"kind":"full","resultId":)";
  out += dumpJson(json(result_id));
  out += '}';
  return {std::move(out)};
}

EncodedJson unchangedDiagnosticReport(std::string_view result_id) {
  return {dumpJson(json{{"kind", "unchanged"}, {"resultId", result_id}})};
}

EncodedJson publishDiagnosticsParams(std::string_view uri, std::optional<std::int64_t> version,
                                     std::string_view items) {
  std::string out = R"({"diagnostics":)";
  out += items;
  out += R"(,"uri":)";
  out += dumpJson(json(uri));
  if (version) {
    out += R"(,"version":)";
    out += std::to_string(*version);
  }
  out += '}';
  return {std::move(out)};
}

bool fromJSON(const json &value, DocumentDiagnosticParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("textDocument", out.textDocument) &&
         o.mapOptional("identifier", out.identifier) &&
         o.mapOptional("previousResultId", out.previousResultId);
}

json toJSON(const Hover &h) {
  json j{{"contents", {{"kind", h.contents.kind}, {"value", h.contents.value}}}};
  if (h.range)
    j["range"] = toJSON(*h.range);
  return j;
}

json toJSON(const TextEdit &e) { return json{{"range", toJSON(e.range)}, {"newText", e.newText}}; }

json toJSON(const WorkspaceEdit &e) {
  auto edits = [](const std::vector<TextEdit> &list) {
    json a = json::array();
    for (const auto &t : list)
      a.push_back(toJSON(t));
    return a;
  };
  if (e.version) {
    json changes = json::array();
    for (const auto &[uri, list] : e.changes)
      changes.push_back(
          json{{"textDocument", {{"uri", uri}, {"version", *e.version}}}, {"edits", edits(list)}});
    return json{{"documentChanges", changes}};
  }
  json changes = json::object();
  for (const auto &[uri, list] : e.changes)
    changes[uri] = edits(list);
  return json{{"changes", changes}};
}

json toJSON(const CodeAction &a) {
  json diags = json::array();
  for (const auto &d : a.diagnostics)
    diags.push_back(toJSON(d));
  json j{{"title", a.title}, {"kind", a.kind}};
  if (!a.edit.changes.empty() || !a.command)
    j["edit"] = toJSON(a.edit);
  if (a.command)
    j["command"] = *a.command;
  if (!a.diagnostics.empty())
    j["diagnostics"] = diags;
  if (a.isPreferred)
    j["isPreferred"] = true;
  return j;
}

json toJSON(const CodeActionParams &p) {
  json diags = json::array();
  for (const auto &d : p.context.diagnostics)
    diags.push_back(toJSON(d));
  json context{{"diagnostics", diags}};
  if (p.context.only)
    context["only"] = *p.context.only;
  return json{
      {"textDocument", toJSON(p.textDocument)}, {"range", toJSON(p.range)}, {"context", context}};
}

bool fromJSON(const json &value, Diagnostic &out, const JsonPath &path) {
  ObjectReader o(value, path);
  int severity = 0;
  if (!(o && o.map("range", out.range) && o.map("message", out.message) &&
        o.mapOptional("severity", severity) && o.mapOptional("source", out.source) &&
        o.mapOptional("data", out.data)))
    return false;
  if (severity >= 1 && severity <= 4)
    out.severity = static_cast<DiagnosticSeverity>(severity);
  if (auto c = value.find("code"); c != value.end())
    out.code = c->is_string() ? c->get<std::string>() : c->dump(); // codes may be integers
  return true;
}

bool fromJSON(const json &value, PublishDiagnosticsParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("uri", out.uri) && o.mapOptional("version", out.version) &&
         o.map("diagnostics", out.diagnostics);
}

bool fromJSON(const json &value, Hover &out, const JsonPath &path) {
  ObjectReader o(value, path);
  if (!(o && o.mapOptional("range", out.range)))
    return false;
  const json &c = value.contains("contents") ? value["contents"] : json();
  if (c.is_object()) {
    ObjectReader m(c, path.field("contents"));
    return m.map("kind", out.contents.kind) && m.map("value", out.contents.value);
  }
  return path.field("contents").report("expected MarkupContent");
}

bool fromJSON(const json &value, TextEdit &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("range", out.range) && o.map("newText", out.newText);
}

bool fromJSON(const json &value, CodeActionContext &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("diagnostics", out.diagnostics) && o.mapOptional("only", out.only);
}

bool fromJSON(const json &value, CodeActionParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("textDocument", out.textDocument) && o.map("range", out.range) &&
         o.map("context", out.context);
}

bool fromJSON(const json &value, CodeAction &out, const JsonPath &path) {
  ObjectReader o(value, path);
  if (!(o && o.map("title", out.title) && o.mapOptional("kind", out.kind) &&
        o.mapOptional("diagnostics", out.diagnostics) &&
        o.mapOptional("isPreferred", out.isPreferred)))
    return false;
  if (auto command = value.find("command"); command != value.end() && command->is_object())
    out.command = *command;
  // Both shapes of WorkspaceEdit, so tests can read back what the server wrote.
  auto edit = value.find("edit");
  if (edit == value.end() || !edit->is_object())
    return true;
  JsonPath ep = path.field("edit");
  if (auto changes = edit->find("changes"); changes != edit->end() && changes->is_object()) {
    for (auto it = changes->begin(); it != changes->end(); ++it)
      if (!fromJSON(it.value(), out.edit.changes[it.key()], ep.field("changes").field(it.key())))
        return false;
  }
  if (auto dc = edit->find("documentChanges"); dc != edit->end() && dc->is_array()) {
    for (std::size_t i = 0; i < dc->size(); ++i) {
      const json &entry = (*dc)[i];
      ObjectReader e(entry, ep.field("documentChanges").index(i));
      VersionedTextDocumentIdentifier id;
      std::vector<TextEdit> edits;
      if (!(e && e.map("textDocument", id) && e.map("edits", edits)))
        return false;
      out.edit.version = id.version;
      out.edit.changes[id.uri] = std::move(edits);
    }
  }
  return true;
}

bool fromJSON(const json &value, DocumentSymbolParams &out, const JsonPath &path) {
  ObjectReader o(value, path);
  return o && o.map("textDocument", out.textDocument);
}

json documentSymbolsJSON(const std::vector<DocumentSymbol> &symbols, const std::string &uri,
                         bool hierarchical) {
  json list = json::array();
  for (const auto &s : symbols) {
    if (hierarchical)
      list.push_back(json{{"name", s.name},
                          {"detail", s.detail},
                          {"kind", static_cast<int>(s.kind)},
                          {"range", toJSON(s.range)},
                          {"selectionRange", toJSON(s.selectionRange)}});
    else
      list.push_back(json{{"name", s.detail.empty() ? s.name : s.name + " \u2014 " + s.detail},
                          {"kind", static_cast<int>(s.kind)},
                          {"location", {{"uri", uri}, {"range", toJSON(s.range)}}}});
  }
  return list;
}

} // namespace factline::protocol
