// Tests for the fact base loader: every kind of error with its exact line, column and JSON path,
// warnings, references across bases, and the bundled base.
#include <catch2/catch.hpp>

#include "facts/loader.h"

using namespace factline::facts;

namespace {

LoadResult parse(std::string_view text, const OtherBases &others = {}) {
  return parseFactBase(text, "base.json", others);
}

// The one error whose JSON path is `path`; fails the test when there is not exactly one.
LoadError errorAt(const LoadResult &r, const std::string &path) {
  std::vector<LoadError> found;
  for (const LoadError &e : r.errors)
    if (e.json_path == path)
      found.push_back(e);
  INFO("errors at " << path);
  for (const LoadError &e : r.errors)
    INFO(e.describe());
  REQUIRE(found.size() == 1);
  return found.front();
}

std::string allErrors(const LoadResult &r) {
  std::string out;
  for (const LoadError &e : r.errors)
    out += e.describe() + "\n";
  return out;
}

const char *const kValid = R"({
  "factline": 1,
  "name": "Test base",
  "people": [
    {"id": "mark", "kind": "person", "name": "Mark Zuckerberg", "aliases": ["Zuckerberg"],
     "descriptors": ["the Facebook CEO"], "role": "CEO", "pronoun": "he", "organisation": "fb"},
    {"id": "fb", "kind": "organisation", "name": "Facebook", "pronoun": "it"}
  ],
  "events": [{"id": "call", "name": "call with reporters", "date": "2018-04-04", "aliases": []}],
  "sources": [{"id": "sbs", "title": "Report", "publisher": "SBS", "date": "2018-04", "url": ""}],
  "quotes": [
    {"id": "q1", "text": "You never fully solve security.", "speaker": "mark", "event": "call",
     "date": "2018-04-04", "source": "sbs", "context": "he said",
     "variants": [{"text": "You never fully solve security!", "source": "sbs", "note": "n"}]}
  ],
  "figures": [
    {"id": "f1", "kind": "count", "value": 87e6, "text": "87 million", "qualifier": "up to",
     "unit": "users", "units": ["users"], "subject": "users", "keywords": ["affected"],
     "stated_by": "fb", "date": "2018", "source": "sbs", "superseded_by": "f1", "context": "c"}
  ]
})";

} // namespace

TEST_CASE("a valid base loads every field", "[loader]") {
  LoadResult r = parse(kValid);
  INFO(allErrors(r));
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  CHECK(r.name == "Test base");
  REQUIRE(r.base.people.size() == 2);
  CHECK(r.base.people[1].kind == EntityKind::Organisation);
  CHECK(r.base.people[0].descriptors == std::vector<std::string>{"the Facebook CEO"});
  REQUIRE(r.base.quotes.size() == 1);
  REQUIRE(r.base.quotes[0].variants.size() == 1);
  CHECK(r.base.quotes[0].variants[0].text == "You never fully solve security!");
  REQUIRE(r.base.figures.size() == 1);
  CHECK(r.base.figures[0].value == 87000000.0);
  CHECK(r.base.figures[0].kind == FigureKind::Count);
  CHECK(r.base.quote("q1") != nullptr);
  CHECK(r.external_references.empty());
}

TEST_CASE("invalid JSON is located by line and column", "[loader]") {
  LoadResult r = parse("{\"factline\": 1,\n \"people\": [\n  {\"id\": \"a\" \"name\": \"A\"}\n]}");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].column == 14);
  CHECK(r.errors[0].json_path.empty());
  CHECK(r.errors[0].describe() ==
        "base.json:3:14: invalid JSON: expected ',' or '}' after a field, found '\"'");
}

TEST_CASE("JSON syntax errors of every shape", "[loader]") {
  CHECK(parse("").errors.at(0).describe() == "base.json:1:1: not a fact base: the file is empty");
  CHECK(parse("{\"factline\": 1,}").errors.at(0).describe() ==
        "base.json:1:16: invalid JSON: expected a field name after ',', found '}'");
  CHECK(parse("{\"factline\": 1, \"$schema\": [1,]}").errors.at(0).describe() ==
        "base.json:1:31: invalid JSON: expected a value, found ']'");
  CHECK(parse("{\"factline\": 1, \"$schema\": 01}").errors.at(0).describe() ==
        "base.json:1:29: invalid JSON: expected ',' or '}' after a field, found '1'");
  CHECK(parse("{\"factline\": 1} x").errors.at(0).describe() ==
        "base.json:1:17: invalid JSON: unexpected 'x' after the end of the value");
  CHECK(parse("{\"factline\": 1, \"name\": \"abc").errors.at(0).column == 25);
  CHECK(parse("{\"factline\": 1, \"name\": \"a\tb\"}").errors.at(0).column == 27);
  CHECK(parse("{\"factline\": 1, \"name\": \"\\x\"}").errors.at(0).column == 26);
  CHECK(parse("{\"factline\": 1, \"name\": \"\\ud800\"}").errors.at(0).column == 26);
  CHECK(parse("{\"factline\": tru}").errors.at(0).column == 14);
}

