// A fact base is shared between newsrooms, and a path to one may name any file (issue 21): ids and
// names with control, bidi or invisible characters are refused, each string has a length limit,
// a source url that is not a web address is a warning, and a file that is not a fact base gets
// one error that quotes nothing of it.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "facts/loader.h"

using namespace factline::facts;
using nlohmann::json;

namespace {

LoadResult parse(const std::string &text) { return parseFactBase(text, "base.json", {}); }

std::string allOf(const std::vector<LoadError> &errors) {
  std::string out;
  for (const LoadError &e : errors)
    out += e.describe() + "\n";
  return out;
}

// A valid base, as JSON, for tests to spoil one field of.
json validBase() {
  return json::parse(R"({
    "factline": 1,
    "name": "Test",
    "people": [{"id": "mark", "name": "Mark Zuckerberg", "aliases": ["Zuckerberg"],
                "descriptors": ["the CEO"], "role": "CEO"}],
    "events": [{"id": "call", "name": "call with reporters", "aliases": ["the call"]}],
    "sources": [{"id": "sbs", "title": "Report", "publisher": "SBS",
                 "url": "https://www.sbs.com.au/news/x"}],
    "quotes": [{"id": "q1", "text": "You never fully solve security.", "speaker": "mark",
                "event": "call", "source": "sbs"}],
    "figures": [{"id": "f1", "value": 87e6, "text": "87 million", "unit": "users",
                 "stated_by": "mark", "source": "sbs"}]
  })");
}

// The one error of `base`; fails when there is not exactly one.
LoadError onlyError(const json &base) {
  LoadResult r = parse(base.dump());
  INFO(allOf(r.errors));
  REQUIRE(r.errors.size() == 1);
  return r.errors.front();
}

} // namespace

TEST_CASE("the valid base loads without errors or warnings", "[untrusted]") {
  LoadResult r = parse(validBase().dump());
  INFO(allOf(r.errors) << allOf(r.warnings));
  CHECK(r.ok());
  CHECK(r.warnings.empty());
}

TEST_CASE("ids and names with control characters are refused, named by entry and field",
          "[untrusted]") {
  struct Case {
    json::json_pointer field;
    std::string value;
    std::string path;
    std::string message;
  };
  const std::string esc = "Evil\x1b]0;pwned\x07";
  const Case cases[] = {
      {json::json_pointer("/people/0/name"), esc, "$.people[0].name",
       "control character U+001B at character 5: not allowed in a name"},
      {json::json_pointer("/people/0/aliases/0"), "Zu\x07" "ck", "$.people[0].aliases[0]",
       "control character U+0007 at character 3: not allowed in a name"},
      {json::json_pointer("/people/0/role"), "CEO\nand more", "$.people[0].role",
       "control character U+000A at character 4: not allowed in a name"},
      {json::json_pointer("/events/0/name"), std::string("call\0", 5), "$.events[0].name",
       "control character U+0000 at character 5: not allowed in a name"},
      {json::json_pointer("/sources/0/publisher"), "S\xC2\x9B" "BS", "$.sources[0].publisher",
       "control character U+009B at character 2: not allowed in a name"},
      {json::json_pointer("/people/0/name"), "Mark \xE2\x80\xAE" "grebrekcuZ", "$.people[0].name",
       "bidirectional formatting character U+202E at character 6: not allowed in a name"},
      {json::json_pointer("/events/0/aliases/0"), "\xE2\x81\xA6x\xE2\x81\xA9",
       "$.events[0].aliases[0]",
       "bidirectional formatting character U+2066 at character 1: not allowed in a name"},
      {json::json_pointer("/quotes/0/id"), "q\xE2\x80\x8B" "1", "$.quotes[0].id",
       "invisible character U+200B at character 2: not allowed in an id"},
      {json::json_pointer("/figures/0/id"), "\xEF\xBB\xBF" "f1", "$.figures[0].id",
       "invisible character U+FEFF at character 1: not allowed in an id"},
      {json::json_pointer("/sources/0/id"), "sbs\t", "$.sources[0].id",
       "control character U+0009 at character 4: not allowed in an id"},
      {json::json_pointer("/quotes/0/text"), "You never\x1b[2J fully solve security.",
       "$.quotes[0].text",
       "control character U+001B at character 10: not allowed in a text (only tab and line "
       "breaks are)"},
  };
  for (const Case &c : cases) {
    json base = validBase();
    base[c.field] = c.value;
    INFO(c.path);
    LoadResult r = parse(base.dump());
    INFO(allOf(r.errors));
    // Its own error (a refused id leaves the references to it unknown: errors of their own).
    auto e = std::find_if(r.errors.begin(), r.errors.end(),
                          [&](const LoadError &x) { return x.json_path == c.path; });
    REQUIRE(e != r.errors.end());
    CHECK(e->message == c.message);
    CHECK(e->line == 1);
    CHECK(e->column > 1);
  }
  // A reference with one is refused where it stands, and not looked up (the message of an
  // unknown id would quote it).
  json base = validBase();
  base["quotes"][0]["speaker"] = "mark\x1b";
  LoadError e = onlyError(base);
  CHECK(e.json_path == "$.quotes[0].speaker");
  CHECK(e.message == "control character U+001B at character 5: not allowed in an id");
}

