// LSP lifecycle and workspace structs: initialize, capabilities, configuration, registration.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/json_path.h"
#include "protocol/position.h"

namespace factline::protocol {

// The parts of the client's capabilities the server acts on. Read leniently: a capability of the
// wrong type counts as absent, because a client's quirks must not fail `initialize`.
struct ClientCapabilities {
  std::vector<std::string> positionEncodings; // general.positionEncodings
  bool workspaceConfiguration = false;        // workspace.configuration
  bool watchedFilesDynamicRegistration = false;
  bool diagnosticVersionSupport = false;    // textDocument.publishDiagnostics.versionSupport
  bool hoverMarkdown = false;               // textDocument.hover.contentFormat has "markdown"
  bool codeActionLiterals = false;          // textDocument.codeAction.codeActionLiteralSupport
  bool documentChanges = false;             // workspace.workspaceEdit.documentChanges
  bool createFiles = false;                 // workspace.workspaceEdit.resourceOperations has "create"
  bool applyEdit = false;                   // workspace.applyEdit
  bool hierarchicalDocumentSymbols = false; // textDocument.documentSymbol.hierarchical...Support
  // textDocument.diagnostic: the client pulls diagnostics (LSP 3.17), so none are pushed to it.
  bool pullDiagnostics = false;
  bool diagnosticRefresh = false; // workspace.diagnostics.refreshSupport
};

struct WorkspaceFolder {
  std::string uri;
  std::string name;
};

struct InitializeParams {
  std::optional<std::int64_t> processId;
  std::optional<std::string> rootUri;
  std::optional<std::string> rootPath;
  std::optional<std::vector<WorkspaceFolder>> workspaceFolders;
  ClientCapabilities capabilities;
  json initializationOptions;
};

// What the server tells the client it does.
struct InitializeResult {
  PositionEncoding positionEncoding = PositionEncoding::Utf16;
  std::string serverName = "factline";
  std::string serverVersion;
  std::vector<std::string> commands; // executeCommandProvider.commands
};

struct ConfigurationItem {
  std::optional<std::string> scopeUri;
  std::optional<std::string> section;
};

struct ConfigurationParams {
  std::vector<ConfigurationItem> items;
};

struct DidChangeConfigurationParams {
  json settings;
};

struct Registration {
  std::string id;
  std::string method;
  json registerOptions;
};

struct Unregistration {
  std::string id;
  std::string method;
};

enum class MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 };

struct ShowMessageParams {
  MessageType type = MessageType::Info;
  std::string message;
};

struct CancelParams {
  json id; // integer or string
};

enum class FileChangeType { Created = 1, Changed = 2, Deleted = 3 };

struct FileEvent {
  std::string uri;
  FileChangeType type = FileChangeType::Changed;
};

struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
};

ClientCapabilities readClientCapabilities(const json &capabilities);

bool fromJSON(const json &value, WorkspaceFolder &out, const JsonPath &path);
bool fromJSON(const json &value, InitializeParams &out, const JsonPath &path);
bool fromJSON(const json &value, DidChangeConfigurationParams &out, const JsonPath &path);
bool fromJSON(const json &value, CancelParams &out, const JsonPath &path);
bool fromJSON(const json &value, FileEvent &out, const JsonPath &path);
bool fromJSON(const json &value, DidChangeWatchedFilesParams &out, const JsonPath &path);
bool fromJSON(const json &value, ConfigurationItem &out, const JsonPath &path);
bool fromJSON(const json &value, ConfigurationParams &out, const JsonPath &path);
bool fromJSON(const json &value, ShowMessageParams &out, const JsonPath &path);

json toJSON(const InitializeResult &result);
json toJSON(const ConfigurationParams &params);
json toJSON(const ShowMessageParams &params);
json toJSON(const std::vector<Registration> &registrations);     // RegistrationParams
json toJSON(const std::vector<Unregistration> &unregistrations); // UnregistrationParams

} // namespace factline::protocol
