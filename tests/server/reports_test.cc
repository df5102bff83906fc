// `factline check` reports through the real binary: folders, text excerpts, JSON, SARIF 2.1.0 and
// the HTML review sheet, --output, and exit codes; and the report writers on exact findings.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <sys/wait.h>

#include "server/check_report.h"
#include "server/report_text.h"
#include "test_client.h"

using factline::testing::TempWorkspace;
using nlohmann::json;

namespace {

using Run = factline::testing::CommandRun;

// Runs `factline check ARGS` in `dir` (stderr folded into the output when `with_stderr`).
Run check(const std::string &dir, const std::string &args, bool with_stderr = false) {
  return factline::testing::runCommand("cd '" + dir + "' && " + FACTLINE_BINARY + " check " + args +
                                       (with_stderr ? " 2>&1" : " 2>/dev/null"));
}

std::string readFile(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A workspace with the example hearing draft (4 warnings against the bundled base) in drafts/,
// a clean draft beside it, and files a folder search must pass over.
struct Drafts {
  Drafts() {
    ws.write("drafts/hearing.md",
             readFile(std::string(FACTLINE_SOURCE_DIR) + "/examples/hearing-draft.md"));
    ws.write("drafts/sub/clean.txt", "Nothing here is quoted or counted.\n");
    ws.write("drafts/.hidden/skipped.md", "Facebook said 78 million users were affected.\n");
    ws.write("drafts/notes.json", "{}");
  }
  std::string root() const { return ws.root.string(); }
  TempWorkspace ws;
};

// file:line:col of every warning line in a text report.
std::vector<std::string> warningPlaces(const std::string &report) {
  std::vector<std::string> out;
  std::regex line(R"(^(\S+:\d+:\d+): warning: )");
  std::istringstream in(report);
  for (std::string l; std::getline(in, l);)
    if (std::smatch m; std::regex_search(l, m, line))
      out.push_back(m[1]);
  return out;
}

// Where a byte offset of `text` is, as the JSON report writes it: 1-based line, 1-based column
// counted in code points (UTF-8 lead bytes), and the byte offset itself.
json placeIn(const std::string &text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return json{{"line", line}, {"column", column}, {"offset", offset}};
}

} // namespace

TEST_CASE("check searches folders for drafts - in path order, hidden folders skipped",
          "[reports]") {
  Drafts d;
  Run r = check(d.root(), "--no-color drafts");
  CHECK(r.status == 1);
  CHECK(r.out.find("2 files checked: 0 errors, 4 warnings") != std::string::npos);
  CHECK(r.out.find("skipped.md") == std::string::npos);
  CHECK(r.out.find("drafts/hearing.md:8:40: warning:") != std::string::npos);
  // A file named twice (directly and through its folder) is checked once.
  CHECK(check(d.root(), "--no-color drafts drafts/hearing.md").out.find("2 files checked") !=
        std::string::npos);
  // An empty folder has nothing to check; a missing path is an input error, named on stderr.
  d.ws.write("empty/.keep", "");
  Run empty = check(d.root(), "empty", true);
  CHECK(empty.status == 2);
  CHECK(empty.out.find("nothing to check") != std::string::npos);
  Run missing = check(d.root(), "drafts/nope.md", true);
  CHECK(missing.status == 2);
  CHECK(missing.out.find("drafts/nope.md: no such file or folder") != std::string::npos);
}

TEST_CASE("check - reads a Markdown draft from standard input", "[reports]") {
  Drafts d;
  Run r = check(d.root(), "--no-color - < drafts/hearing.md");
  CHECK(r.status == 1);
  CHECK(r.out.find("<stdin>:13:11: warning: Draft says 78 million") != std::string::npos);
  CHECK(r.out.find("1 file checked: 0 errors, 4 warnings") != std::string::npos);
}

TEST_CASE("the text report shows the source line and a caret underline", "[reports]") {
  Drafts d;
  Run r = check(d.root(), "--no-color drafts/hearing.md");
  CHECK(r.out.find(" 13 | data from 78 million Facebook users.\n"
                   "    |           ^~~~~~~~~~~~~~~~~~~~~~~~~\n"
                   "    = fix: Replace with \xE2\x80\x9C"
                   "87 million\xE2\x80\x9D\n") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos); // --no-color, and not a terminal anyway
}

TEST_CASE("source excerpts count display cells and clip long lines around the finding",
          "[reports]") {
  using factline::analyzers::Finding;
  // Two wide characters (two cells each) and an accented one before the finding.
  factline::server::CheckedFile file{"d.md", "\xE4\xB8\xAD\xE6\x96\x87 caf\xC3\xA9 78 million", {}};
  Finding f;
  f.severity = factline::analyzers::Severity::Warning;
  f.span = {file.text.find("78"), file.text.size()};
  factline::protocol::LineIndex lines(file.text);
  CHECK(factline::server::sourceExcerpt(file, lines, f, false) ==
        " 1 | \xE4\xB8\xAD\xE6\x96\x87 caf\xC3\xA9 78 million\n"
        "   |           ^~~~~~~~~~\n");

  std::string before(300, 'a'), after(300, 'b');
  file.text = before + " 78 million " + after;
  f.span = {301, 311};
  factline::protocol::LineIndex long_lines(file.text);
  std::string clipped = factline::server::sourceExcerpt(file, long_lines, f, false, 60);
  std::string first = clipped.substr(0, clipped.find('\n'));
  CHECK(first.find("\xE2\x80\xA6") == 5);                 // clipped in front...
  CHECK(first.rfind("\xE2\x80\xA6") == first.size() - 3); // ...and behind
  CHECK(first.find("78 million") != std::string::npos);
  std::string marks = clipped.substr(clipped.find('\n') + 1);
  CHECK(marks.find('^') == first.find("78 million") - 2); // the ellipsis is 3 bytes, 1 cell
}

TEST_CASE("the JSON report holds every finding with its range, record and fixes", "[reports]") {
  Drafts d;
  Run text = check(d.root(), "--no-color drafts");
  Run r = check(d.root(), "--format json drafts");
  CHECK(r.status == 1);
  json doc = json::parse(r.out);
  CHECK(doc["factline"] == 1);
  CHECK(doc["tool"]["name"] == "factline");
  CHECK(doc["summary"]["files"] == 2);
  CHECK(doc["summary"]["bySeverity"]["warning"] == 4);
  REQUIRE(doc["files"].size() == 2);
  CHECK(doc["files"][0]["path"] == "drafts/hearing.md");
  CHECK(doc["files"][1]["path"] == "drafts/sub/clean.txt");
  CHECK(doc["files"][1]["findings"].empty());

  // Every warning of the text report, at the same place, and the verified claims beside them.
  std::vector<std::string> places;
  std::size_t verified = 0;
  for (const auto &f : doc["files"][0]["findings"]) {
    for (const char *key : {"rule", "status", "severity", "message", "range", "records", "fixes"})
      CHECK(f.contains(key));
    REQUIRE(!f["records"].empty());
    CHECK(f["records"][0]["found"] == true);
    if (f["severity"].is_null()) {
      CHECK(f["status"] == "verified");
      ++verified;
      continue;
    }
    places.push_back("drafts/hearing.md:" + std::to_string(f["range"]["start"]["line"].get<int>()) +
                     ":" + std::to_string(f["range"]["start"]["column"].get<int>()));
  }
  CHECK(places == warningPlaces(text.out));
  CHECK(verified == doc["summary"]["byStatus"]["verified"]);
  CHECK(verified > 0);

  // The wrong figure: its record, its fix, and the draft's words.
  const json *wrong = nullptr;
  for (const auto &f : doc["files"][0]["findings"])
    if (f.value("claim", "") == "78 million Facebook users")
      wrong = &f;
  REQUIRE(wrong);
  CHECK((*wrong)["rule"] == "figure-wrong");
  // The range as the README promises it, computed from the draft itself: 1-based line, 1-based
  // column in characters (code points), and the byte offset, at both ends of the claim.
  const std::string draft = readFile(d.ws.root / "drafts/hearing.md");
  const std::size_t claim = draft.find("78 million Facebook users");
  REQUIRE(claim != std::string::npos);
  CHECK((*wrong)["range"]["start"] == placeIn(draft, claim));
  CHECK((*wrong)["range"]["end"] == placeIn(draft, claim + std::string("78 million Facebook users").size()));
  CHECK((*wrong)["range"]["start"] == json{{"line", 13}, {"column", 11}, {"offset", claim}});
  const json &record = (*wrong)["records"][0];
  CHECK(record["kind"] == "figure");
  CHECK(record["text"] == "up to 87 million");
  CHECK(record["source"]["found"] == true);
  CHECK(!record["source"]["title"].get<std::string>().empty());
  CHECK((*wrong)["fixes"][0]["edits"][0]["newText"] == "87 million");

  // An altered quote carries its word difference; a misattributed one who the draft names.
  bool diff = false, attributed = false;
  for (const auto &f : doc["files"][0]["findings"]) {
    diff = diff || (f["status"] == "altered" && !f["diff"].empty());
    attributed = attributed || (f["status"] == "misattributed" &&
                                f["attributedTo"]["name"] == "Cambridge Analytica");
  }
  CHECK(diff);
  CHECK(attributed);
}

TEST_CASE("JSON report columns count characters and offsets count bytes, as the README says",
          "[reports]") {
  // Before the claim on its line: a two-byte, a three-byte and a four-byte character (one, one
  // and one code point; in UTF-16, one, one and two units).
  const std::string draft =
      "# Caf\xC3\xA9 notes\n\n"
      "Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 Cambridge Analytica came to hold data from 78 "
      "million Facebook users.\n";
  TempWorkspace ws;
  ws.write("draft.md", draft);
  Run r = check(ws.root.string(), "--format json draft.md");
  json doc = json::parse(r.out);
  REQUIRE(doc["files"].size() == 1);
  const json *wrong = nullptr;
  for (const auto &f : doc["files"][0]["findings"])
    if (f["rule"] == "figure-wrong")
      wrong = &f;
  INFO(r.out);
  REQUIRE(wrong);
  const std::size_t claim = draft.find("78 million");
  CHECK((*wrong)["range"]["start"] == placeIn(draft, claim));
  const std::size_t line_start = draft.rfind('\n', claim) + 1;
  // "Café — 😀 Cambridge ... from " is 52 characters in 58 bytes: the claim is the 53rd.
  CHECK((*wrong)["range"]["start"] == json{{"line", 3}, {"column", 53}, {"offset", claim}});
  CHECK(claim - line_start == 58);
  const std::string said = (*wrong)["claim"];
  CHECK(draft.substr(claim, said.size()) == said);
  CHECK((*wrong)["range"]["end"] == placeIn(draft, claim + said.size()));
}

TEST_CASE("the SARIF report has the 2.1.0 structure", "[reports]") {
  Drafts d;
  Run r = check(d.root(), "--format sarif drafts");
  CHECK(r.status == 1);
  json sarif = json::parse(r.out);
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  REQUIRE(sarif["runs"].is_array());
  REQUIRE(sarif["runs"].size() == 1);
  const json &run = sarif["runs"][0];
  const json &driver = run["tool"]["driver"];
  CHECK(driver["name"] == "factline");
  REQUIRE(driver["rules"].is_array());
  std::set<std::string> rule_ids;
  for (const auto &rule : driver["rules"]) {
    CHECK(rule_ids.insert(rule["id"].get<std::string>()).second); // ids are unique
    CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK(std::set<std::string>{"error", "warning", "note", "none"}.count(
        rule["defaultConfiguration"]["level"]));
  }
  CHECK(rule_ids.count("quote-misattributed"));
  CHECK(rule_ids.count("figure-wrong"));
  CHECK(run["columnKind"] == "utf16CodeUnits");
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>().back() == '/');
  REQUIRE(run["artifacts"].size() == 2);

