// Keeps facts/schema/factbase.schema.json and the loader in step: every field the schema allows
// loads without a warning, every field it requires is required by the loader, and nothing else is
// accepted silently.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "facts/loader.h"

using namespace factline::facts;
using nlohmann::json;

namespace {

json schema() {
  std::ifstream in(std::string(FACTLINE_SOURCE_DIR) + "/facts/schema/factbase.schema.json");
  REQUIRE(in);
  return json::parse(in);
}

// A value the schema accepts for one field of `kind`: references point at entries defined below.
json sampleValue(const std::string &kind, const std::string &field) {
  if (field == "id")
    return kind + "-x";
  if (field == "organisation" || field == "speaker" || field == "stated_by")
    return "person-x";
  if (field == "event")
    return "event-x";
  if (field == "source")
    return "source-x";
  if (field == "superseded_by")
    return "figure-x";
  if (field == "date")
    return "2018-04-04";
  if (field == "url") // anything but a web address is a warning
    return "https://example.org/some/words";
  if (field == "value" || field == "turn" || field == "part")
    return 1;
  if (field == "time")
    return "00:03:12";
  if (field == "status") // a candidate is left out of the figures: confirmed keeps it checkable
    return "confirmed";
  if (field == "kind")
    return kind == "figure" ? "count" : "person";
  if (field == "pronoun")
    return "he";
  if (field == "aliases" || field == "descriptors" || field == "keywords" || field == "units")
    return json::array({"words"});
  if (field == "variants")
    return json::array({{{"text", "other words"}, {"source", "source-x"}, {"note", "n"}}});
  return "some words";
}

// One entry of `kind` with every field the schema lists for it.
json fullEntry(const json &s, const std::string &kind) {
  json entry = json::object();
  for (const auto &[field, _] : s["$defs"][kind]["properties"].items())
    entry[field] = sampleValue(kind, field);
  return entry;
}

const std::pair<const char *, const char *> kSections[] = {{"people", "person"},
                                                           {"events", "event"},
                                                           {"sources", "source"},
                                                           {"quotes", "quote"},
                                                           {"figures", "figure"}};

} // namespace

TEST_CASE("every field of the schema loads without warnings", "[schema]") {
  json s = schema();
  json base = {{"factline", 1}, {"name", "n"}, {"description", "d"}, {"$schema", "x"}};
  for (const auto &[section, kind] : kSections)
    base[section] = json::array({fullEntry(s, kind)});
  LoadResult r = parseFactBase(base.dump(), "full.json");
  for (const LoadError &e : r.errors)
    FAIL(e.describe());
  for (const LoadError &w : r.warnings)
    FAIL(w.describe());
  CHECK(r.base.quotes.at(0).variants.size() == 1);
  // And the top level lists exactly the fields the loader reads.
  for (const auto &[field, _] : s["properties"].items())
    CHECK(base.contains(field));
}

TEST_CASE("the fields the schema requires are the ones the loader requires", "[schema]") {
  json s = schema();
  for (const auto &[section, kind] : kSections) {
    json entry = fullEntry(s, kind);
    for (const auto &[field, _] : s["$defs"][kind]["properties"].items()) {
      json without = entry;
      without.erase(field);
      json doc = {{"factline", 1}};
      for (const auto &[other_section, other_kind] : kSections)
        doc[other_section] = json::array({fullEntry(s, other_kind)});
      doc[section] = json::array({without});
      LoadResult r = parseFactBase(doc.dump(), "base.json");
      const json &required = s["$defs"][kind]["required"];
      bool schema_requires = std::find(required.begin(), required.end(), field) != required.end();
      bool loader_requires = false;
      for (const LoadError &e : r.errors)
        if (e.message.starts_with("missing required field '" + field + "'"))
          loader_requires = true;
      INFO(kind << "." << field);
      CHECK(schema_requires == loader_requires);
    }
  }
}

TEST_CASE("fields the schema does not list are reported", "[schema]") {
  json s = schema();
  for (const auto &[section, kind] : kSections) {
    json entry = fullEntry(s, kind);
    entry["not_in_schema"] = true;
    json doc = {{"factline", 1}};
    for (const auto &[other_section, other_kind] : kSections)
      doc[other_section] = json::array({fullEntry(s, other_kind)});
    doc[section] = json::array({entry});
    LoadResult r = parseFactBase(doc.dump(), "base.json");
    INFO(kind);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].json_path == std::string("$.") + section + "[0].not_in_schema");
  }
}
