// Every string of a fact base or a draft is untrusted (issue 21): source urls are links only when
// they are web addresses, and then one link each; control characters never reach a terminal, a
// hover, the review sheet, a JSON or SARIF report or a quick fix as they are; and the text report
// costs in proportion to its findings, not to the length of the line they sit on.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "server/check_report.h"
#include "server/record_render.h"
#include "server/record_view.h"
#include "server/report_text.h"
#include "server/to_lsp.h"

using namespace factline;
using analyzers::FactRef;
using analyzers::Finding;
using analyzers::Severity;
using analyzers::Status;

namespace {

const char *const kEsc = "\x1b";
const char *const kRlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE
const char *const kCsi8 = "\xC2\x9B";     // U+009B, a C1 control: CSI to an 8-bit terminal
const char *const kBreakout = "https://ok.example/a> [x](command:evil.cmd) <b";

// A base with one quote per source url, each quote "q-<n>" citing source "s-<n>".
facts::FactBase baseWithUrls(const std::vector<std::string> &urls, std::string speaker_name = "A") {
  facts::FactBase b;
  b.people.push_back({"p", facts::EntityKind::Person, speaker_name, {}, {}, "", "", ""});
  for (std::size_t i = 0; i < urls.size(); ++i) {
    std::string n = std::to_string(i);
    b.sources.push_back({"s-" + n, "Title " + n, "Publisher", "2018-04-05", urls[i]});
    facts::Quote q;
    q.id = b.keep("q-" + n);
    q.text = "words on record";
    q.speaker = "p";
    q.source = b.keep("s-" + n);
    b.quotes.push_back(q);
  }
  b.reindex();
  return b;
}

Finding quoteFinding(const std::string &id, std::size_t begin = 0, std::size_t end = 5) {
  Finding f;
  f.rule = "quote-altered";
  f.status = Status::Altered;
  f.severity = Severity::Warning;
  f.span = {begin, end};
  f.message = "Altered";
  f.evidence = {{FactRef::Kind::Quote, id, -1}};
  return f;
}

std::size_t count(const std::string &text, const std::string &needle) {
  std::size_t n = 0;
  for (std::size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1))
    ++n;
  return n;
}

std::string htmlSheet(const facts::FactBase &base, std::vector<Finding> findings,
                      const std::string &text = "Words on record.\n") {
  server::CheckReport report;
  report.base = std::make_shared<facts::FactBase>(base);
  report.files.push_back({"draft.md", text, std::move(findings)});
  std::ostringstream out;
  server::writeHtmlReport(out, report);
  return out.str();
}

bool hasRawControls(std::string_view text, bool allow_line_breaks) {
  return server::escapeControls(text, allow_line_breaks) != text;
}

} // namespace

