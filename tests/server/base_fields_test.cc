// Every field of a base's people, events and sources, from the JSON a newsroom writes through to
// what a writer sees: the loaded entry, the hover's Markdown and the JSON report's records. Each
// field holds a value no other field holds, so that one read into another's place shows.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "facts/loader.h"
#include "server/record_render.h"
#include "test_client.h"

using namespace factline;
using analyzers::FactRef;
using analyzers::Finding;
using analyzers::Status;
using nlohmann::json;

namespace {

const char *const kBase = R"({
  "factline": 1,
  "name": "every field",
  "people": [
    {"id": "p-ada", "kind": "person", "name": "Ada Lovelace", "aliases": ["Countess Lovelace"],
     "descriptors": ["the analyst"], "role": "mathematician", "pronoun": "she",
     "organisation": "o-society"},
    {"id": "p-babbage", "name": "Charles Babbage", "aliases": ["Babbage", "Mr Babbage"],
     "pronoun": "he", "organisation": "o-society"},
    {"id": "o-society", "kind": "organisation", "name": "Analytical Society", "pronoun": "it"}
  ],
  "events": [
    {"id": "e-talk", "name": "the engine talk", "date": "1843-07-01", "aliases": ["the talk"],
     "description": "A lecture on the engine"}
  ],
  "sources": [
    {"id": "s-notes", "title": "Notes on the Engine", "publisher": "Scientific Memoirs",
     "date": "1843-09-02", "url": "https://example.org/notes-on-the-engine"}
  ],
  "quotes": [
    {"id": "q-weaves", "speaker": "p-ada", "event": "e-talk", "date": "1843-07-03",
     "source": "s-notes", "text": "The engine weaves algebraic patterns"}
  ],
  "figures": [
    {"id": "f-cards", "kind": "count", "value": 87000000, "text": "87 million",
     "qualifier": "up to", "unit": "users", "subject": "users whose data was shared",
     "keywords": ["shared"], "stated_by": "p-babbage", "date": "1843-08-04", "source": "s-notes"}
  ]
})";

facts::FactBase loaded() {
  facts::LoadResult r = facts::parseFactBase(kBase, "every-field.json", {});
  std::string errors;
  for (const facts::LoadError &e : r.errors)
    errors += e.describe() + "\n";
  INFO(errors);
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  r.base.reindex();
  return std::move(r.base);
}