  REQUIRE(run["results"].size() == 4);
  for (const auto &result : run["results"]) {
    std::string id = result["ruleId"];
    CHECK(rule_ids.count(id));
    const json &rule = driver["rules"][result["ruleIndex"].get<std::size_t>()];
    CHECK(rule["id"] == id);
    CHECK(rule.contains("name")); // described in analyzers/rule_catalog.cc, not a bare id
    CHECK(std::set<std::string>{"error", "warning", "note"}.count(result["level"]));
    CHECK(!result["message"]["text"].get<std::string>().empty());
    REQUIRE(result["locations"].size() == 1);
    const json &loc = result["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "drafts/hearing.md");
    CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(loc["region"]["startLine"].get<int>() >= 1);
    CHECK(loc["region"]["startColumn"].get<int>() >= 1);
    CHECK(!loc["region"]["snippet"]["text"].get<std::string>().empty());
    CHECK(result["partialFingerprints"].size() == 1);
    CHECK(result["properties"]["records"].size() >= 1);
  }
  const json &first = run["results"][0];
  CHECK(first["locations"][0]["physicalLocation"]["region"]["startLine"] == 8);
  CHECK(first["locations"][0]["physicalLocation"]["region"]["startColumn"] == 40);
  CHECK(first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] ==
        "five");
}