TEST_CASE("names may hold what real names hold - texts may hold line breaks", "[untrusted]") {
  json base = validBase();
  base["people"][0]["name"] = "Mohammad\xE2\x80\x8C" "reza \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
                              "Zo\xC3\xAB \xE4\xB8\xAD\xE6\x96\x87"; // ZWNJ, Hebrew, CJK
  base["quotes"][0]["text"] = "You never fully\nsolve security.\tReally.";
  base["quotes"][0]["context"] = "he said, \xE2\x80\xAE" "reversed";
  LoadResult r = parse(base.dump());
  INFO(allOf(r.errors));
  CHECK(r.ok());
}

TEST_CASE("each string has a length limit", "[untrusted]") {
  json base = validBase();
  base["quotes"][0]["text"] = std::string(20000, 'w');
  base["people"][0]["name"] = std::string(1000, 'n');
  base["people"][0]["id"] = std::string(200, 'i');
  base["quotes"][0]["speaker"] = std::string(200, 'i');
  base["figures"][0]["stated_by"] = std::string(200, 'i');
  CHECK(parse(base.dump()).ok());

  base = validBase();
  base["quotes"][0]["text"] = std::string(20001, 'w');
  LoadError e = onlyError(base);
  CHECK(e.json_path == "$.quotes[0].text");
  CHECK(e.message ==
        "a text of more than 20,000 characters: at most 20,000 are allowed (FORMAT.md, Limits)");

  // Characters, not bytes: 20,000 two-byte letters are fine.
  base = validBase();
  std::string accents;
  for (int i = 0; i < 20000; ++i)
    accents += "\xC3\xA9";
  base["quotes"][0]["text"] = accents;
  CHECK(parse(base.dump()).ok());

  base = validBase();
  base["people"][0]["name"] = std::string(1001, 'n');
  CHECK(onlyError(base).message ==
        "a name of more than 1,000 characters: at most 1,000 are allowed (FORMAT.md, Limits)");
  base = validBase();
  base["figures"][0]["id"] = std::string(201, 'i');
  CHECK(onlyError(base).message ==
        "an id of more than 200 characters: at most 200 are allowed (FORMAT.md, Limits)");
  base = validBase();
  base["people"][0]["aliases"] = std::vector<std::string>(1001, "Z");
  e = onlyError(base);
  CHECK(e.json_path == "$.people[0].aliases");
  CHECK(e.message == "more than 1,000 items (FORMAT.md, Limits)");
}

TEST_CASE("a pathological quote of 40 million words is refused at load", "[untrusted]") {
  // 200 MB in the issue; 50 MB here is the same case for the loader and lighter on the machine.
  std::string words;
  words.reserve(50'000'000);
  while (words.size() < 50'000'000 - 5)
    words += "word ";
  std::string text = R"({"factline": 1, "people": [{"id": "p", "name": "P"}], "quotes": [
    {"id": "q-huge", "speaker": "p", "text": ")" +
                     words + R"("}]})";
  words = {};
  LoadResult r = parse(text);
  INFO(allOf(r.errors).substr(0, 2000));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].json_path == "$.quotes[0].text");
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[0].message.starts_with("a text of more than 20,000 characters"));
  CHECK(r.errors[0].describe().size() < 200); // nothing of the text is quoted
  // The text is not kept.
  REQUIRE(r.base.quotes.size() == 1);
  CHECK(r.base.quotes[0].text.size() == 0);
}