TEST_CASE("only http and https source urls are links in the review sheet", "[untrusted]") {
  std::vector<std::string> urls = {"javascript:alert(document.cookie)",
                                   "command:workbench.action.terminal.new",
                                   "data:text/html,<script>alert(1)</script>",
                                   "file:///etc/passwd",
                                   "vbscript:msgbox",
                                   "JaVaScRiPt:alert(1)",
                                   "//evil.example/relative",
                                   " javascript:alert(1)",
                                   "https://ok.example/page",
                                   kBreakout};
  facts::FactBase base = baseWithUrls(urls);
  std::vector<Finding> findings;
  for (std::size_t i = 0; i < urls.size(); ++i)
    findings.push_back(quoteFinding("q-" + std::to_string(i)));
  std::string html = htmlSheet(base, findings);
  // Every link the sheet makes: its own anchors, and web addresses.
  std::regex href("href=\"([^\"]*)\"");
  std::size_t web = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it) {
    std::string target = (*it)[1];
    INFO(target);
    CHECK((target.starts_with("#") || target.starts_with("https://")));
    if (target.starts_with("https://")) {
      ++web;
      CHECK(target.find_first_of(" <>\"'") == std::string::npos);
    }
  }
  CHECK(web == 2); // the plain one, and the breakout one as one link to its whole (encoded) text
  CHECK(html.find("href=\"https://ok.example/a%3E%20%5Bx%5D%28command:evil.cmd%29%20%3Cb\"") !=
        std::string::npos);
  // The others are there, as escaped text.
  CHECK(html.find("<span class=\"url\">javascript:alert(document.cookie)</span>") !=
        std::string::npos);
  CHECK(html.find("data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(count(html, "<script") == 0);
}

TEST_CASE("the review sheet has a strict Content-Security-Policy and no script", "[untrusted]") {
  std::string html = htmlSheet(baseWithUrls({"https://ok.example/"}), {quoteFinding("q-0")});
  std::smatch m;
  std::string head = html.substr(0, html.find("</head>"));
  REQUIRE(std::regex_search(
      head, m, std::regex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")));
  std::string policy = m[1];
  CHECK(policy.starts_with("default-src 'none';"));
  CHECK(policy.find("script-src") == std::string::npos); // none: default-src 'none' holds
  CHECK(policy.find("style-src 'unsafe-inline'") != std::string::npos);
  CHECK(policy.find("base-uri 'none'") != std::string::npos);
  CHECK(count(html, "<script") == 0);
  CHECK_FALSE(std::regex_search(html, std::regex("<[^>]*\\son[a-z]+\\s*="))); // no onload=...
  CHECK(count(html, "http-equiv") == 1);
}

TEST_CASE("a hover links a web source url once and shows any other as text", "[untrusted]") {
  std::vector<std::string> urls = {"command:evil.cmd", "javascript:alert(1)", kBreakout,
                                   "https://ok.example/a b\tc\x1b[31m"};
  facts::FactBase base = baseWithUrls(urls);
  auto hover = [&](std::size_t i) {
    return server::renderFinding(quoteFinding("q-" + std::to_string(i)), base);
  };
  // Markdown links, autolinks and raw HTML all start with one of these.
  auto links = [](const std::string &md) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < md.size(); ++i) {
      bool escaped = i > 0 && md[i - 1] == '\\' && !(i > 1 && md[i - 2] == '\\');
      if (!escaped && (md[i] == '<' || md.compare(i, 2, "](") == 0))
        ++n;
    }
    return n;
  };
  for (std::size_t i : {0, 1}) {
    std::string md = hover(i);
    INFO(md);
    CHECK(links(md) == 0);
    CHECK(md.find("<" + urls[i]) == std::string::npos);
    CHECK(md.find("Source: *Title " + std::to_string(i) + "*") != std::string::npos);
  }
  std::string breakout = hover(2);
  INFO(breakout);
  CHECK(links(breakout) == 1);
  CHECK(breakout.find(" <https://ok.example/a%3E%20%5Bx%5D%28command:evil.cmd%29%20%3Cb>") !=
        std::string::npos);
  CHECK(breakout.find("[x](command") == std::string::npos);
  // White space and control characters are encoded inside the autolink, which never ends early.
  std::string spaced = hover(3);
  INFO(spaced);
  CHECK(links(spaced) == 1);
  CHECK(spaced.find(" <https://ok.example/a%20b%09c%1B%5B31m>") != std::string::npos);
  CHECK_FALSE(hasRawControls(spaced, true));
}

TEST_CASE("web urls are told from the rest", "[untrusted]") {
  CHECK(server::isWebUrl("https://example.org"));
  CHECK(server::isWebUrl("HTTP://example.org/a?b#c"));
  CHECK(server::isWebUrl("https://user@example.org:8080/"));
  CHECK_FALSE(server::isWebUrl("https://"));
  CHECK_FALSE(server::isWebUrl("https:///path"));
  CHECK_FALSE(server::isWebUrl("https:example.org"));
  CHECK_FALSE(server::isWebUrl("javascript://example.org/%0Aalert(1)"));
  CHECK_FALSE(server::isWebUrl("command:x"));
  CHECK_FALSE(server::isWebUrl("/relative/path"));
  CHECK_FALSE(server::isWebUrl("example.org"));
  CHECK_FALSE(server::isWebUrl(""));
}

TEST_CASE("control characters are escaped in one documented form", "[untrusted]") {
  using server::escapeControls;
  CHECK(escapeControls("a\x1b]0;title\x07z") == "a\\u{1b}]0;title\\u{7}z");
  CHECK(escapeControls(std::string("nul\0here", 8)) == "nul\\u{0}here");
  CHECK(escapeControls("tab\tnew\nline") == "tab\\u{9}new\\u{a}line");
  CHECK(escapeControls("tab\tnew\nline\r", true) == "tab\tnew\nline\\u{d}");
  CHECK(escapeControls(std::string("x") + kRlo + "y") == "x\\u{202e}y");
  CHECK(escapeControls("\xE2\x81\xA6isolate\xE2\x81\xA9") == "\\u{2066}isolate\\u{2069}");
  CHECK(escapeControls(std::string(kCsi8) + "31m") == "\\u{9b}31m");
  CHECK(escapeControls("del\x7f") == "del\\u{7f}");
  CHECK(escapeControls("\xE2\x80\xA8") == "\\u{2028}");
  // Everything else stays as it is: accents, wide characters, emoji with joiners, right-to-left
  // letters; bytes that are not UTF-8 become U+FFFD.
  std::string kept = "caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x94\xAC "
                     "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\x9Cq\xE2\x80\x9D";
  CHECK(escapeControls(kept) == kept);
  CHECK(escapeControls("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("the text report escapes control characters from the draft and the record",
          "[untrusted]") {
  server::CheckedFile file{std::string("dr") + kEsc + "aft.md",
                           std::string("Said ") + kEsc + "]0;pwned" + "\x07" + kRlo +
                               " 78 million " + kCsi8 + "2J users.\n",
                           {}};
  Finding f = quoteFinding("q-0", file.text.find("78"), file.text.find("78") + 10);
  f.message = std::string("Attributed to Evil") + kEsc + "[2J" + kRlo + "Name";
  f.fixes.push_back({std::string("Attribute to Evil") + kEsc + "[2J", {{f.span, "x"}}});
  file.findings.push_back(f);
  std::ostringstream out;
  server::writeTextReport(out, {file}, /*color=*/false);
  std::string report = out.str();
  INFO(report);
  CHECK_FALSE(hasRawControls(report, true));
  CHECK(report.find("dr\\u{1b}aft.md:1:") != std::string::npos);
  CHECK(report.find("Attributed to Evil\\u{1b}[2J\\u{202e}Name") != std::string::npos);
  CHECK(report.find("Said \\u{1b}]0;pwned\\u{7}\\u{202e} 78 million \\u{9b}2J users.") !=
        std::string::npos);
  CHECK(report.find("= fix: Attribute to Evil\\u{1b}[2J") != std::string::npos);
  // The caret stands under the finding: escapes take as many cells as they have characters.
  std::string source = report.substr(report.find(" 1 | "));
  std::string marks = source.substr(source.find('\n') + 1);
  CHECK(marks.find('^') == source.find("78 million"));
  // With colour, the only escape sequences are the report's own.
  std::ostringstream coloured;
  server::writeTextReport(coloured, {file}, /*color=*/true);
  std::string painted = coloured.str();
  CHECK(std::regex_replace(painted, std::regex("\x1b\\[[0-9;]*m"), "").find('\x1b') ==
        std::string::npos);
}

TEST_CASE("hovers, the sheet and LSP answers escape control characters of the record",
          "[untrusted]") {
  std::string name = std::string("Mark") + kEsc + "[8m" + kRlo + "Hidden\x07";
  facts::FactBase base = baseWithUrls({"https://ok.example/"}, name);
  Finding f = quoteFinding("q-0");
  f.message = "Attributed to " + name;
  std::string md = server::renderFinding(f, base);
  INFO(md);
  CHECK_FALSE(hasRawControls(md, true));
  CHECK(md.find("Mark\\\\u{1b}\\[8m\\\\u{202e}Hidden\\\\u{7}") != std::string::npos);

  std::string html = htmlSheet(base, {f});
  CHECK_FALSE(hasRawControls(html, true));
  CHECK(html.find("Mark\\u{1b}[8m\\u{202e}Hidden\\u{7}") != std::string::npos);

  std::string text = "Words here.";
  protocol::LineIndex lines(text);
  server::LspView view{lines, protocol::PositionEncoding::Utf16};
  CHECK_FALSE(hasRawControls(server::toDiagnostic(f, view).message, true));
  auto hover = server::toHover({f}, 1, base, view, true);
  REQUIRE(hover);
  CHECK_FALSE(hasRawControls(hover->contents.value, true));
  f.claim = std::string("claim") + kEsc + "x";
  for (const auto &s : server::toDocumentSymbols({f}, base, view)) {
    CHECK_FALSE(hasRawControls(s.name, false));
    CHECK_FALSE(hasRawControls(s.detail, false));
  }
}

TEST_CASE("a quick fix that would insert control characters is never offered", "[untrusted]") {
  facts::FactBase base = baseWithUrls({""});
  std::string text = "\"Words on record,\" said Bob.";
  Finding f = quoteFinding("q-0", 0, text.size());
  f.status = Status::Misattributed;
  f.fixes.push_back({"Attribute to Evil", {{{24, 27}, std::string("Evil") + kEsc + "[2J"}}});
  f.fixes.push_back({"Attribute to Bidi", {{{24, 27}, std::string("Bi") + kRlo + "di"}}});
  f.fixes.push_back({"Attribute to Nul", {{{24, 27}, std::string("N\0l", 3)}}});
  f.fixes.push_back({"Attribute to Alice", {{{24, 27}, "Alice"}}});
  protocol::LineIndex lines(text);
  server::LspView view{lines, protocol::PositionEncoding::Utf16};
  auto actions = server::toCodeActions({f}, {25, 25}, "file:///d.md", std::nullopt, view);
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].title == "Attribute to Alice");
  CHECK(actions[0].isPreferred);

  server::CheckReport report;
  report.base = std::make_shared<facts::FactBase>(base);
  report.files.push_back({"d.md", text, {f}});
  std::ostringstream json_out, sarif_out;
  server::writeJsonReport(json_out, report);
  server::writeSarifReport(sarif_out, report);
  auto json = nlohmann::json::parse(json_out.str());
  const auto &fixes = json["files"][0]["findings"][0]["fixes"];
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0]["edits"][0]["newText"] == "Alice");
  auto sarif = nlohmann::json::parse(sarif_out.str());
  REQUIRE(sarif["runs"][0]["results"][0]["fixes"].size() == 1);
}

