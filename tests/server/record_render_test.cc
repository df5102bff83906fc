// Rendering findings and records as Markdown; findings to LSP types; settings applied.
#include <catch2/catch.hpp>

#include "server/record_render.h"
#include "server/report_text.h"
#include "server/settings.h"
#include "server/to_lsp.h"

using namespace factline;
using analyzers::FactRef;
using analyzers::Finding;
using analyzers::Severity;
using analyzers::Status;

namespace {

facts::FactBase base() {
  facts::FactBase b;
  b.people.push_back({"p-mz",
                      facts::EntityKind::Person,
                      "Mark Zuckerberg",
                      {"Zuckerberg"},
                      {},
                      "Facebook chief executive",
                      "he",
                      "o-fb"});
  b.people.push_back({"o-fb", facts::EntityKind::Organisation, "Facebook", {}, {}, "", "it", ""});
  b.events.push_back({"e-call", "conference call with reporters", "2018-04-04", {}, ""});
  b.sources.push_back({"s-sbs", "Zuckerberg refuses to resign", "SBS News", "2018-04-05", ""});
  facts::Quote q;
  q.id = "q-battle";
  q.text = "This is going to be a never-ending battle.";
  q.speaker = "p-mz";
  q.event = "e-call";
  q.date = "2018-04-04";
  q.source = "s-sbs";
  q.variants.push_back({"This will be a never-ending battle.", "s-sbs", "as reported later"});
  b.quotes.push_back(q);
  facts::Figure old;
  old.id = "f-50m";
  old.value = 50000000;
  old.text = "50 million";
  old.unit = "users";
  old.subject = "users affected";
  old.superseded_by = "f-87m";
  old.source = "s-sbs";
  facts::Figure now = old;
  now.id = "f-87m";
  now.text = "87 million";
  now.qualifier = "up to";
  now.superseded_by = "";
  now.stated_by = "o-fb";
  now.date = "2018-04-04";
  facts::Figure call;
  call.id = "f-call";
  call.kind = facts::FigureKind::Duration;
  call.value = 1;
  call.text = "hour-long";
  call.unit = "hours";
  facts::Figure ago = call;
  ago.id = "f-ago";
  ago.text = "a month";
  ago.unit = "months";
  b.figures = {old, now, call, ago};
  b.reindex();
  return b;
}

} // namespace

TEST_CASE("an altered quote shows the record with the difference marked", "[render]") {
  Finding f;
  f.rule = "quote-altered";
  f.status = Status::Altered;
  f.severity = Severity::Warning;
  f.message = "Altered quote: 'fight' where the record has 'battle'";
  f.evidence = {{FactRef::Kind::Quote, "q-battle", -1}, {FactRef::Kind::Person, "p-mz", -1}};
  f.diff = {{analyzers::DiffPiece::Kind::Same, "a never-ending"},
            {analyzers::DiffPiece::Kind::RecordOnly, "battle"},
            {analyzers::DiffPiece::Kind::DraftOnly, "fight"}};
  std::string md = server::renderFinding(f, base());
  CHECK(md.find("### Altered quote\n\n") == 0);
  CHECK(md.find("> This is going to be a never-ending battle.") != std::string::npos);
  // Marked so that it reads in plain text too: no Markdown strikethrough.
  CHECK(md.find("a never-ending {+battle+} [-fight-]") != std::string::npos);
  CHECK(md.find("~~") == std::string::npos);
  CHECK(md.find("- Said by: **Mark Zuckerberg**, Facebook chief executive") != std::string::npos);
  CHECK(md.find("- When: conference call with reporters, 4 April 2018") != std::string::npos);
  CHECK(md.find("- Source: *Zuckerberg refuses to resign*, SBS News (5 April 2018)") !=
        std::string::npos);
  CHECK(md.find("- Entry: `q-battle`") != std::string::npos);
  // The person is already named by the quote: not repeated.
  CHECK(md.find("Person:") == std::string::npos);
}

TEST_CASE("a recorded variant is shown with its own wording and note", "[render]") {
  Finding f;
  f.status = Status::Verified;
  f.evidence = {{FactRef::Kind::Quote, "q-battle", 0}};
  std::string md = server::renderFinding(f, base());
  CHECK(md.find("### Verified quote") == 0);
  CHECK(md.find("> This will be a never-ending battle.") != std::string::npos);
  CHECK(md.find("- Note: as reported later") != std::string::npos);
}