TEST_CASE("errors found before a syntax error are kept, in file order", "[loader]") {
  LoadResult r = parse("{\"factline\": 1,\n"
                       "\"people\": [{\"id\": \"p\", \"name\": 3}],\n"
                       "\"quotes\": [ ");
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].describe() ==
        "base.json:2:32: $.people[0].name: expected a string, found a number");
  CHECK(r.errors[1].line == 3);
  CHECK(r.errors[1].column == 13);
}

TEST_CASE("invalid UTF-8 is reported where it is, and reading goes on", "[loader]") {
  std::string text = "{\"factline\": 1,\n"
                     "\"people\": [{\"id\": \"p\", \"name\": \"Bad\xFFname\"},\n"
                     "  {\"id\": \"q\", \"name\": \"caf\xC3\xA9 \xE2\x80\"}],\n"
                     "\"quotes\": [{\"id\": \"x\", \"text\": \"words\"}]}";
  LoadResult r = parse(text);
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].describe() ==
        "base.json:2:36: $.people[0].name: invalid UTF-8 (byte 0xFF): save the file as UTF-8");
  // Columns count characters: "é" is one.
  CHECK(r.errors[1].line == 3);
  CHECK(r.errors[1].column == 29);
  CHECK(r.errors[1].json_path == "$.people[1].name");
  CHECK(r.errors[2].json_path == "$.quotes[0].speaker"); // the missing speaker is found too
}

TEST_CASE("wrong types are errors at the value", "[loader]") {
  LoadResult r = parse(R"({"factline": 1,
"people": [{"id": "p", "name": "P", "aliases": "Zuck"},
 {"id": "q", "name": "Q", "aliases": ["a", 3]}],
"events": {},
"figures": [{"id": "f", "value": "87 million", "text": "87 million"}, 42]
})");
  CHECK(r.errors.size() == 5);
  LoadError aliases = errorAt(r, "$.people[0].aliases");
  CHECK(aliases.line == 2);
  CHECK(aliases.column == 48);
  CHECK(aliases.message == "expected an array of strings, found a string");
  CHECK(errorAt(r, "$.people[1].aliases[1]").message == "expected a string, found a number");
  CHECK(errorAt(r, "$.events").message == "expected an array, found an object");
  LoadError value = errorAt(r, "$.figures[0].value");
  CHECK(value.line == 5);
  CHECK(value.column == 34);
  CHECK(value.message == "expected a number, found a string");
  CHECK(errorAt(r, "$.figures[1]").message == "expected an object, found a number");
}

TEST_CASE("missing required fields are errors at the entry", "[loader]") {
  LoadResult r = parse(R"({"factline": 1,
"people": [{"id": "p", "role": "no name"}],
"events": [{"id": "e"}],
"sources": [{"id": "s"}],
"quotes": [{"id": "q"}, {"text": "words", "speaker": "p"}],
"figures": [{"id": "f", "text": "87 million"}, {"id": "g", "value": 1}]
})");
  CHECK(errorAt(r, "$.people[0].name").message == "missing required field 'name' of a person");
  CHECK(errorAt(r, "$.people[0].name").line == 2);
  CHECK(errorAt(r, "$.people[0].name").column == 12);
  CHECK(errorAt(r, "$.events[0].name").line == 3);
  CHECK(errorAt(r, "$.sources[0].title").line == 4);
  CHECK(errorAt(r, "$.quotes[0].text").message == "missing required field 'text' of a quote");
  CHECK(errorAt(r, "$.quotes[0].speaker").column == 12);
  CHECK(errorAt(r, "$.quotes[1].id").column == 25);
  CHECK(errorAt(r, "$.figures[0].value").message == "missing required field 'value' of a figure");
  CHECK(errorAt(r, "$.figures[1].text").line == 6);
  CHECK(r.errors.size() == 8);
}