TEST_CASE("JSON and SARIF reports escape the control characters JSON leaves raw",
          "[untrusted]") {
  std::string name = std::string("Na") + kRlo + "me" + kCsi8 + "x\x7f" + kEsc;
  facts::FactBase base = baseWithUrls({"https://ok.example/"}, name);
  Finding f = quoteFinding("q-0");
  f.message = "Attributed to " + name;
  server::CheckReport report;
  report.base = std::make_shared<facts::FactBase>(base);
  report.files.push_back({"d.md", "Words on record.\n", {f}});
  for (auto write : {&server::writeJsonReport, &server::writeSarifReport}) {
    std::ostringstream out;
    write(out, report);
    std::string doc = out.str();
    INFO(doc);
    CHECK_FALSE(hasRawControls(doc, true));
    CHECK(doc.find("Na\\u202eme\\u009bx\\u007f\\u001b") != std::string::npos);
    // The same strings to a JSON reader.
    auto parsed = nlohmann::json::parse(doc);
    std::string message = write == &server::writeJsonReport
                              ? parsed["files"][0]["findings"][0]["message"]
                              : parsed["runs"][0]["results"][0]["message"]["text"];
    CHECK(message == f.message);
  }
}

TEST_CASE("the text report is linear in the length of a line", "[untrusted]") {
  // One 5 MB line with a finding every 2,500 bytes: 2,000 findings. Reading the whole line for
  // each (as the report did) is 10 billion characters shown and measured, hours; each excerpt
  // reads only its window, and the whole report takes well under a second. No clock is read here:
  // should the report turn quadratic again, this test runs into ctest's timeout.
  const std::size_t kLine = 5'000'000, kEvery = 2'500;
  std::string text;
  text.reserve(kLine + 1);
  while (text.size() + 12 < kLine)
    text += text.size() % kEvery < 12 ? "78 million. " : "word, ";
  text += "\n";
  server::CheckedFile file{"long.md", text, {}};
  for (std::size_t at = text.find("78 million"); at != std::string::npos;
       at = text.find("78 million", at + 1)) {
    Finding f = quoteFinding("q-0", at, at + 10);
    f.message = "Draft says 78 million";
    file.findings.push_back(f);
  }
  REQUIRE(file.findings.size() >= 1'500);
  std::ostringstream out;
  server::writeTextReport(out, {file}, false);
  std::string report = out.str();
  // Every excerpt is clipped to about 100 cells around its finding, caret under it.
  std::istringstream lines(report);
  std::size_t excerpts = 0;
  for (std::string l; std::getline(lines, l);) {
    if (!l.starts_with(" 1 | "))
      continue;
    ++excerpts;
    CHECK(l.size() <= 5 + 100 + 6);
    CHECK(l.find("78 million") != std::string::npos);
  }
  CHECK(excerpts == file.findings.size());
  // The excerpt of a finding deep in the line is the same as that of the line cut around it.
  const Finding &deep = file.findings[file.findings.size() / 2];
  std::size_t cut = deep.span.begin - 1000;
  server::CheckedFile piece{"p.md", text.substr(cut, 2000), {}};
  Finding moved = deep;
  moved.span = {deep.span.begin - cut, deep.span.end - cut};
  protocol::LineIndex whole(file.text), part(piece.text);
  auto body = [](const std::string &excerpt) { return excerpt.substr(excerpt.find('|')); };
  CHECK(body(server::sourceExcerpt(file, whole, deep, false)) ==
        body(server::sourceExcerpt(piece, part, moved, false)));
}

TEST_CASE("the HTML sheet keeps the draft's non-ASCII characters whole", "[reports]") {
  using namespace factline::analyzers;
  factline::server::CheckReport report;
  report.base = std::make_shared<factline::facts::FactBase>();
  factline::server::CheckedFile file{
      "d.md", "Caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80 78 million users.\nNext line \xC3\xA9.\n", {}};
  Finding f;
  f.rule = "figure-wrong";
  f.status = Status::Wrong;
  f.severity = Severity::Warning;
  f.span = {file.text.find("78"), file.text.find(" users")};
  file.findings.push_back(f);
  report.files.push_back(file);
  std::ostringstream out;
  factline::server::writeHtmlReport(out, report);
  CHECK(out.str().find("Caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80") != std::string::npos);
  CHECK(out.str().find("Next line \xC3\xA9.") != std::string::npos);
  CHECK(out.str().find("\xEF\xBF\xBD") == std::string::npos);
}