TEST_CASE("a superseded figure names what replaced it", "[render]") {
  Finding f;
  f.rule = "figure-superseded";
  f.status = Status::Superseded;
  f.severity = Severity::Warning;
  f.message = "50 million was replaced";
  f.evidence = {{FactRef::Kind::Figure, "f-50m", -1}};
  std::string md = server::renderFinding(f, base());
  CHECK(md.find("### Superseded figure") == 0);
  CHECK(md.find("Record: **50 million** users") != std::string::npos);
  CHECK(md.find("- Superseded by: **up to 87 million**, stated by Facebook (4 April 2018)") !=
        std::string::npos);
}

TEST_CASE("missing evidence is named - markdown in record text is escaped", "[render]") {
  Finding f;
  f.status = Status::Misattributed;
  f.message = "a *starred* claim";
  f.evidence = {{FactRef::Kind::Quote, "q-gone", -1}, {FactRef::Kind::Event, "e-call", -1}};
  std::string md = server::renderFinding(f, base());
  CHECK(md.find("### Misattributed quote") == 0);
  CHECK(md.find("a \\*starred\\* claim") != std::string::npos);
  CHECK(md.find("`q-gone` is not in the fact base") != std::string::npos);
  CHECK(md.find("Event: conference call with reporters, 4 April 2018") != std::string::npos);
  CHECK(server::formatDate("2018-13-01") == "2018-13-01");
  CHECK(server::formatDate("2018-04-10") == "10 April 2018");
}

TEST_CASE("findings become diagnostics - hovers and code actions in the encoding", "[to_lsp]") {
  std::string text = "\xE2\x80\x9C\xF0\x9F\x98\x80\xE2\x80\x9D 78 million";
  protocol::LineIndex lines(text);
  server::LspView view{lines, protocol::PositionEncoding::Utf16};
  Finding f;
  f.rule = "figure-wrong";
  f.status = Status::Wrong;
  f.severity = Severity::Warning;
  f.span = {text.find("78"), text.size()};
  f.message = "Draft says 78 million";
  f.evidence = {{FactRef::Kind::Figure, "f-87m", -1}};
  f.fixes = {{"Use 87 million", {{{f.span.begin, f.span.begin + 2}, "87"}}}};
  Finding verified;
  verified.status = Status::Verified;
  verified.span = {0, 10};
  verified.evidence = {{FactRef::Kind::Quote, "q-battle", -1}};

  auto diags = server::toDiagnostics({verified, f}, view);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].range == protocol::Range{{0, 5}, {0, 15}});
  CHECK(diags[0].data["status"] == "wrong");
  CHECK(diags[0].data["evidence"][0]["id"] == "f-87m");

  auto hover = server::toHover({verified, f}, f.span.begin + 1, base(), view, true);
  REQUIRE(hover);
  CHECK(hover->contents.value.find("### Wrong figure") == 0);
  CHECK(hover->range == protocol::Range{{0, 5}, {0, 15}});
  CHECK_FALSE(server::toHover({f}, 1, base(), view, true));

  auto actions = server::toCodeActions({f}, {f.span.begin, f.span.begin}, "file:///a.md", 3, view);
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].edit.version == 3);
  CHECK(actions[0].edit.changes["file:///a.md"][0].range == protocol::Range{{0, 5}, {0, 7}});
}

TEST_CASE("settings are read leniently and applied per rule", "[settings]") {
  std::vector<std::string> problems;
  auto s = server::readSettings(
      {{"factBases", {"a.json", 3}},
       {"debounceMs", 0},
       {"unverifiedQuotes", "yes"},
       {"severity", {{"quote-altered", "error"}, {"figure-wrong", "off"}, {"x", "loud"}}}},
      problems);
  CHECK(s.fact_bases == std::vector<std::string>{"a.json"});
  CHECK(s.debounce_ms == 0);
  CHECK(s.unverified_quotes); // the bad value keeps the default
  CHECK(problems.size() == 3);
  Finding altered;
  altered.rule = "quote-altered";
  altered.severity = Severity::Warning;
  Finding wrong;
  wrong.rule = "figure-wrong";
  wrong.severity = Severity::Warning;
  auto out = server::applySettings({altered, wrong}, s);
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == Severity::Error);
  CHECK(server::readSettings(nullptr, problems) == server::Settings{});
}

TEST_CASE("the text report is compiler-style with a summary", "[report]") {
  server::CheckedFile file{"d.md", "ok\n\xC3\xA9 78 million", {}};
  Finding f;
  f.rule = "figure-wrong";
  f.severity = Severity::Warning;
  f.span = {file.text.find("78"), file.text.size()};
  f.message = "Draft says 78 million";
  Finding verified; // no severity: no line
  file.findings = {verified, f};
  CHECK(server::findingLine(file, f, false) ==
        "d.md:2:3: warning: Draft says 78 million [figure-wrong]");
  CHECK(server::findingLine(file, verified, false).empty());
  auto counts = server::countBySeverity({file});
  CHECK(server::summaryLine(1, counts) ==
        "1 file checked: 0 errors, 1 warning, 0 information, 0 hints");
  CHECK(server::summaryLine(2, {}) == "2 files checked: no problems found");
}

