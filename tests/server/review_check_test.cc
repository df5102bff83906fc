// `factline check` with the workspace's review decisions: reviewed findings listed apart in text,
// JSON, SARIF (suppressions) and HTML, and left out of the exit status.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "server/review_decisions.h"
#include "test_client.h"

namespace {

using factline::testing::CommandRun;
using json = nlohmann::json;

CommandRun checkIn(const factline::testing::TempWorkspace &ws, const std::string &args) {
  return factline::testing::runCommand("cd '" + ws.root.string() + "' && " +
                                       std::string(FACTLINE_BINARY) + " check --no-color " + args +
                                       " 2>&1");
}

const char *kDraft = "# Title\n\nFacebook said the data of 78 million Facebook users was "
                     "improperly shared with Cambridge Analytica.\n";

// A decisions file overruling the draft's one finding, keyed from what `check` reports of it.
std::string decisionFor(const factline::testing::TempWorkspace &ws, const std::string &draft) {
  CommandRun r =
      factline::testing::runCommand("cd '" + ws.root.string() + "' && " +
                                    std::string(FACTLINE_BINARY) + " check --format json " + draft);
  json report = json::parse(r.out);
  const json &f = report["files"][0]["findings"][0];
  factline::server::ReviewDecision d;
  d.key.draft = draft;
  d.key.rule = f["rule"];
  d.key.claim = factline::server::claimHash(f["claim"].get<std::string>());
  d.key.record = f["records"][0]["id"];
  d.verdict = factline::server::Verdict::Overruled;
  d.reason = "record-incomplete";
  d.by = "Ana Ruiz";
  d.at = "2026-12-07T18:52:00Z";
  return factline::server::withDecision({}, d);
}

} // namespace

TEST_CASE("check lists reviewed findings apart and does not fail on them", "[check][reviews]") {
  factline::testing::TempWorkspace ws;
  ws.write("drafts/story.md", kDraft);
  REQUIRE(checkIn(ws, "drafts/story.md").status == 1);
  ws.write(".factline/reviews.json", decisionFor(ws, "drafts/story.md"));

  CommandRun text = checkIn(ws, "drafts/story.md");
  CHECK(text.status == 0);
  CHECK(text.out.find(": warning: ") == std::string::npos);
  CHECK(text.out.find("Reviewed (1):\n  drafts/story.md:3:27: overruled: the record is "
                      "incomplete (Ana Ruiz, 7 December 2026): ") != std::string::npos);
  CHECK(text.out.find("1 file checked: no problems found; 1 reviewed") != std::string::npos);
  // The decisions file is no fact base.
  CHECK(text.out.find("reviews.json") == std::string::npos);

  CommandRun report = checkIn(ws, "--format json drafts/story.md");
  json j = json::parse(report.out);
  CHECK(j["summary"]["reviewed"] == 1);
  CHECK(j["summary"]["bySeverity"]["warning"] == 0);
  CHECK(j["files"][0]["findings"][0]["review"]["decision"] == "overruled");
  CHECK(j["files"][0]["findings"][0]["review"]["by"] == "Ana Ruiz");

  json sarif = json::parse(checkIn(ws, "--format sarif drafts/story.md").out);
  const json &result = sarif["runs"][0]["results"][0];
  REQUIRE(result["suppressions"].size() == 1);
  CHECK(result["suppressions"][0]["kind"] == "external");
  CHECK(result["suppressions"][0]["justification"].get<std::string>().find(
            "record is incomplete") != std::string::npos);

  CommandRun html = checkIn(ws, "--format html drafts/story.md");
  CHECK(html.out.find("<h2 class=\"list\">Reviewed</h2>") != std::string::npos);
  CHECK(html.out.find("<h2 class=\"list\">To decide</h2>") == std::string::npos);

  // Edited elsewhere, the decision holds; the claim's words changed, it lapses.
  ws.write("drafts/story.md", std::string("A new first line.\n\n") + kDraft);
  CHECK(checkIn(ws, "drafts/story.md").status == 0);
  std::string changed = kDraft;
  changed.replace(changed.find("78 million"), 10, "79 million");
  ws.write("drafts/story.md", changed);
  CHECK(checkIn(ws, "drafts/story.md").status == 1);

  // --no-reviews counts every finding; --quiet leaves the reviewed ones out.
  ws.write("drafts/story.md", kDraft);
  CHECK(checkIn(ws, "--no-reviews drafts/story.md").status == 1);
  CHECK(checkIn(ws, "--quiet drafts/story.md").out.empty());
}

TEST_CASE("check refuses a broken decisions file with where and what", "[check][reviews]") {
  factline::testing::TempWorkspace ws;
  ws.write("story.md", kDraft);
  ws.write(".factline/reviews.json", "{\"decisions\": [{\"draft\": 7}]}");
  CommandRun r = checkIn(ws, "story.md");
  CHECK(r.status == 2);
  CHECK(r.out.find(".factline/reviews.json:1:26: $.decisions[0].draft: expected a string") !=
        std::string::npos);
  CHECK(r.out.find("--no-reviews") != std::string::npos);
  CHECK(checkIn(ws, "--no-reviews story.md").status == 1);
}

TEST_CASE("check --quiet leaves the configuration's warnings out, not its errors",
          "[check][config]") {
  factline::testing::TempWorkspace ws;
  ws.write("story.md", kDraft);
  ws.write(".factline/config.json", "{\"severty\": {}}");
  CommandRun loud = checkIn(ws, "story.md");
  CHECK(loud.out.find("unknown setting") != std::string::npos);
  CommandRun quiet = checkIn(ws, "--quiet story.md");
  CHECK(quiet.out.find("unknown setting") == std::string::npos);
  CHECK(quiet.out.find("[figure-wrong]") != std::string::npos);
  ws.write(".factline/config.json", "{\"severity\": 3}");
  CommandRun broken = checkIn(ws, "--quiet story.md");
  CHECK(broken.status == 2);
  CHECK(broken.out.find("$.severity") != std::string::npos);
}
