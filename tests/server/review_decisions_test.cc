// Review decisions: keys that survive edits elsewhere and lapse when the claim changes, the file's
// validation, and "Mark as reviewed…" in the server (asked, written by the client, shown as Hint).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "server/review_decisions.h"
#include "server/review_lsp.h"
#include "test_client.h"

namespace {

using factline::analyzers::FactRef;
using factline::analyzers::Finding;
using factline::analyzers::Severity;
using factline::analyzers::Span;
using namespace factline::server;
using factline::testing::json;

Finding figureFinding(std::size_t at, const std::string &claim, const std::string &record) {
  Finding f;
  f.rule = "figure-wrong";
  f.status = factline::analyzers::Status::Wrong;
  f.severity = Severity::Warning;
  f.span = {at, at + claim.size()};
  f.claim = claim;
  f.message = "the record says up to 87 million";
  f.evidence.push_back({FactRef::Kind::Figure, record, -1});
  return f;
}

ReviewBook bookWith(const ReviewKey &key) {
  ReviewDecision d;
  d.key = key;
  d.verdict = Verdict::Overruled;
  d.reason = "record-incomplete";
  d.by = "Ana Ruiz";
  d.at = "2026-12-07T18:52:00Z";
  return parseReviews(withDecision(ReviewBook{}, d), "reviews.json");
}

} // namespace

TEST_CASE("a review decision survives edits elsewhere and lapses when the claim's words change",
          "[reviews]") {
  std::vector<Finding> before{figureFinding(40, "78 million", "f-users-affected")};
  ReviewBook book = bookWith(reviewKeys("drafts/story.md", before)[0]);
  REQUIRE(book.errors.empty());
  REQUIRE(book.decisions.size() == 1);

  // A paragraph added above moves the claim: the decision holds.
  std::vector<Finding> moved{figureFinding(400, "78 million", "f-users-affected")};
  CHECK(matchReviews("drafts/story.md", moved, book)[0] != nullptr);
  // Case, spacing and quotation marks are not the words.
  std::vector<Finding> respaced{figureFinding(400, "78  Million", "f-users-affected")};
  CHECK(matchReviews("drafts/story.md", respaced, book)[0] != nullptr);
  // Another figure, another record, another draft or another rule: no decision.
  std::vector<Finding> changed{figureFinding(40, "79 million", "f-users-affected")};
  CHECK(matchReviews("drafts/story.md", changed, book)[0] == nullptr);
  std::vector<Finding> other_record{figureFinding(40, "78 million", "f-other")};
  CHECK(matchReviews("drafts/story.md", other_record, book)[0] == nullptr);
  CHECK(matchReviews("drafts/other.md", moved, book)[0] == nullptr);
  moved[0].rule = "figure-superseded";
  CHECK(matchReviews("drafts/story.md", moved, book)[0] == nullptr);
}

TEST_CASE("a repeated claim is told apart by its occurrence in reading order", "[reviews]") {
  // Findings need not come in reading order: occurrences count by position.
  std::vector<Finding> findings{figureFinding(300, "78 million", "f-a"),
                                figureFinding(10, "78 million", "f-a")};
  auto keys = reviewKeys("d.md", findings);
  CHECK(keys[0].occurrence == 2);
  CHECK(keys[1].occurrence == 1);
  ReviewBook book = bookWith(keys[0]);
  auto matched = matchReviews("d.md", findings, book);
  CHECK(matched[0] != nullptr);
  CHECK(matched[1] == nullptr);
  // Shown to the writer as a Hint that says what was decided, by whom.
  CHECK(markReviewed(findings, matched) == 1);
  CHECK(findings[0].severity == Severity::Hint);
  CHECK(findings[0].message.rfind("Reviewed, overruled: the record is incomplete (Ana Ruiz, 7 "
                                  "December 2026). ",
                                  0) == 0);
  CHECK(findings[1].severity == Severity::Warning);
}

TEST_CASE("a verified claim has nothing to review", "[reviews]") {
  std::vector<Finding> findings{figureFinding(10, "87 million", "f-a")};
  ReviewBook book = bookWith(reviewKeys("d.md", findings)[0]);
  findings[0].severity.reset();
  CHECK(matchReviews("d.md", findings, book)[0] == nullptr);
}