TEST_CASE("a source url that is not a web address is a warning naming the entry",
          "[untrusted]") {
  for (const char *url : {"javascript:alert(1)", "command:workbench.action.terminal.new",
                          "data:text/html,x", "file:///etc/passwd", "//example.org/x", "x"}) {
    json base = validBase();
    base["sources"][0]["url"] = url;
    LoadResult r = parse(base.dump());
    INFO(url);
    CHECK(r.ok()); // still used: the url is shown as text
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].json_path == "$.sources[0].url");
    CHECK(r.warnings[0].message.ends_with(
        " is not an http:// or https:// address: it is shown as text, never as a link"));
  }
  for (const char *url : {"", "https://example.org", "HTTP://EXAMPLE.ORG/a b"}) {
    json base = validBase();
    base["sources"][0]["url"] = url;
    CHECK(parse(base.dump()).warnings.empty());
  }
}

TEST_CASE("a file that is not a fact base gets one error that quotes nothing of it",
          "[untrusted]") {
  const std::string secret = "hunter2-secret";
  const std::string texts[] = {
      // Not JSON: a password file, a host name, a script.
      "root:x:0:0:root:/root:/bin/bash\nalice:" + secret + ":1000:1000::/home/alice:/bin/sh\n",
      secret + "\n",
      "#!/bin/sh\necho " + secret + "\n",
      // JSON, but not a fact base: another program's settings, an array, a string.
      R"({"people": [{"id": 1, "kind": ")" + secret + R"(", "name": ")" + secret +
          R"("}], "token": ")" + secret + R"(", ")" + secret + R"(": true, "events": ")" +
          secret + R"("})",
      R"({"user": ")" + secret + R"(", "broken": )",
      R"([")" + secret + R"("])",
      R"(")" + secret + R"(")",
      "",
  };
  for (const std::string &text : texts) {
    INFO(text);
    LoadResult r = parse(text);
    std::string shown = allOf(r.errors) + allOf(r.warnings);
    INFO(shown);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.warnings.empty());
    CHECK(shown.find("hunter") == std::string::npos);
    CHECK(shown.find("root") == std::string::npos);
    CHECK(shown.find("token") == std::string::npos);
    CHECK(r.base.people.empty());
    CHECK((r.errors[0].message.starts_with("not a fact base: ") ||
           r.errors[0].message == "missing required field 'factline' of a fact base" ||
           r.errors[0].message.starts_with("a fact base is a JSON object, not ")));
  }
  LoadResult passwd = parse(texts[0]);
  CHECK(passwd.errors[0].describe() ==
        "base.json:1:1: not a fact base: not valid JSON here, before any \"factline\" field (a "
        "fact base is a JSON object with \"factline\": 1; see FORMAT.md)");
}

TEST_CASE("errors about a fact base quote a value short and escaped", "[untrusted]") {
  json base = validBase();
  base["people"][0]["kind"] = std::string(500, 'k') + "\x1b[2J";
  CHECK(onlyError(base).message.starts_with("control character U+001B at character 501"));
  base["people"][0]["kind"] = std::string(500, 'k');
  LoadError e = onlyError(base);
  CHECK(e.message == "'" + std::string(60, 'k') +
                         "\xE2\x80\xA6' is not one of 'person', 'organisation' or 'organization'");
  base = validBase();
  base["people"][0]["kind"] = "ro\xE2\x81\xA6" "bot\xE2\x80\xA8";
  CHECK(onlyError(base).message ==
        "'ro\\u{2066}bot\\u{2028}' is not one of 'person', 'organisation' or 'organization'");
  base = validBase();
  base["events"][0]["date"] = "2018\xE2\x80\xAE";
  CHECK(onlyError(base).message ==
        "'2018\\u{202e}' is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)");
  // Unknown fields: the warning and its path quote the key short and escaped.
  base = validBase();
  base["people"][0]["no\x1btes" + std::string(100, 'x')] = 1;
  LoadResult r = parse(base.dump());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].describe().find('\x1b') == std::string::npos);
  CHECK(r.warnings[0].describe().find(std::string(61, 'x')) == std::string::npos);
  CHECK(r.warnings[0].message.starts_with("unknown field 'no\\u{1b}tes"));
}
