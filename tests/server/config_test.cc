// The workspace configuration file `.factline/config.json`, read by `factline check` and by the
// server alike, and the command line's rule flags over it: the editor and CI give the same
// findings on the same workspace.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "analyzers/rule_catalog.h"
#include "facts/fact_library.h"
#include "protocol/uri.h"
#include "server/settings.h"
#include "test_client.h"

using namespace factline::testing;
namespace fs = std::filesystem;

namespace {

std::string exampleDraft() {
  std::ifstream in(std::string(FACTLINE_SOURCE_DIR) + "/examples/hearing-draft.md");
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str() + "\n“Nobody has ever heard these words before today,” Zuckerberg said.\n";
}

// A workspace with the example draft and a configuration that raises, lowers and turns off.
struct ConfiguredWorkspace {
  ConfiguredWorkspace() {
    ws.write("draft.md", exampleDraft());
    ws.write(".factline/config.json", R"({
  "$schema": "../facts/schema/config.schema.json",
  "factBases": ["bases/extra.json"],
  "unverifiedSeverity": "hint",
  "severity": {
    "figure-wrong": "error",
    "quote-altered": "hint",
    "quote-misattributed": "off"
  }
})");
    ws.write("bases/extra.json", testFactBase());
  }
  TempWorkspace ws;
};

// (rule, LSP severity 1-4, start line, start column, end line, end column), 0-based columns in
// code points.
using Finding = std::tuple<std::string, int, int, int, int, int>;

CommandRun checkIn(const fs::path &dir, const std::string &args, bool with_stderr = false) {
  return runCommand("cd '" + dir.string() + "' && " + FACTLINE_BINARY + " check --no-color " +
                    args + (with_stderr ? " 2>&1" : " 2>/dev/null"));
}

std::set<Finding> cliFindings(const fs::path &dir, const std::string &args) {
  CommandRun r = checkIn(dir, "--format json " + args + " draft.md");
  INFO(r.out);
  REQUIRE((r.status == 0 || r.status == 1));
  json report = json::parse(r.out);
  std::set<Finding> out;
  for (const auto &f : report["files"][0]["findings"]) {
    if (f["severity"].is_null())
      continue; // a verified claim: not a diagnostic
    static const std::map<std::string, int> levels = {
        {"error", 1}, {"warning", 2}, {"information", 3}, {"hint", 4}};
    const auto &range = f["range"];
    out.insert({f["rule"].get<std::string>(), levels.at(f["severity"].get<std::string>()),
                range["start"]["line"].get<int>() - 1, range["start"]["column"].get<int>() - 1,
                range["end"]["line"].get<int>() - 1, range["end"]["column"].get<int>() - 1});
  }
  return out;
}