TEST_CASE("empty texts and quotes without words are errors", "[loader]") {
  LoadResult r = parse(R"({"factline": 1, "people": [{"id": "p", "name": " "}],
"quotes": [{"id": "q", "text": "...", "speaker": "p"}, {"id": "", "text": "a", "speaker": "p"}]})");
  CHECK(errorAt(r, "$.people[0].name").message == "must not be empty");
  CHECK(errorAt(r, "$.quotes[0].text").message == "a quote's text must hold at least one word");
  CHECK(errorAt(r, "$.quotes[1].id").message == "must not be empty");
}

TEST_CASE("unknown ids in references are errors at the reference", "[loader]") {
  LoadResult r = parse(R"({"factline": 1,
"people": [{"id": "p", "name": "P", "organisation": "acme"}],
"quotes": [
  {"id": "q0", "text": "a", "speaker": "p"},
  {"id": "q1", "text": "a", "speaker": "p"},
  {"id": "q2", "text": "a", "speaker": "p", "variants": [{"text": "b", "source": "nowhere"}]},
  {"id": "q3", "text": "a", "speaker": "x", "event": "party", "source": "blog"}],
"figures": [{"id": "f", "value": 1, "text": "one", "stated_by": "y", "superseded_by": "g"}]
})");
  LoadError speaker = errorAt(r, "$.quotes[3].speaker");
  CHECK(speaker.describe() == "base.json:7:40: $.quotes[3].speaker: unknown speaker id 'x'");
  CHECK(errorAt(r, "$.quotes[3].event").message == "unknown event id 'party'");
  CHECK(errorAt(r, "$.quotes[3].source").message == "unknown source id 'blog'");
  CHECK(errorAt(r, "$.quotes[2].variants[0].source").message == "unknown source id 'nowhere'");
  CHECK(errorAt(r, "$.people[0].organisation").message == "unknown organisation id 'acme'");
  CHECK(errorAt(r, "$.figures[0].stated_by").message == "unknown person id 'y'");
  CHECK(errorAt(r, "$.figures[0].superseded_by").message == "unknown figure id 'g'");
  CHECK(r.errors.size() == 7);
}

TEST_CASE("references may point further down the file or into other bases", "[loader]") {
  const char *user = R"({"factline": 1,
"quotes": [{"id": "q", "text": "a", "speaker": "later"},
           {"id": "r", "text": "b", "speaker": "mark", "source": "sbs"}],
"people": [{"id": "later", "name": "Later"}]})";
  LoadResult alone = parse(user);
  CHECK(alone.errors.size() == 2);
  CHECK(errorAt(alone, "$.quotes[1].speaker").line == 3);
  REQUIRE(alone.external_references.size() == 2);
  CHECK(alone.external_references[0].id == "mark");

  LoadResult bundled_like = parse(kValid);
  REQUIRE(bundled_like.ok());
  LoadResult beside = parse(user, {&bundled_like.base});
  INFO(allErrors(beside));
  CHECK(beside.ok());
}

TEST_CASE("duplicate ids within a file point at the first definition", "[loader]") {
  LoadResult r = parse(R"({"factline": 1,
"people": [{"id": "p", "name": "P"},
           {"id": "p", "name": "P again"}],
"quotes": [{"id": "p", "text": "a", "speaker": "p"}]})");
  REQUIRE(r.errors.size() == 1); // ids are unique per kind: a quote may be called "p" too
  CHECK(r.errors[0].describe() ==
        "base.json:3:19: $.people[1].id: duplicate person id 'p' (first defined at line 2)");
}

TEST_CASE("a field given twice in one object is an error", "[loader]") {
  LoadResult r = parse(R"({"factline": 1, "people": [{"id": "p", "name": "P", "name": "Q"}]})");
  CHECK(errorAt(r, "$.people[0].name").message == "field given twice in the same object");
  CHECK(errorAt(r, "$.people[0].name").column == 53);
}