TEST_CASE("a decisions file with a mistake names the file, line, column and field", "[reviews]") {
  const std::string hash = claimHash("78 million");
  ReviewBook bad =
      parseReviews("{\"decisions\": [\n  {\"draft\": \"a.md\", \"rule\": \"figure-wrong\", "
                   "\"claim\": \"" +
                       hash + "\", \"decision\": \"overuled\"}\n]}",
                   ".factline/reviews.json");
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].describe().find(".factline/reviews.json:2:") == 0);
  CHECK(bad.errors[0].json_path == "$.decisions[0].decision");
  CHECK(bad.decisions.empty());

  ReviewBook other =
      parseReviews("{\"decisions\": [{\"draft\": \"a.md\", \"rule\": \"r\", \"claim\": \"" + hash +
                       "\", \"decision\": \"overruled\", \"reason\": \"other\"}]}",
                   "f");
  REQUIRE(other.errors.size() == 1);
  CHECK(other.errors[0].message.find("\"why\"") != std::string::npos);

  ReviewBook reason =
      parseReviews("{\"decisions\": [{\"draft\": \"a.md\", \"rule\": \"r\", \"claim\": \"" + hash +
                       "\", \"decision\": \"overruled\", \"reason\": \"record-incomplet\"}]}",
                   "f");
  REQUIRE(reason.errors.size() == 1);
  CHECK(reason.errors[0].message.find("did you mean record-incomplete?") != std::string::npos);

  ReviewBook hashless = parseReviews(
      "{\"decisions\": [{\"draft\": \"a.md\", \"rule\": \"r\", \"claim\": \"78 million\", "
      "\"decision\": \"fixed\"}]}",
      "f");
  CHECK(hashless.errors.size() == 1);

  ReviewBook missing = parseReviews("{\"decisions\": [{\"draft\": \"a.md\"}]}", "f");
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].message.find("\"rule\"") != std::string::npos);

  ReviewBook syntax = parseReviews("{\"decisions\": [", "f");
  CHECK(syntax.errors.size() == 1);

  // An unknown key is a warning; the decision is used.
  ReviewBook extra =
      parseReviews("{\"decisions\": [{\"draft\": \"a.md\", \"rule\": \"r\", \"claim\": \"" + hash +
                       "\", \"decision\": \"fixed\", \"note\": \"x\"}]}",
                   "f");
  CHECK(extra.errors.empty());
  REQUIRE(extra.warnings.size() == 1);
  CHECK(extra.warnings[0].message.find("unknown key") != std::string::npos);
  CHECK(extra.decisions.size() == 1);

  CHECK_FALSE(readReviewFile("/nonexistent/.factline/reviews.json").found);
}