TEST_CASE("a record's unit is not repeated when its words name it", "[render]") {
  for (const char *id : {"f-call", "f-ago"}) {
    Finding f;
    f.status = Status::Verified;
    f.evidence = {{FactRef::Kind::Figure, id, -1}};
    const std::string md = server::renderFinding(f, base());
    INFO(md);
    CHECK((md.find("Record: **hour-long**\n") != std::string::npos ||
           md.find("Record: **a month**\n") != std::string::npos));
  }
}

TEST_CASE("a code action or hover asked at either end of a finding finds it, and one byte outside "
          "does not",
          "[to_lsp]") {
  std::string text = "Draft says 78 million users.";
  protocol::LineIndex lines(text);
  server::LspView view{lines, protocol::PositionEncoding::Utf16};
  Finding f;
  f.rule = "figure-wrong";
  f.status = Status::Wrong;
  f.severity = Severity::Warning;
  f.span = {text.find("78"), text.find(" users")};
  f.evidence = {{FactRef::Kind::Figure, "f-87m", -1}};
  f.fixes = {{"Use 87 million", {{{f.span.begin, f.span.begin + 2}, "87"}}}};
  auto actionsAt = [&](std::size_t begin, std::size_t end) {
    return server::toCodeActions({f}, {begin, end}, "file:///a.md", 1, view).size();
  };
  CHECK(actionsAt(f.span.begin, f.span.begin) == 1); // the cursor before its first character
  CHECK(actionsAt(f.span.end, f.span.end) == 1);     // the cursor just after its last one
  CHECK(actionsAt(f.span.begin + 3, f.span.begin + 3) == 1);
  CHECK(actionsAt(f.span.end - 1, f.span.end + 4) == 1); // a selection over its last character
  CHECK(actionsAt(0, f.span.begin + 1) == 1);            // ... and over its first
  CHECK(actionsAt(f.span.end + 1, f.span.end + 1) == 0);
  CHECK(actionsAt(f.span.begin - 1, f.span.begin - 1) == 0);
  CHECK(actionsAt(0, f.span.begin - 1) == 0);

  CHECK(server::toHover({f}, f.span.begin, base(), view, true));
  CHECK(server::toHover({f}, f.span.end, base(), view, true));
  CHECK_FALSE(server::toHover({f}, f.span.end + 1, base(), view, true));
  CHECK_FALSE(server::toHover({f}, f.span.begin - 1, base(), view, true));
}

TEST_CASE("Markdown in every field a hover shows is escaped", "[render]") {
  facts::FactBase b;
  b.people.push_back({"p-x", facts::EntityKind::Person, "Ann *Star* Lee", {"A_B"}, {},
                      "head of [links](x)", "she", ""});
  b.events.push_back({"e-x", "the `call`", "2018-04-04", {}, "a # note"});
  b.sources.push_back({"s-x", "Title with *stars*", "Pub_lisher", "2018-04-05",
                       "https://example.org/a"});
  facts::Quote q;
  q.id = "q-x";
  q.text = "Words with **bold** and _under_";
  q.speaker = "p-x";
  q.event = "e-x";
  q.source = "s-x";
  b.quotes.push_back(q);
  b.reindex();
  Finding f;
  f.status = Status::Verified;
  f.message = "Message with <b>tag</b> and *star*";
  f.evidence = {{FactRef::Kind::Quote, "q-x", -1}};
  Finding who; // the person and the event on their own, with their aliases and description
  who.status = Status::Misattributed;
  who.evidence = {{FactRef::Kind::Person, "p-x", -1}, {FactRef::Kind::Event, "e-x", -1}};
  std::string md = server::renderFinding(f, b) + server::renderFinding(who, b);
  INFO(md);
  CHECK(md.find("Ann \\*Star\\* Lee") != std::string::npos);
  CHECK(md.find("Ann *Star*") == std::string::npos);
  CHECK(md.find("head of \\[links\\](x)") != std::string::npos);
  CHECK(md.find("a \\# note") != std::string::npos);
  CHECK(md.find("Words with \\*\\*bold\\*\\* and \\_under\\_") != std::string::npos);
  CHECK(md.find("the \\`call\\`") != std::string::npos);
  CHECK(md.find("Title with \\*stars\\*") != std::string::npos);
  CHECK(md.find("Pub\\_lisher") != std::string::npos);
  CHECK(md.find("A\\_B") != std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
  CHECK(md.find("\\*star\\*") != std::string::npos);
}