std::string readFile(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("every field of a person, an event and a source is read into its own place",
          "[fields]") {
  facts::FactBase base = loaded();
  const facts::Person *ada = base.person("p-ada");
  REQUIRE(ada);
  CHECK(ada->kind == facts::EntityKind::Person);
  CHECK(ada->name == "Ada Lovelace");
  CHECK(ada->aliases == std::vector<std::string>{"Countess Lovelace"});
  CHECK(ada->descriptors == std::vector<std::string>{"the analyst"});
  CHECK(ada->role == "mathematician");
  CHECK(ada->pronoun == "she");
  CHECK(ada->organisation == "o-society");
  const facts::Person *society = base.person("o-society");
  REQUIRE(society);
  CHECK(society->kind == facts::EntityKind::Organisation);
  CHECK(society->pronoun == "it");
  CHECK(society->role.empty());
  CHECK(society->organisation.empty());

  const facts::Event *talk = base.event("e-talk");
  REQUIRE(talk);
  CHECK(talk->name == "the engine talk");
  CHECK(talk->date == "1843-07-01");
  CHECK(talk->aliases == std::vector<std::string>{"the talk"});
  CHECK(talk->description == "A lecture on the engine");

  const facts::Source *notes = base.source("s-notes");
  REQUIRE(notes);
  CHECK(notes->title == "Notes on the Engine");
  CHECK(notes->publisher == "Scientific Memoirs");
  CHECK(notes->date == "1843-09-02");
  CHECK(notes->url == "https://example.org/notes-on-the-engine");

  const facts::Quote *q = base.quote("q-weaves");
  REQUIRE(q);
  CHECK(q->speaker == "p-ada");
  CHECK(q->event == "e-talk");
  CHECK(q->date == "1843-07-03");
  CHECK(q->source == "s-notes");
}

TEST_CASE("a quote's hover shows its speaker, occasion and every field of its source",
          "[fields][render]") {
  facts::FactBase base = loaded();
  Finding f;
  f.rule = "quote-verified";
  f.status = Status::Verified;
  f.message = "Quote matches the record";
  f.evidence = {{FactRef::Kind::Quote, "q-weaves", -1}};
  const std::string md = server::renderFinding(f, base);
  INFO(md);
  CHECK(md.find("> The engine weaves algebraic patterns\n") != std::string::npos);
  CHECK(md.find("- Said by: **Ada Lovelace**, mathematician\n") != std::string::npos);
  CHECK(md.find("- When: the engine talk, 1 July 1843\n") != std::string::npos);
  // Title, publisher, date, and the URL as a link of its own (never in the publisher's place).
  CHECK(md.find("- Source: *Notes on the Engine*, Scientific Memoirs (2 September 1843) "
                "<https://example.org/notes-on-the-engine>\n") != std::string::npos);
  CHECK(md.find("- Entry: `q-weaves`") != std::string::npos);
}

TEST_CASE("a figure's hover names who stated it by their organisation, with its source",
          "[fields][render]") {
  facts::FactBase base = loaded();
  Finding f;
  f.rule = "figure-wrong";
  f.status = Status::Wrong;
  f.evidence = {{FactRef::Kind::Figure, "f-cards", -1},
                {FactRef::Kind::Person, "p-babbage", -1},
                {FactRef::Kind::Event, "e-talk", -1}};
  const std::string md = server::renderFinding(f, base);
  INFO(md);
  CHECK(md.find("Record: **up to 87 million** users\n") != std::string::npos);
  CHECK(md.find("- Counts: users whose data was shared\n") != std::string::npos);
  // No role: the organisation they speak for says who they are.
  CHECK(md.find("- Stated by: **Charles Babbage**, Analytical Society\n") != std::string::npos);
  CHECK(md.find("- Date: 4 August 1843\n") != std::string::npos);
  CHECK(md.find("<https://example.org/notes-on-the-engine>") != std::string::npos);
  CHECK(md.find("Person: ") == std::string::npos); // shown once, as who stated the figure
  CHECK(md.find("Event: the engine talk, 1 July 1843\n- A lecture on the engine\n") !=
        std::string::npos);

  // A person on their own: name, who they are, and every other name they go by.
  Finding person;
  person.status = Status::Misattributed;
  person.evidence = {{FactRef::Kind::Person, "p-babbage", -1}, {FactRef::Kind::Person, "p-ada", -1}};
  const std::string people = server::renderFinding(person, base);
  INFO(people);
  CHECK(people.find("Person: **Charles Babbage**, Analytical Society\n- Also named: Babbage, Mr "
                    "Babbage\n") != std::string::npos);
  CHECK(people.find("Person: **Ada Lovelace**, mathematician\n- Also named: Countess Lovelace\n") !=
        std::string::npos);
}

TEST_CASE("the JSON report carries every field of a quote's speaker, event and source",
          "[fields][reports]") {
  testing::TempWorkspace ws;
  ws.write("base.json", kBase);
  const std::string draft =
      "At the engine talk, Ada Lovelace said: \xE2\x80\x9CThe engine weaves algebraic "
      "patterns.\xE2\x80\x9D\n";
  ws.write("draft.md", draft);
  testing::CommandRun r = testing::runCommand(
      "cd '" + ws.root.string() + "' && " + FACTLINE_BINARY +
      " check --no-workspace-facts --facts base.json --format json draft.md 2>/dev/null");
  INFO(r.out);
  json doc = json::parse(r.out);
  REQUIRE(doc["files"].size() == 1);
  const json *quote = nullptr;
  for (const json &f : doc["files"][0]["findings"])
    for (const json &rec : f["records"])
      if (rec["id"] == "q-weaves")
        quote = &rec;
  REQUIRE(quote); // the draft's quotation was linked to the record
  CHECK((*quote)["kind"] == "quote");
  CHECK((*quote)["found"] == true);
  CHECK((*quote)["text"] == "The engine weaves algebraic patterns");
  CHECK((*quote)["speaker"] ==
        json{{"id", "p-ada"}, {"found", true}, {"name", "Ada Lovelace"}, {"detail", "mathematician"}});
  CHECK((*quote)["event"] ==
        json{{"id", "e-talk"}, {"name", "the engine talk"}, {"date", "1843-07-01"}});
  CHECK((*quote)["date"] == "1843-07-03");
  CHECK((*quote)["source"] == json{{"id", "s-notes"},
                                   {"found", true},
                                   {"title", "Notes on the Engine"},
                                   {"publisher", "Scientific Memoirs"},
                                   {"date", "1843-09-02"},
                                   {"url", "https://example.org/notes-on-the-engine"}});

  // The HTML sheet links the source.
  testing::CommandRun html = testing::runCommand(
      "cd '" + ws.root.string() + "' && " + FACTLINE_BINARY +
      " check --no-workspace-facts --facts base.json --format html draft.md 2>/dev/null");
  CHECK(html.out.find("<a href=\"https://example.org/notes-on-the-engine\"") != std::string::npos);
  CHECK(html.out.find("Scientific Memoirs") != std::string::npos);
}
