// LSP structs from JSON: the typed values, and -32602 messages that say what is wrong and where.
#include <catch2/catch.hpp>

#include "protocol/lsp_documents.h"
#include "protocol/lsp_features.h"
#include "protocol/lsp_lifecycle.h"
#include "protocol/uri.h"

using namespace factline::protocol;

namespace {
template <typename T> std::string errorReading(const json &value) {
  T out;
  JsonPath path("params");
  REQUIRE_FALSE(fromJSON(value, out, path));
  return path.error();
}
} // namespace

TEST_CASE("didChange params are read with ranges and full-text changes", "[lsp]") {
  auto j = json::parse(R"({"textDocument":{"uri":"file:///d.md","version":4},"contentChanges":[
      {"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":5}},"text":"x"},
      {"text":"whole"}]})");
  DidChangeTextDocumentParams p;
  JsonPath path;
  REQUIRE(fromJSON(j, p, path));
  CHECK(p.textDocument.uri == "file:///d.md");
  CHECK(p.textDocument.version == 4);
  REQUIRE(p.contentChanges.size() == 2);
  REQUIRE(p.contentChanges[0].range);
  CHECK(p.contentChanges[0].range->start == Position{1, 2});
  CHECK(p.contentChanges[0].range->end == Position{1, 5});
  CHECK_FALSE(p.contentChanges[1].range);
  CHECK(p.contentChanges[1].text == "whole");
}

TEST_CASE("a wrong type names the field's path", "[lsp]") {
  auto j = json::parse(R"({"textDocument":{"uri":"file:///d.md","version":4},"contentChanges":[
      {"text":"ok"},
      {"range":{"start":{"line":"one","character":2},"end":{"line":1,"character":5}},"text":"x"}]})");
  CHECK(errorReading<DidChangeTextDocumentParams>(j) ==
        "params.contentChanges[1].range.start.line: expected an integer, got a string");
}

TEST_CASE("a missing field names the field", "[lsp]") {
  CHECK(errorReading<TextDocumentPositionParams>(
            json::parse(R"({"textDocument":{"uri":"file:///a"}})")) ==
        "params.position: required field is missing");
  CHECK(errorReading<TextDocumentPositionParams>(json::array()) ==
        "params: expected an object, got an array");
  CHECK(errorReading<TextDocumentPositionParams>(json::parse(
            R"({"textDocument":{"uri":"file:///a"},"position":{"line":-1,"character":0}})")) ==
        "params.position.line: integer -1 is out of range");
}

TEST_CASE("client capabilities are read leniently", "[lsp]") {
  auto caps = readClientCapabilities(json::parse(R"({
      "general":{"positionEncodings":["utf-8", 7, "utf-16"]},
      "workspace":{"configuration":true,"didChangeWatchedFiles":{"dynamicRegistration":"yes"}},
      "textDocument":{"hover":{"contentFormat":["plaintext","markdown"]},
                      "publishDiagnostics":{"versionSupport":true}}})"));
  CHECK(caps.positionEncodings == std::vector<std::string>{"utf-8", "utf-16"});
  CHECK(caps.workspaceConfiguration);
  CHECK_FALSE(caps.watchedFilesDynamicRegistration); // a string is not true
  CHECK(caps.hoverMarkdown);
  CHECK(caps.diagnosticVersionSupport);
  CHECK_FALSE(caps.codeActionLiterals);
}

TEST_CASE("position encodings are negotiated in the client's order - UTF-16 by default", "[lsp]") {
  CHECK(negotiateEncoding({}) == PositionEncoding::Utf16);
  CHECK(negotiateEncoding({"utf-8"}) == PositionEncoding::Utf8);
  CHECK(negotiateEncoding({"utf-32", "utf-8"}) == PositionEncoding::Utf32);
  CHECK(negotiateEncoding({"latin-1", "utf-8"}) == PositionEncoding::Utf8);
  CHECK(negotiateEncoding({"latin-1"}) == PositionEncoding::Utf16);
  InitializeResult r;
  r.positionEncoding = PositionEncoding::Utf8;
  json j = toJSON(r);
  CHECK(j["capabilities"]["positionEncoding"] == "utf-8");
  CHECK(j["capabilities"]["textDocumentSync"]["change"] == 2);
}

TEST_CASE("a workspace edit is written pinned to a version when asked", "[lsp]") {
  WorkspaceEdit e;
  e.changes["file:///a.md"] = {TextEdit{Range{{0, 1}, {0, 3}}, "new"}};
  json plain = toJSON(e);
  CHECK(plain["changes"]["file:///a.md"][0]["newText"] == "new");
  e.version = 5;
  json pinned = toJSON(e);
  CHECK(pinned["documentChanges"][0]["textDocument"]["version"] == 5);
  CodeAction action;
  action.title = "t";
  action.edit = e;
  CodeAction back;
  JsonPath path;
  REQUIRE(fromJSON(toJSON(action), back, path));
  CHECK(back.edit.version == 5);
  CHECK(back.edit.changes["file:///a.md"][0].range.end == Position{0, 3});
}

TEST_CASE("file URIs become paths and back", "[lsp]") {
  CHECK(*uriToPath("file:///home/a/b%20c.md") == "/home/a/b c.md");
  CHECK(*uriToPath("file://localhost/tmp/x") == "/tmp/x");
  CHECK(*uriToPath("file:///tmp/caf%C3%A9.md") == "/tmp/caf\xC3\xA9.md");
  CHECK_FALSE(uriToPath("untitled:Untitled-1").has_value());
  CHECK_FALSE(uriToPath("file://server/share/x").has_value());
  CHECK_FALSE(uriToPath("file:///bad%zz").has_value());
  CHECK(pathToUri("/tmp/b c#1.md") == "file:///tmp/b%20c%231.md");
  // Every hex digit, either case: 0 9 A Z a z, and ":" as %3a and %3A.
  CHECK(*uriToPath("file:///x/%30%39%41%5A%61%7a%3a%3A.md") == "/x/09AZaz::.md");
  CHECK_FALSE(uriToPath("file:///x/%3").has_value());
  CHECK_FALSE(uriToPath("file:///x/%g0").has_value());
  CHECK(*uriToPath(pathToUri("/tmp/caf\xC3\xA9 [1].md")) == "/tmp/caf\xC3\xA9 [1].md");
}