TestClient::Options editorOptions(const fs::path &root, json settings) {
  TestClient::Options o;
  o.root = root.string();
  o.bundled_facts = true;
  o.settings = std::move(settings);
  o.capabilities = {{"general", {{"positionEncodings", {"utf-32"}}}},
                    {"workspace",
                     {{"configuration", true},
                      {"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}};
  return o;
}

std::set<Finding> editorFindings(TestClient &client, const std::string &uri) {
  json published = client.lastDiagnostics(uri);
  REQUIRE(published.is_object());
  std::set<Finding> out;
  for (const auto &d : published["diagnostics"]) {
    if (!d.contains("code") || !d.contains("severity"))
      continue; // the server's own notes (a check cut short), not findings
    const auto &range = d["range"];
    out.insert({d["code"].get<std::string>(), d["severity"].get<int>(),
                range["start"]["line"].get<int>(), range["start"]["character"].get<int>(),
                range["end"]["line"].get<int>(), range["end"]["character"].get<int>()});
  }
  return out;
}

std::set<Finding> editorFindings(const fs::path &root, json settings) {
  TestClient client(nullptr, editorOptions(root, std::move(settings)));
  client.initialize();
  std::ifstream in(root / "draft.md");
  std::stringstream s;
  s << in.rdbuf();
  const std::string uri = factline::protocol::pathToUri((root / "draft.md").string());
  client.open(uri, s.str());
  client.pump();
  return editorFindings(client, uri);
}

int count(const std::set<Finding> &findings, const std::string &rule, int severity) {
  int n = 0;
  for (const auto &f : findings)
    n += std::get<0>(f) == rule && std::get<1>(f) == severity;
  return n;
}

int count(const std::set<Finding> &findings, const std::string &rule) {
  int n = 0;
  for (const auto &f : findings)
    n += std::get<0>(f) == rule;
  return n;
}

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("check and the editor give the same findings under a configuration file",
          "[config]") {
  ConfiguredWorkspace c;
  std::set<Finding> cli = cliFindings(c.ws.root, "");
  std::set<Finding> editor = editorFindings(c.ws.root, nullptr);
  CHECK(cli == editor);
  // The file did what it says: raised, lowered, turned off.
  CHECK(count(cli, "figure-wrong", 1) == 2);
  CHECK(count(cli, "figure-wrong") == 2);
  CHECK(count(cli, "quote-altered", 4) == 1);
  CHECK(count(cli, "quote-altered") == 1);
  CHECK(count(cli, "quote-misattributed") == 0);
  CHECK(count(cli, "quote-unverified") == count(cli, "quote-unverified", 4));

  // Without the file, both are back at the defaults, and still agree.
  std::set<Finding> plain = cliFindings(c.ws.root, "--no-config");
  CHECK(count(plain, "figure-wrong", 2) == 2);
  CHECK(count(plain, "quote-misattributed", 2) == 1);
  fs::remove(c.ws.root / ".factline/config.json");
  CHECK(editorFindings(c.ws.root, nullptr) == plain);
}

TEST_CASE("editor settings apply over the configuration file, command-line flags over it in check",
          "[config]") {
  ConfiguredWorkspace c;
  std::set<Finding> editor = editorFindings(
      c.ws.root, {{"severity", {{"figure-wrong", "information"}, {"quote-misattributed", "error"}}}});
  CHECK(count(editor, "figure-wrong", 3) == 2);
  CHECK(count(editor, "quote-misattributed", 1) == 1);
  CHECK(count(editor, "quote-altered", 4) == 1); // still the file's
  std::set<Finding> cli =
      cliFindings(c.ws.root, "--severity figure-wrong=information --severity "
                             "quote-misattributed=error");
  CHECK(cli == editor);
}

TEST_CASE("check --select, --ignore and --quiet choose what is reported", "[config]") {
  ConfiguredWorkspace c;
  std::set<Finding> only = cliFindings(c.ws.root, "--no-config --select figure-wrong");
  CHECK(count(only, "figure-wrong") == 2);
  CHECK(only.size() == 2);
  std::set<Finding> both = cliFindings(c.ws.root, "--no-config --select quote-altered,figure-wrong");
  CHECK(count(both, "quote-altered") == 1);
  CHECK(both.size() == 3);
  std::set<Finding> ignored = cliFindings(c.ws.root, "--no-config --ignore figure-wrong");
  CHECK(count(ignored, "figure-wrong") == 0);
  CHECK(count(ignored, "quote-altered") == 1);
  // --ignore wins over the file's severity; --severity ... =off is the same.
  CHECK(count(cliFindings(c.ws.root, "--ignore figure-wrong"), "figure-wrong") == 0);
  CHECK(count(cliFindings(c.ws.root, "--severity figure-wrong=off"), "figure-wrong") == 0);
  // --quiet: errors and warnings only (the file made quote-altered a hint).
  std::set<Finding> quiet = cliFindings(c.ws.root, "--quiet");
  CHECK(count(quiet, "quote-altered") == 0);
  CHECK(count(quiet, "figure-wrong") == 2);
  CHECK(quiet.size() == 2);
  // ... and nothing at all when nothing is wrong.
  c.ws.write("clean.md", "Nothing here is quoted or counted.\n");
  CommandRun clean = checkIn(c.ws.root, "--quiet clean.md", true);
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
}

TEST_CASE("an unknown rule on the command line is a usage error naming the nearest rule",
          "[config]") {
  ConfiguredWorkspace c;
  for (const std::string flag : {"--select quote-alterd", "--ignore quote-alterd",
                                 "--severity quote-alterd=error"}) {
    CommandRun r = checkIn(c.ws.root, flag + " draft.md", true);
    INFO(flag << ": " << r.out);
    CHECK(r.status == 2);
    CHECK(contains(r.out, "no rule named \"quote-alterd\"; did you mean quote-altered?"));
  }
  CommandRun level = checkIn(c.ws.root, "--severity quote-altered=loud draft.md", true);
  CHECK(level.status == 2);
  CHECK(contains(level.out, "LEVEL one of error, warning, information, hint, off"));
  CHECK(checkIn(c.ws.root, "--config x.json --no-config draft.md").status == 2);
}

TEST_CASE("a configuration file with an error names file and line and column and field and is "
          "not used - unknown keys are warnings",
          "[config]") {
  ConfiguredWorkspace c;
  c.ws.write(".factline/config.json", "{\n  \"severity\": {\n    \"figure-wrong\": \"loud\"\n  }\n}\n");
  CommandRun bad = checkIn(c.ws.root, "draft.md", true);
  INFO(bad.out);
  CHECK(bad.status == 2);
  const std::string path = (c.ws.root / ".factline/config.json").string();
  CHECK(contains(bad.out, path + ":3:21: $.severity.figure-wrong: expected error, warning, "
                                  "information, hint or off"));
  CHECK(contains(bad.out, "--no-config"));
  CHECK(checkIn(c.ws.root, "--no-config draft.md").status == 1);

  c.ws.write(".factline/config.json", "{\"severity\": {\"figure-wrong\": \"error\"},\n"
                                      " \"unverifiedQuote\": false, \"severity\": 3");
  CommandRun broken = checkIn(c.ws.root, "draft.md", true);
  CHECK(broken.status == 2);
  CHECK(contains(broken.out, path + ":2:2: $.unverifiedQuote: unknown setting, ignored (did you "
                                    "mean unverifiedQuotes?)"));
  CHECK(contains(broken.out, path + ":2:40: $.severity: expected an object"));

  c.ws.write(".factline/config.json",
             "{\"colour\": \"red\", \"severity\": {\"figure-wrongg\": \"off\", \"\\u001b[31m\": "
             "\"off\"}}");
  CommandRun unknown = checkIn(c.ws.root, "draft.md", true);
  INFO(unknown.out);
  CHECK(unknown.status == 1); // used, with warnings
  CHECK(contains(unknown.out, "warning: " + path + ":1:2: $.colour: unknown setting, ignored"));
  CHECK(contains(unknown.out, "$.severity.figure-wrongg: no such rule, ignored (did you mean "
                              "figure-wrong?)"));
  CHECK(!contains(unknown.out, "\x1b")); // an untrusted key reaches no terminal raw
  CHECK(contains(unknown.out, "\\u{1b}[31m"));

  // The server says the same, and keeps its defaults while the file is broken.
  c.ws.write(".factline/config.json", "{\n  \"severity\": {\n    \"figure-wrong\": \"loud\"\n  }\n}\n");
  TestClient client(nullptr, editorOptions(c.ws.root, nullptr));
  client.initialize();
  bool shown = false;
  for (const auto &m : client.notifications("window/showMessage"))
    shown = shown || contains(m["message"].get<std::string>(),
                              path + ":3:21: $.severity.figure-wrong: expected error");
  CHECK(shown);
}

TEST_CASE("the server applies a configuration file changed on disk", "[config]") {
  ConfiguredWorkspace c;
  TestClient client(nullptr, editorOptions(c.ws.root, nullptr));
  client.initialize();
  const std::string uri = c.ws.uri("draft.md");
  client.open(uri, exampleDraft());
  client.pump();
  CHECK(count(editorFindings(client, uri), "figure-wrong", 1) == 2);
  c.ws.write(".factline/config.json", R"({"severity": {"figure-wrong": "hint"}})");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", c.ws.uri(".factline/config.json")}, {"type", 2}}}}});
  client.pump();
  CHECK(count(editorFindings(client, uri), "figure-wrong", 4) == 2);
  CHECK(count(editorFindings(client, uri), "quote-misattributed", 2) == 1);
}

TEST_CASE("a configuration file's fact bases stay inside its workspace", "[config]") {
  ConfiguredWorkspace c;
  TempWorkspace outside;
  outside.write("newsroom.json", testFactBase());
  const std::string escaping = (outside.root / "newsroom.json").string();
  c.ws.write(".factline/config.json", "{\"factBases\": [\"" + escaping + "\"]}");
  CommandRun r = checkIn(c.ws.root, "draft.md", true);
  INFO(r.out);
  CHECK(r.status == 2);
  CHECK(contains(r.out, "outside the workspace"));
  CHECK(contains(r.out, "--facts"));
  // Through a link inside the workspace: the same.
  fs::create_symlink(outside.root / "newsroom.json", c.ws.root / "link.json");
  c.ws.write(".factline/config.json", R"({"factBases": ["link.json"]})");
  CHECK(checkIn(c.ws.root, "draft.md").status == 2);
  // The user may still name it on the command line.
  CHECK(checkIn(c.ws.root, "--no-config --facts " + escaping + " draft.md").status == 1);

  // The server refuses it too, and says so.
  c.ws.write(".factline/config.json", "{\"factBases\": [\"" + escaping + "\"]}");
  TestClient client(nullptr, editorOptions(c.ws.root, nullptr));
  client.initialize();
  client.pump();
  bool refused = false;
  for (const auto &m : client.notifications("window/showMessage"))
    refused = refused || (contains(m["message"].get<std::string>(), "outside the workspace") &&
                          contains(m["message"].get<std::string>(), ".factline/config.json"));
  CHECK(refused);
}

TEST_CASE("config.json is the configuration, never a fact base", "[config]") {
  ConfiguredWorkspace c;
  c.ws.write(".factline/local.json", testFactBase());
  auto bases = factline::facts::discoverWorkspaceBases(c.ws.root.string());
  REQUIRE(bases.size() == 1);
  CHECK(fs::path(bases[0]).filename() == "local.json");
  // A configuration alone marks the workspace for check, found from a subfolder.
  fs::remove(c.ws.root / ".factline/local.json");
  fs::create_directories(c.ws.root / "sub");
  fs::copy_file(c.ws.root / "draft.md", c.ws.root / "sub/draft.md");
  CHECK(count(cliFindings(c.ws.root / "sub", ""), "figure-wrong", 1) == 2);
}

TEST_CASE("the configuration schema names every rule of the catalogue", "[config]") {
  std::ifstream in(std::string(FACTLINE_SOURCE_DIR) + "/facts/schema/config.schema.json");
  REQUIRE(in);
  json schema = json::parse(in);
  std::set<std::string> in_schema;
  for (const auto &r : schema["properties"]["severity"]["propertyNames"]["enum"])
    in_schema.insert(r.get<std::string>());
  std::set<std::string> catalogue;
  for (const auto &r : factline::analyzers::ruleCatalog())
    catalogue.insert(std::string(r.id));
  CHECK(in_schema == catalogue);
  // And every setting the reader knows.
  std::set<std::string> keys;
  for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it)
    keys.insert(it.key());
  CHECK(keys == std::set<std::string>{"$schema", "factBases", "debounceMs", "analysisTimeoutMs",
                                      "unverifiedQuotes", "unverifiedSeverity", "severity"});
}

TEST_CASE("check of nothing that exists says so once, with no summary", "[config]") {
  TempWorkspace ws;
  CommandRun r = checkIn(ws.root, "nope.md", true);
  CHECK(r.status == 2);
  CHECK(contains(r.out, "nope.md: no such file or folder"));
  CHECK(!contains(r.out, "checked"));
  CommandRun json_run = checkIn(ws.root, "--format json nope.md");
  CHECK(json_run.status == 2);
  CHECK(json_run.out.empty());
}

TEST_CASE("an unknown subcommand or option names itself and the nearest valid one", "[config]") {
  auto run = [](const std::string &args) {
    return runCommand(std::string(FACTLINE_BINARY) + " " + args + " 2>&1");
  };
  CommandRun sub = run("chek draft.md");
  CHECK(sub.status == 2);
  CHECK(contains(sub.out, "factline: unknown subcommand \"chek\"; did you mean check?"));
  CommandRun facts = run("facts valdate x.json");
  CHECK(facts.status == 2);
  CHECK(contains(facts.out, "factline facts: unknown subcommand \"valdate\"; did you mean validate?"));
  CommandRun flag = run("check --fial-on error draft.md");
  CHECK(flag.status == 2);
  CHECK(contains(flag.out, "factline check: unknown option --fial-on; did you mean --fail-on?"));
  CommandRun after_value = run("check --format json --qiuet draft.md");
  CHECK(contains(after_value.out, "unknown option --qiuet; did you mean --quiet?"));
  // Other mistakes keep CLI11's own words.
  CommandRun value = run("check --format pdf draft.md");
  CHECK(value.status == 2);
  CHECK(contains(value.out, "--format: pdf not in"));
  // --help says that a report written to a file still fails the run.
  CommandRun help = run("check --help");
  CHECK(help.status == 0);
  CHECK(contains(help.out, "still exits 1 when something was found"));
}
