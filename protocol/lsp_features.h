// LSP language features the server offers: diagnostics, hover, code actions, workspace edits and
// document symbols.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "protocol/json_path.h"
#include "protocol/json_rpc.h"
#include "protocol/lsp_documents.h"
#include "protocol/position.h"

namespace factline::protocol {

enum class DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct Diagnostic {
  Range range;
  std::optional<DiagnosticSeverity> severity;
  std::string code;   // the rule
  std::string code_href; // codeDescription.href: the rule's explanation; empty: none
  std::string source; // "factline"
  std::string message;
  json data; // carried back in codeAction requests; null when absent
  bool operator==(const Diagnostic &) const = default;
};

struct PublishDiagnosticsParams {
  std::string uri;
  std::optional<std::int64_t> version;
  std::vector<Diagnostic> diagnostics;
};

// textDocument/diagnostic (LSP 3.17 pull diagnostics): the client asks for a document's
// diagnostics, naming the result it holds; the answer is either every diagnostic under a new
// resultId ("full") or that the one it holds is still right ("unchanged").
struct DocumentDiagnosticParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> identifier;
  std::optional<std::string> previousResultId;
};

// The reports and the push notification, around a diagnostics array already encoded as JSON text
// (`items`: "[...]"), so that a draft's diagnostics are written once and never parsed back.
EncodedJson fullDiagnosticReport(std::string_view result_id, std::string_view items);
EncodedJson unchangedDiagnosticReport(std::string_view result_id);
EncodedJson publishDiagnosticsParams(std::string_view uri, std::optional<std::int64_t> version,
                                     std::string_view items);

struct MarkupContent {
  std::string kind = "markdown"; // or "plaintext"
  std::string value;
};

struct Hover {
  MarkupContent contents;
  std::optional<Range> range;
};

struct TextEdit {
  Range range;
  std::string newText;
};

// Edits to documents: keyed by URI, or (when the client supports it) pinned to the document
// version they were computed against, so a client applying them late refuses rather than corrupts.
struct WorkspaceEdit {
  std::map<std::string, std::vector<TextEdit>> changes;
  std::optional<std::int64_t> version; // set: written as documentChanges with this version
};

struct CodeActionContext {
  std::vector<Diagnostic> diagnostics;
  std::optional<std::vector<std::string>> only;
};

struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
  CodeActionContext context;
};

struct CodeAction {
  std::string title;
  std::string kind = "quickfix";
  std::vector<Diagnostic> diagnostics;
  bool isPreferred = false;
  WorkspaceEdit edit;              // written when it has changes
  std::optional<json> command;     // a Command ({title, command, arguments}) run after the edit
};

// textDocument/documentSymbol: the draft's checked quotes and figures, as its outline.
struct DocumentSymbolParams {
  TextDocumentIdentifier textDocument;
};

enum class SymbolKind { String = 15, Number = 16 };

struct DocumentSymbol {
  std::string name;
  std::string detail;
  SymbolKind kind = SymbolKind::String;
  Range range;
  Range selectionRange;
};

// DocumentSymbol[] for clients with hierarchicalDocumentSymbolSupport, else the older
// SymbolInformation[] (name, kind, location), which every client understands.
json documentSymbolsJSON(const std::vector<DocumentSymbol> &symbols, const std::string &uri,
                         bool hierarchical);

json toJSON(const Diagnostic &d);
json toJSON(const PublishDiagnosticsParams &p);
json toJSON(const Hover &h);
json toJSON(const TextEdit &e);
json toJSON(const WorkspaceEdit &e);
json toJSON(const CodeAction &a);
json toJSON(const CodeActionParams &p);

bool fromJSON(const json &value, Diagnostic &out, const JsonPath &path);
bool fromJSON(const json &value, PublishDiagnosticsParams &out, const JsonPath &path);
bool fromJSON(const json &value, Hover &out, const JsonPath &path);
bool fromJSON(const json &value, TextEdit &out, const JsonPath &path);
bool fromJSON(const json &value, CodeActionContext &out, const JsonPath &path);
bool fromJSON(const json &value, CodeActionParams &out, const JsonPath &path);
bool fromJSON(const json &value, CodeAction &out, const JsonPath &path);
bool fromJSON(const json &value, DocumentSymbolParams &out, const JsonPath &path);
bool fromJSON(const json &value, DocumentDiagnosticParams &out, const JsonPath &path);

} // namespace factline::protocol
