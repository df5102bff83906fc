// Tests that what the server sends after each edit, pushed or pulled, is what a fresh check of the
// same text gives, converted the plain way: the memos, the kept diagnostic encodings and the
// "unchanged" answers never show the writer anything a full re-check would not.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "analyzers/analyzer_group.h"
#include "facts/loader.h"
#include "protocol/line_index.h"
#include "protocol/lsp_features.h"
#include "server/diagnostic_encoder.h"
#include "server/settings.h"
#include "server/to_lsp.h"
#include "test_client.h"

using namespace factline;
using namespace factline::testing;
using protocol::json;

namespace {

const facts::FactIndex &bundledIndex() {
  static facts::FactIndex index(std::make_shared<facts::FactBase>(facts::bundledFactBase()));
  return index;
}

// The diagnostics of a fresh check of `text`, through the plain conversion (toDiagnostics, then
// protocol::toJSON), with the default settings: the oracle.
json freshDiagnostics(const std::string &text) {
  analyzers::Document doc(text, analyzers::DraftFormat::Markdown);
  auto findings = server::applySettings(
      analyzers::AnalyzerGroup::standard().analyze(doc, bundledIndex(), analyzers::CancelToken{}),
      server::Settings{});
  protocol::LineIndex lines(text);
  server::LspView view{lines, protocol::PositionEncoding::Utf16};
  return protocol::toJSON(protocol::PublishDiagnosticsParams{"x", 1,
                                                             server::toDiagnostics(findings, view)})
      .at("diagnostics");
}

std::string readFile(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Three drafts of the project's own corpus, one after another: speakers, occasions, datelines,
// headings and figures, with findings of every kind.
std::string corpusDraft() {
  const std::filesystem::path eval = std::filesystem::path(FACTLINE_SOURCE_DIR) / "eval";
  std::vector<std::filesystem::path> drafts;
  for (const char *dir : {"quotes", "figures"})
    for (const auto &e : std::filesystem::directory_iterator(eval / dir))
      if (e.path().extension() == ".md")
        drafts.push_back(e.path());
  std::sort(drafts.begin(), drafts.end());
  REQUIRE(drafts.size() >= 3);
  std::string out;
  for (std::size_t i = 0; i < drafts.size() && i < 9; i += 3)
    out += readFile(drafts[i]) + "\n\n";
  return out;
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A byte offset moved off the middle of a UTF-8 character.
std::size_t boundary(const std::string &text, std::size_t at) {
  while (at < text.size() && continuation(text[at]))
    ++at;
  return at;
}

struct Edit {
  std::size_t begin, end;
  std::string text;
};

// A random edit of the kinds a writer makes, including those whose effect reaches other
// paragraphs: a speaker named above a quote, a heading or dateline that sets the occasion, a
// figure's words, a paragraph split or joined, a pasted stretch, a deleted one.
Edit randomEdit(const std::string &text, std::mt19937 &rng) {
  static const std::vector<std::string> typed = {"a", "e", " ", ".", ",", "\"", "\u201C",
                                                 "\u201D", "\n", "x", "5", "'"};
  static const std::vector<std::string> pasted = {
      "Senator Grassley said:\n\n",
      "Mark Zuckerberg told senators on Tuesday. ",
      "\n\n## The call with reporters\n\n",
      "\n\n# Senate hearing, April 10, 2018\n\n",
      "WASHINGTON, April 4, 2018 \u2014 ",
      "He said: \u201CWe didn't take a broad enough view of our responsibility.\u201D ",
      "The data of 78 million users was shared. ",
      "\u201CThis is going to be a never-ending battle,\u201D she said. ",
      "Zuckerberg",
      "he",
      "87 million",
      "<!-- factline-disable-next-line -->\n",
  };
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::size_t at = boundary(text, pick(text.size() + 1));
  switch (pick(7)) {
  case 0:
  case 1:
    return {at, at, typed[pick(typed.size())]};
  case 2: { // delete a character or a short stretch
    std::size_t end = boundary(text, std::min(text.size(), at + 1 + pick(pick(2) ? 2 : 80)));
    return {at, end, ""};
  }
  case 3:
  case 4:
    return {at, at, pasted[pick(pasted.size())]};
  case 5: { // replace the word at `at`
    std::size_t b = text.rfind(' ', at == 0 ? 0 : at - 1);
    b = b == std::string::npos ? 0 : b + 1;
    std::size_t e = text.find_first_of(" \n", b);
    return {b, e == std::string::npos ? text.size() : e, pasted[8 + pick(3)]};
  }
  default: { // join two paragraphs
    std::size_t p = text.find("\n\n", at);
    return p == std::string::npos ? Edit{at, at, "\n\n"} : Edit{p, p + 1, ""};
  }
  }
}

json lspChange(const std::string &text, const Edit &e) {
  protocol::LineIndex lines(text);
  auto pos = [&](std::size_t o) {
    auto p = lines.toPosition(o, protocol::PositionEncoding::Utf16);
    return json{{"line", p.line}, {"character", p.character}};
  };
  return json{{"range", {{"start", pos(e.begin)}, {"end", pos(e.end)}}}, {"text", e.text}};
}

} // namespace

TEST_CASE("diagnostics after each edit whether pushed or pulled are those of a fresh check") {
  TestClient::Options push_options;
  push_options.bundled_facts = true;
  TestClient pushed(nullptr, push_options);
  TestClient::Options pull_options = push_options;
  pull_options.capabilities = {{"textDocument", {{"diagnostic", json::object()}}}};
  TestClient pulled(nullptr, pull_options);
  pushed.initialize();
  pulled.initialize();

  const std::string uri = "file:///tmp/incremental.md";
  std::string text = corpusDraft();
  pushed.open(uri, text);
  pulled.open(uri, text);
  pushed.pump();
  pulled.pump();
  REQUIRE(pulled.diagnosticsFor(uri).empty()); // a client that pulls is not pushed to

  json held;          // what the pulling client holds
  std::string held_id; // and its resultId
  std::size_t unchanged = 0, full = 0;
  auto pull = [&] {
    int id = pulled.request("textDocument/diagnostic",
                            held_id.empty() ? json{{"textDocument", {{"uri", uri}}}}
                                            : json{{"textDocument", {{"uri", uri}}},
                                                   {"previousResultId", held_id}});
    pulled.pump();
    auto r = pulled.response(id);
    REQUIRE(r);
    REQUIRE(r->contains("result"));
    const json &report = (*r)["result"];
    if (report.at("kind") == "unchanged") {
      REQUIRE(report.at("resultId") == held_id);
      ++unchanged;
    } else {
      REQUIRE(report.at("kind") == "full");
      held = report.at("items");
      held_id = report.at("resultId").get<std::string>();
      ++full;
    }
  };
  pull();
  REQUIRE(held == freshDiagnostics(text));
  REQUIRE(!held.empty());

  std::mt19937 rng(20261207);
  for (int step = 0; step < 60; ++step) {
    const int version = step + 2;
    json changes = json::array();
    std::size_t n = 1 + (step % 4 == 3); // now and then two changes in one notification
    for (std::size_t i = 0; i < n; ++i) {
      Edit e = randomEdit(text, rng);
      changes.push_back(lspChange(text, e)); // each range is in the text the one before made
      text.replace(e.begin, e.end - e.begin, e.text);
    }
    INFO("step " << step << ", changes " << changes.dump() << "\n" << text);
    pushed.change(uri, version, changes);
    pulled.change(uri, version, changes);
    pushed.pump();
    json fresh = freshDiagnostics(text);
    json last = pushed.lastDiagnostics(uri);
    REQUIRE(last.at("version") == version);
    REQUIRE(last.at("diagnostics") == fresh);
    pull();
    REQUIRE(held == fresh);
  }
  // Both answers were met: a test where every pull was "full" would prove little.
  CHECK(unchanged > 0);
  CHECK(full > 1);
}

TEST_CASE("a finding met again keeps its encoding and only its range is written anew") {
  using analyzers::Finding;
  Finding wrong;
  wrong.rule = "figure-wrong";
  wrong.status = analyzers::Status::Wrong;
  wrong.severity = analyzers::Severity::Warning;
  wrong.span = {4, 14};
  wrong.message = "The record says 87 million.\tTab \x01 and \"quotes\"";
  wrong.evidence = {{analyzers::FactRef::Kind::Figure, "f-users"}};
  Finding verified = wrong;
  verified.severity.reset();
  Finding doubt = wrong;
  doubt.rule = "quote-unverified";
  doubt.severity = analyzers::Severity::Information;
  doubt.span = {20, 30};

  std::string text = "One 78 million\nand \u201Csome words\u201D here\n";
  auto plain = [&](const std::vector<Finding> &findings) {
    protocol::LineIndex lines(text);
    server::LspView view{lines, protocol::PositionEncoding::Utf16};
    json out = json::array();
    for (const auto &d : server::toDiagnostics(findings, view))
      out.push_back(protocol::toJSON(d));
    return out;
  };
  server::DiagnosticEncoder encoder;
  const std::string before = encoder.resultId();
  std::vector<Finding> findings = {wrong, verified, doubt};
  {
    protocol::LineIndex lines(text);
    REQUIRE(encoder.encode(findings, {lines, protocol::PositionEncoding::Utf16}));
  }
  CHECK(json::parse(encoder.items()) == plain(findings));
  CHECK(encoder.convertedLastTime() == 2);
  const std::string first = encoder.resultId();
  CHECK(first != before);

  // The same findings again: nothing converted, nothing changed, the same id.
  {
    protocol::LineIndex lines(text);
    CHECK_FALSE(encoder.encode(findings, {lines, protocol::PositionEncoding::Utf16}));
  }
  CHECK(encoder.convertedLastTime() == 0);
  CHECK(encoder.resultId() == first);

  // Text typed above them: both move, neither is converted again, the ranges follow.
  text.insert(0, "A line.\n");
  for (auto &f : findings)
    f.span = {f.span.begin + 8, f.span.end + 8};
  {
    protocol::LineIndex lines(text);
    CHECK(encoder.encode(findings, {lines, protocol::PositionEncoding::Utf16}));
  }
  CHECK(encoder.convertedLastTime() == 0);
  CHECK(json::parse(encoder.items()) == plain(findings));
  CHECK(encoder.resultId() != first);

  // A changed message is converted again, and only that finding.
  findings[2].message += " More.";
  {
    protocol::LineIndex lines(text);
    CHECK(encoder.encode(findings, {lines, protocol::PositionEncoding::Utf16}));
  }
  CHECK(encoder.convertedLastTime() == 1);
  CHECK(json::parse(encoder.items()) == plain(findings));

  // A severity changed by a setting is a different diagnostic, though the words are the same.
  findings[0].severity = analyzers::Severity::Error;
  {
    protocol::LineIndex lines(text);
    CHECK(encoder.encode(findings, {lines, protocol::PositionEncoding::Utf16}));
  }
  CHECK(encoder.convertedLastTime() == 1);
  CHECK(json::parse(encoder.items()) == plain(findings));
}