TEST_CASE("SARIF columns are UTF-16 code units - absolute paths are file URIs", "[reports]") {
  TempWorkspace ws;
  // An emoji (two UTF-16 units) and an en dash (one) before the figure.
  ws.write("a draft.md", "\xF0\x9F\x98\x80 \xE2\x80\x93 "
                         "Facebook said the data of 78 million "
                         "Facebook users was improperly shared with Cambridge Analytica.\n");
  Run r = check(ws.root.string(), "--format sarif '" + (ws.root / "a draft.md").string() + "'");
  json result = json::parse(r.out)["runs"][0]["results"][0];
  const json &loc = result["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"].get<std::string>().rfind("file:///", 0) == 0);
  CHECK(loc["artifactLocation"]["uri"].get<std::string>().find("a%20draft.md") !=
        std::string::npos);
  CHECK(!loc["artifactLocation"].contains("uriBaseId"));
  CHECK(result["ruleId"] == "figure-wrong");
  CHECK(loc["region"]["startColumn"] == 1 + 2 + 1 + 1 + 1 + 26); // the emoji is 2 units, – is 1
}

TEST_CASE("the HTML review sheet marks every checked claim and gives each its record",
          "[reports]") {
  Drafts d;
  Run r = check(d.root(), "--format html --output sheet.html drafts");
  CHECK(r.status == 1);
  CHECK(r.out.empty()); // the report went to the file
  std::string html = readFile(d.ws.root / "sheet.html");
  json doc = json::parse(check(d.root(), "--format json drafts").out);
  std::size_t findings = 0, verified = 0; // needing a decision, and verified claims
  for (const auto &f : doc["files"][0]["findings"])
    ++(f["severity"].is_null() ? verified : findings);
  auto count = [&](const std::string &needle) {
    std::size_t n = 0;
    for (std::size_t p = html.find(needle); p != std::string::npos; p = html.find(needle, p + 1))
      ++n;
    return n;
  };
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count("<article class=\"card ") == findings);
  CHECK(count("<script") == 0); // self-contained and static
  CHECK(count("http-equiv") == 1); // only the Content-Security-Policy: no refresh, no redirect
  CHECK(count("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';") == 1);
  // Every finding is marked in the text and has its card with a place for the decision, every
  // verified claim its line in the compact list; numbered through the sheet. The summary counts
  // by status.
  CHECK(count("<div class=\"decision\">") == findings);
  for (std::size_t i = 1; i <= findings + verified; ++i) {
    std::string id = i <= findings ? "n" + std::to_string(i) : "v" + std::to_string(i - findings);
    CHECK(count("id=\"" + id + "\"") == 1);
    CHECK(count("href=\"#" + id + "\"") >= 1);
  }
  CHECK(count("<ol class=\"verified\">") == (verified > 0 ? 1 : 0));
  CHECK(html.find("<li class=\"s-misattributed\"><b>1</b>misattributed</li>") != std::string::npos);
  CHECK(html.find("<li class=\"s-wrong\"><b>2</b>wrong figure</li>") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("Cambridge Analytica") != std::string::npos);
  // The draft's own markup is escaped, never interpreted.
  d.ws.write("x/evil.md", "<script>alert(1)</script> 78 million Facebook users had data "
                          "improperly shared with Cambridge Analytica.\n");
  std::string evil = check(d.root(), "--format html x").out;
  CHECK(evil.find("<script>") == std::string::npos);
  CHECK(evil.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("exit codes follow --fail-on - an unwritable --output is an error", "[reports]") {
  Drafts d;
  CHECK(check(d.root(), "drafts").status == 1);
  CHECK(check(d.root(), "--fail-on error drafts").status == 0);
  CHECK(check(d.root(), "--fail-on none drafts").status == 0);
  CHECK(check(d.root(), "--fail-on information drafts/sub").status == 0);
  CHECK(check(d.root(), "--format json drafts/sub").status == 0);
  Run bad = check(d.root(), "--output /nonexistent/dir/report.json drafts", true);
  CHECK(bad.status == 2);
  CHECK(bad.out.find("cannot write /nonexistent/dir/report.json") != std::string::npos);
  CHECK(check(d.root(), "--format yaml drafts").status == 2);
  // A report never replaces what is being checked.
  std::string draft = readFile(d.ws.root / "drafts/hearing.md");
  Run self = check(d.root(), "--format html -o drafts/./hearing.md drafts", true);
  CHECK(self.status == 2);
  CHECK(self.out.find("one of the files being checked") != std::string::npos);
  CHECK(readFile(d.ws.root / "drafts/hearing.md") == draft);
}

TEST_CASE("on a terminal: colour and a progress line - NO_COLOR turns colour off", "[reports]") {
  // util-linux's script(1) (Debian's essential bsdutils) runs the command on a pseudo-terminal.
  REQUIRE(std::system("command -v script >/dev/null 2>&1") == 0);
  Drafts d;
  auto on_terminal = [&](const std::string &env) {
    return factline::testing::runCommand("cd '" + d.root() + "' && " + env + " script -qec \"" +
                                         FACTLINE_BINARY + " check drafts\" /dev/null")
        .out;
  };
  std::string coloured = on_terminal("");
  CHECK(coloured.find("\r\x1b[K[1/2] drafts/hearing.md") != std::string::npos);
  CHECK(coloured.find("\x1b[1;35mwarning\x1b[0m") != std::string::npos);
  std::string plain = on_terminal("NO_COLOR=1");
  CHECK(plain.find("\x1b[1;35m") == std::string::npos);
  CHECK(plain.find("[2/2] drafts/sub/clean.txt") != std::string::npos); // progress is not colour
}

TEST_CASE("the HTML sheet escapes quotation marks and markup in attributes and text",
          "[reports]") {
  using factline::analyzers::Finding;
  using factline::analyzers::Severity;
  using factline::analyzers::Status;
  factline::server::CheckReport report;
  report.base = std::make_shared<factline::facts::FactBase>();
  factline::server::CheckedFile file{"d \"1\".md", "He said 78 million users.\n", {}, {}};
  Finding f;
  f.rule = "figure-wrong";
  f.status = Status::Wrong;
  f.severity = Severity::Warning;
  f.span = {file.text.find("78"), file.text.find(" users")};
  f.message = "Draft says \"78 million\" & 'more' <b>bold</b>";
  file.findings.push_back(f);
  report.files.push_back(file);
  std::ostringstream out;
  factline::server::writeHtmlReport(out, report);
  const std::string html = out.str();
  const std::string escaped =
      "Draft says &quot;78 million&quot; &amp; &#39;more&#39; &lt;b&gt;bold&lt;/b&gt;";
  // The highlight's title attribute holds the whole message, not cut at its first quotation mark.
  CHECK(html.find("title=\"" + escaped + "\">") != std::string::npos);
  CHECK(html.find("\"78 million\"") == std::string::npos);
  CHECK(html.find("<b>bold</b>") == std::string::npos);
  CHECK(html.find("d &quot;1&quot;.md") != std::string::npos);
  CHECK(html.find("d \"1\".md") == std::string::npos);
}