TEST_CASE("a decisions file that is not a regular file is refused, not waited on", "[reviews]") {
  // A FIFO in the place of reviews.json (a workspace is untrusted): reading it would wait for a
  // writer, or read nothing and call the file empty.
  const std::string dir = (std::filesystem::temp_directory_path() /
                           ("factline-reviews-fifo-" + std::to_string(::getpid())))
                              .string();
  std::filesystem::create_directories(dir);
  const std::string fifo = dir + "/reviews.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  ReviewBook book = readReviewFile(fifo);
  CHECK(book.found);
  REQUIRE(book.errors.size() == 1);
  CHECK(book.errors[0].describe().find("is not a regular file") != std::string::npos);
  CHECK(book.decisions.empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("recording a decision again replaces it, and keeps every other", "[reviews]") {
  std::vector<Finding> findings{figureFinding(10, "78 million", "f-a"),
                                figureFinding(60, "3 hours", "f-b")};
  auto keys = reviewKeys("d.md", findings);
  ReviewBook book = bookWith(keys[0]);
  ReviewDecision second;
  second.key = keys[1];
  second.verdict = Verdict::Fixed;
  second.why = "line \"two\"\nand a \x1b control";
  book = parseReviews(withDecision(book, second), "f");
  REQUIRE(book.errors.empty());
  REQUIRE(book.decisions.size() == 2);
  CHECK(book.decisions[1].why == second.why); // kept as written; escaped when shown
  CHECK(describeDecision(book.decisions[1]).find('\x1b') == std::string::npos);
  ReviewDecision again = book.decisions[0];
  again.verdict = Verdict::Fixed;
  again.reason.clear();
  book = parseReviews(withDecision(book, again), "f");
  REQUIRE(book.decisions.size() == 2);
  CHECK(book.decisions[1].key == keys[0]);
  CHECK(book.decisions[1].verdict == Verdict::Fixed);
}

namespace {

json codeActionsAt(factline::testing::TestClient &client, const std::string &uri, int line,
                   int character) {
  int id = client.request("textDocument/codeAction",
                          {{"textDocument", {{"uri", uri}}},
                           {"range", factline::testing::range(line, character, line, character)},
                           {"context", {{"diagnostics", json::array()}}}});
  client.pump();
  auto r = client.response(id);
  REQUIRE(r);
  return (*r)["result"];
}

std::string readAll(const std::filesystem::path &p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("Mark as reviewed asks the writer, has the client write the file, and shows a Hint",
          "[reviews][server]") {
  factline::testing::TempWorkspace ws;
  ws.write("drafts/story.md", "One WRONG here.\n\nAnd WRONG again.\n");
  auto analyzer = std::make_shared<factline::testing::MarkerAnalyzer>();
  factline::testing::TestClient::Options options;
  options.root = ws.root.string();
  options.capabilities = {
      {"workspace",
       {{"applyEdit", true},
        {"workspaceEdit",
         {{"documentChanges", true}, {"resourceOperations", json::array({"create"})}}}}}};
  factline::testing::TestClient client(analyzer, options);
  json init = client.initialize();
  CHECK(init["result"]["capabilities"]["executeCommandProvider"]["commands"] ==
        json::array({"factline.markReviewed"}));
  const std::string uri = ws.uri("drafts/story.md");
  client.open(uri, "One WRONG here.\n\nAnd WRONG again.\n");
  client.pump();

  // The second WRONG: a quick fix, then "Mark as reviewed…" with the finding's key.
  json actions = codeActionsAt(client, uri, 2, 6);
  REQUIRE(actions.size() == 2);
  CHECK(actions[1]["title"] == "Mark as reviewed\u2026");
  CHECK_FALSE(actions[1].contains("edit"));
  json command = actions[1]["command"];
  CHECK(command["command"] == "factline.markReviewed");
  CHECK(command["arguments"][0]["draft"] == "drafts/story.md");
  CHECK(command["arguments"][0]["occurrence"] == 2);

  // The writer picks "Overruled: the outlet's transcription differs"; the editor applies the edit.
  client.answers["window/showMessageRequest"] = {
      {"title", "Overruled: the outlet's transcription differs"}};
  client.answers["workspace/applyEdit"] = {{"applied", true}};
  int id = client.request("workspace/executeCommand",
                          {{"command", command["command"]}, {"arguments", command["arguments"]}});
  client.pump();
  auto reply = client.response(id);
  REQUIRE(reply);
  CHECK(reply->contains("result"));
  auto asked = client.serverRequests("window/showMessageRequest");
  REQUIRE(asked.size() == 1);
  CHECK(asked[0]["params"]["actions"].size() == 4);
  auto edits = client.serverRequests("workspace/applyEdit");
  REQUIRE(edits.size() == 1);
  // No file yet: the client is asked to create it, then to fill it.
  const json changes = edits[0]["params"]["edit"]["documentChanges"];
  REQUIRE(changes.size() == 2);
  CHECK(changes[0]["kind"] == "create");
  const std::string written = changes[1]["edits"][0]["newText"];
  ReviewBook book = parseReviews(written, "x");
  REQUIRE(book.errors.empty());
  REQUIRE(book.decisions.size() == 1);
  CHECK(book.decisions[0].reason == "transcription-differs");
  CHECK(book.decisions[0].key.occurrence == 2);
  CHECK_FALSE(book.decisions[0].by.empty()); // the OS user, with no setting
  // The server wrote nothing itself.
  CHECK_FALSE(std::filesystem::exists(ws.root / ".factline" / "reviews.json"));

  // At once: the second finding is a Hint that says so, the first still a Warning.
  json diags = client.lastDiagnostics(uri)["diagnostics"];
  REQUIRE(diags.size() == 2);
  CHECK(diags[0]["severity"] == 2);
  CHECK(diags[1]["severity"] == 4);
  CHECK(diags[1]["message"].get<std::string>().rfind("Reviewed, overruled: the outlet's", 0) == 0);
  CHECK(codeActionsAt(client, uri, 2, 6)[1]["title"] == "Review again\u2026");

  // The editor saves the file; a server started afresh reads it and shows the same.
  ws.write(".factline/reviews.json", written);
  factline::testing::TestClient fresh(analyzer, options);
  fresh.initialize();
  fresh.open(uri, "A new first paragraph.\n\nOne WRONG here.\n\nAnd WRONG again.\n");
  fresh.pump();
  json again = fresh.lastDiagnostics(uri)["diagnostics"];
  REQUIRE(again.size() == 2);
  CHECK(again[0]["severity"] == 2);
  CHECK(again[1]["severity"] == 4);

  // A second decision rewrites the whole file, keeping the first.
  fresh.answers["workspace/applyEdit"] = {{"applied", true}};
  json first = codeActionsAt(fresh, uri, 2, 6)[1]["command"];
  json args = first["arguments"];
  args[0]["decision"] = "overruled"; // from an editor that asked for free text itself
  args[0]["reason"] = "other";
  args[0]["why"] = "said twice; the record has one";
  args[0]["by"] = "Ben";
  int id2 = fresh.request("workspace/executeCommand",
                          {{"command", "factline.markReviewed"}, {"arguments", args}});
  fresh.pump();
  REQUIRE(fresh.response(id2));
  CHECK(fresh.serverRequests("window/showMessageRequest").empty());
  auto edits2 = fresh.serverRequests("workspace/applyEdit");
  REQUIRE(edits2.size() == 1);
  const json &change = edits2[0]["params"]["edit"]["changes"][ws.uri(".factline/reviews.json")];
  REQUIRE(change.size() == 1);
  CHECK(change[0]["range"]["start"] == json{{"line", 0}, {"character", 0}});
  ReviewBook both = parseReviews(change[0]["newText"].get<std::string>(), "x");
  REQUIRE(both.decisions.size() == 2);
  CHECK(both.decisions[1].by == "Ben");
  CHECK(readAll(ws.root / ".factline" / "reviews.json") == written); // still the client's to write
}

TEST_CASE("Mark as reviewed, dismissed or refused, records nothing", "[reviews][server]") {
  factline::testing::TempWorkspace ws;
  auto analyzer = std::make_shared<factline::testing::MarkerAnalyzer>();
  factline::testing::TestClient::Options options;
  options.root = ws.root.string();
  factline::testing::TestClient client(analyzer, options);
  client.initialize();
  const std::string uri = ws.uri("story.md");
  client.open(uri, "One WRONG here.\n");
  client.pump();
  json command = codeActionsAt(client, uri, 0, 5)[1]["command"];
  // Dismissed: the client answers null; nothing is written.
  int id = client.request("workspace/executeCommand", {{"command", "factline.markReviewed"},
                                                       {"arguments", command["arguments"]}});
  client.pump();
  REQUIRE(client.response(id));
  CHECK(client.serverRequests("workspace/applyEdit").empty());
  // The editor refuses the edit: an error that says so, and the finding stays a Warning.
  client.answers["window/showMessageRequest"] = {{"title", "Fixed"}};
  client.answers["workspace/applyEdit"] = {{"applied", false}, {"failureReason", "read-only"}};
  int id2 = client.request("workspace/executeCommand", {{"command", "factline.markReviewed"},
                                                        {"arguments", command["arguments"]}});
  client.pump();
  auto r2 = client.response(id2);
  REQUIRE(r2);
  REQUIRE(r2->contains("error"));
  CHECK((*r2)["error"]["message"].get<std::string>().find("read-only") != std::string::npos);
  CHECK(client.lastDiagnostics(uri)["diagnostics"][0]["severity"] == 2);
  // A broken decisions file is never rewritten: its decisions would be lost.
  ws.write(".factline/reviews.json", "{\"decisions\": [ oops");
  int id3 = client.request("workspace/executeCommand", {{"command", "factline.markReviewed"},
                                                        {"arguments", command["arguments"]}});
  client.pump();
  auto r3 = client.response(id3);
  REQUIRE(r3);
  CHECK(r3->contains("error"));
  CHECK(client.serverRequests("workspace/applyEdit").size() == 1);
  // Bad arguments and unknown commands name what is wrong.
  int id4 = client.request("workspace/executeCommand",
                           {{"command", "factline.markReviewed"}, {"arguments", {{{"draft", 3}}}}});
  int id5 = client.request("workspace/executeCommand", {{"command", "factline.nope"}});
  client.pump();
  CHECK((*client.response(id4))["error"]["message"].get<std::string>().find("draft") !=
        std::string::npos);
  CHECK((*client.response(id5))["error"]["message"].get<std::string>().find("factline.nope") !=
        std::string::npos);
}