TEST_CASE("the format version is required and must be 1", "[loader]") {
  CHECK(parse(R"({"factline": 1})").ok());
  LoadResult two = parse("{\n  \"factline\": 2\n}");
  REQUIRE(two.errors.size() == 1);
  CHECK(two.errors[0].describe() ==
        "base.json:2:15: $.factline: unsupported format version 2: this factline reads version 1");
  LoadResult none = parse(R"({"people": []})");
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].describe() ==
        "base.json:1:1: $.factline: missing required field 'factline' of a fact base");
  CHECK(parse(R"({"factline": "1"})").errors.at(0).message == "expected a number, found a string");
  CHECK(parse("[]").errors.at(0).message == "a fact base is a JSON object, not an array");
}

TEST_CASE("enumerations and dates are checked", "[loader]") {
  LoadResult r = parse(R"({"factline": 1,
"people": [{"id": "p", "name": "P", "kind": "robot", "pronoun": "him"}],
"events": [{"id": "e", "name": "E", "date": "4 April 2018"}, {"id": "f", "name": "F", "date": "2018-02-30"}],
"figures": [{"id": "g", "value": 1, "text": "1", "kind": "lots"}]})");
  CHECK(errorAt(r, "$.people[0].kind").message ==
        "'robot' is not one of 'person', 'organisation' or 'organization'");
  CHECK(errorAt(r, "$.people[0].pronoun").message ==
        "'him' is not one of 'he', 'she', 'they' or 'it'");
  CHECK(errorAt(r, "$.events[0].date").message ==
        "'4 April 2018' is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)");
  CHECK(errorAt(r, "$.events[1].date").column == 95);
  CHECK(errorAt(r, "$.figures[0].kind").message.starts_with("'lots' is not one of 'count'"));
  CHECK(r.errors.size() == 5);
}

TEST_CASE("unknown fields are warnings, with a suggestion, and the base still loads", "[loader]") {
  LoadResult r = parse(R"({"factline": 1, "$schema": "factbase.schema.json",
"people": [{"id": "p", "name": "P"}],
"quotes": [{"id": "q", "text": "a", "speaker": "p", "speker": "p", "notes": {"x": [1, 2]}}]})");
  INFO(allErrors(r));
  CHECK(r.ok());
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].describe() == "base.json:3:53: $.quotes[0].speker: unknown field 'speker' "
                                    "(ignored); did you mean 'speaker'?");
  CHECK(r.warnings[1].message == "unknown field 'notes' (ignored)");
  CHECK(r.base.quotes.size() == 1);
}

TEST_CASE("escapes decode, including surrogate pairs", "[loader]") {
  LoadResult r =
      parse(R"({"factline": 1, "name": "caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n", "people": []})");
  REQUIRE(r.ok());
  CHECK(r.name == "caf\u00E9 \U0001F600 \"q\" \\ / \n");
}

TEST_CASE("a file that cannot be opened is one error", "[loader]") {
  LoadResult r = loadFactBaseFile("/nonexistent/dir/base.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].describe() == "/nonexistent/dir/base.json: cannot open the file");
}

TEST_CASE("the bundled base parses with no errors and holds quotes and figures", "[loader]") {
  for (const LoadError &e : bundledFactBaseErrors())
    FAIL(e.describe());
  const FactBase &base = bundledFactBase();
  CHECK(base.quotes.size() > 10);
  CHECK(base.figures.size() > 5);
  CHECK(base.people.size() > 2);
  for (const Quote &q : base.quotes)
    CHECK(base.person(q.speaker) != nullptr);
}

TEST_CASE("duplicate quote and figure ids are found after reading, every later twin", "[loader]") {
  LoadResult r = parse(R"({"factline": 1, "people": [{"id": "p", "name": "P"}],
"quotes": [{"id": "q", "text": "a", "speaker": "p"},
  {"id": "q", "text": "b", "speaker": "p"},
  {"id": "r", "text": "c", "speaker": "p"},
  {"id": "q", "text": "d", "speaker": "p", "variants": [{"text": "e"}]}],
"figures": [{"id": "f", "value": 1, "text": "1", "superseded_by": "g"},
            {"id": "g", "value": 2, "text": "2"}, {"id": "f", "value": 3, "text": "3"}]})");
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].describe() ==
        "base.json:3:10: $.quotes[1].id: duplicate quote id 'q' (first defined at line 2)");
  CHECK(r.errors[1].describe() ==
        "base.json:5:10: $.quotes[3].id: duplicate quote id 'q' (first defined at line 2)");
  CHECK(r.errors[2].json_path == "$.figures[2].id");
  CHECK(r.errors[2].message == "duplicate figure id 'f' (first defined at line 6)");
}
