// Tests for merging bases by id and for FactLibrary: order, overrides, last good version kept,
// missing files, references across files, workspace discovery.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "facts/fact_library.h"
#include "temp_dir.h"

using namespace factline::facts;
namespace fs = std::filesystem;

namespace {

using factline::testing::TempDir;

std::string base(const std::string &people, const std::string &quotes) {
  return R"({"factline": 1, "people": [)" + people + R"(], "quotes": [)" + quotes + "]}";
}

const std::string kAlice = R"({"id": "alice", "name": "Alice Jones"})";
const std::string kBob = R"({"id": "bob", "name": "Bob Smith"})";

} // namespace

TEST_CASE("merging adds new ids and replaces existing ones in place", "[library]") {
  FactBase a;
  a.people = {{"p1", EntityKind::Person, "One", {}, {}, "", "", ""},
              {"p2", EntityKind::Person, "Two", {}, {}, "", "", ""}};
  a.reindex();
  FactBase b;
  b.people = {{"p2", EntityKind::Person, "Two, corrected", {}, {}, "", "", ""},
              {"p3", EntityKind::Person, "Three", {}, {}, "", "", ""}};
  a.merge(b);
  REQUIRE(a.people.size() == 3);
  CHECK(a.people[1].name == "Two, corrected");
  CHECK(a.person("p2")->name == "Two, corrected");
  CHECK(a.person("p3")->name == "Three");
}

TEST_CASE("user files override the bundled base and earlier files by id", "[library]") {
  TempDir dir;
  std::string first = dir.write("a.json", base(kAlice, R"({"id": "q", "text": "first words",
                                                           "speaker": "alice"})"));
  std::string second = dir.write("b.json", base(R"({"id": "alice", "name": "Alice Brown"})",
                                                R"({"id": "q2", "text": "more words",
                                                    "speaker": "alice"})"));
  FactLibrary library(false);
  auto statuses = library.setFiles({first, second});
  REQUIRE(statuses.size() == 2);
  CHECK(statuses[0].loaded);
  CHECK(statuses[1].loaded);
  auto snap = library.snapshot();
  CHECK(snap->base().people.size() == 1);
  CHECK(snap->base().person("alice")->name == "Alice Brown");
  CHECK(snap->base().quotes.size() == 2);
  CHECK(snap->resolvePerson("Alice Brown") == std::vector<std::string>{"alice"});
  CHECK(snap->resolvePerson("Alice Jones").empty());
}

TEST_CASE("a broken file keeps its last good version in use", "[library]") {
  TempDir dir;
  std::string path = dir.write("base.json", base(kAlice, R"({"id": "q", "text": "good words",
                                                           "speaker": "alice"})"));
  FactLibrary library(false);
  REQUIRE(library.setFiles({path}).at(0).loaded);
  auto good = library.snapshot();
  CHECK(good->findVerbatim(tokenize("good words")).size() == 1);

  dir.write("base.json", base(kAlice, R"({"id": "q", "text": "new words", "speaker": "nobody"})"));
  FactFileStatus status = library.reload(path);
  CHECK_FALSE(status.loaded);
  CHECK(status.kept_older);
  REQUIRE(status.errors.size() == 1);
  CHECK(status.errors[0].message == "unknown speaker id 'nobody'");
  CHECK(library.snapshot() == good); // nothing changed for the analyzers
  CHECK(library.snapshot()->findVerbatim(tokenize("new words")).empty());

  // Broken again on a whole new setFiles: still the last good version.
  dir.write("base.json", "{ not json");
  auto again = library.setFiles({path});
  CHECK_FALSE(again[0].loaded);
  CHECK(again[0].kept_older);
  CHECK(library.snapshot()->findVerbatim(tokenize("good words")).size() == 1);

  // Fixed: the new version replaces it, and the snapshot held before is untouched.
  dir.write("base.json", base(kAlice, R"({"id": "q", "text": "new words", "speaker": "alice"})"));
  CHECK(library.reload(path).loaded);
  CHECK(library.snapshot()->findVerbatim(tokenize("new words")).size() == 1);
  CHECK(library.snapshot()->findVerbatim(tokenize("good words")).empty());
  CHECK(good->findVerbatim(tokenize("good words")).size() == 1);
}

TEST_CASE("a file broken from the start contributes nothing", "[library]") {
  TempDir dir;
  std::string path = dir.write("bad.json", base(kAlice, R"({"id": "q", "speaker": "alice"})"));
  FactLibrary library(false);
  auto statuses = library.setFiles({path});
  CHECK_FALSE(statuses[0].loaded);
  CHECK_FALSE(statuses[0].kept_older);
  CHECK(statuses[0].errors.at(0).json_path == "$.quotes[0].text");
  CHECK(library.snapshot()->base().people.empty());
}

TEST_CASE("missing files are reported and drop out", "[library]") {
  TempDir dir;
  std::string path = dir.write("base.json", base(kAlice, ""));
  std::string absent = (dir.path() / "absent.json").string();
  FactLibrary library(false);
  auto statuses = library.setFiles({absent, path});
  CHECK_FALSE(statuses[0].loaded);
  CHECK(statuses[0].errors.at(0).describe() == absent + ": fact base file not found");
  CHECK(statuses[1].loaded);
  fs::remove(path);
  FactFileStatus gone = library.reload(path);
  CHECK_FALSE(gone.loaded);
  CHECK(library.snapshot()->base().people.empty());
  CHECK_FALSE(library.reload((dir.path() / "other.json").string()).loaded);
}

TEST_CASE("files may quote people defined in another file or in the bundled base", "[library]") {
  TempDir dir;
  std::string quotes = dir.write("quotes.json", base("", R"({"id": "q", "text": "some words",
                                                          "speaker": "bob"})"));
  std::string people = dir.write("people.json", base(kBob, ""));
  FactLibrary library(false);
  auto statuses = library.setFiles({quotes, people});
  CHECK(statuses[0].loaded);
  CHECK(statuses[1].loaded);

  const std::string bundled_speaker = bundledFactBase().quotes.at(0).speaker.str();
  std::string user = dir.write("user.json", base("", R"({"id": "mine", "text": "a quote of mine",
                                                         "speaker": ")" +
                                                         bundled_speaker + R"("})"));
  FactLibrary with_bundled(true);
  CHECK(with_bundled.setFiles({user}).at(0).loaded);
  CHECK(with_bundled.snapshot()->base().quotes.size() == bundledFactBase().quotes.size() + 1);
  FactLibrary without_bundled(false);
  CHECK_FALSE(without_bundled.setFiles({user}).at(0).loaded);
}

TEST_CASE("workspace bases are the sorted .factline/*.json files at the root", "[library]") {
  TempDir dir;
  dir.write(".factline/b.json", "{}");
  dir.write(".factline/a.json", "{}");
  dir.write(".factline/notes.txt", "");
  dir.write("elsewhere.json", "{}");
  auto found = discoverWorkspaceBases(dir.path().string());
  REQUIRE(found.size() == 2);
  CHECK(fs::path(found[0]).filename() == "a.json");
  CHECK(fs::path(found[1]).filename() == "b.json");
  CHECK(discoverWorkspaceBases((dir.path() / "none").string()).empty());
}

TEST_CASE("one file over the bundled base: moved in, same result across reloads and more files",
          "[library]") {
  TempDir dir;
  const FactBase &bundled = bundledFactBase();
  REQUIRE_FALSE(bundled.people.empty());
  const Person &first_person = bundled.people.front();
  const std::string renamed = R"({"id": ")" + first_person.id + R"(", "name": "Renamed One"})";
  std::string path = dir.write("a.json", base(renamed + "," + kAlice,
                                              R"({"id": "q-a", "text": "alice said this",
                                                  "speaker": "alice"})"));
  FactLibrary library(true);
  REQUIRE(library.setFiles({path}).at(0).loaded);
  auto check = [&](const FactBase &b, const std::string &name) {
    REQUIRE(b.people.size() == bundled.people.size() + 1); // overridden in place, alice added
    CHECK(b.people.front().id == first_person.id);
    CHECK(b.people.front().name == name);
    CHECK(b.people.back().id == "alice");
    CHECK(b.quotes.size() == bundled.quotes.size() + 1);
    CHECK(b.quotes.back().id == "q-a");
    CHECK(b.person(first_person.id)->name == name);
  };
  check(library.snapshot()->base(), "Renamed One");

  dir.write("a.json", "{ broken");
  CHECK(library.reload(path).kept_older);
  auto again = library.setFiles({path}); // rebuilt from the kept version, which the snapshot holds
  CHECK(again[0].kept_older);
  check(library.snapshot()->base(), "Renamed One");

  std::string second = dir.write("b.json", base(kBob, ""));
  auto both = library.setFiles({path, second});
  CHECK(both[1].loaded);
  const FactBase &merged = library.snapshot()->base();
  REQUIRE(merged.people.size() == bundled.people.size() + 2);
  CHECK(merged.people.front().name == "Renamed One");
  CHECK(merged.people.back().id == "bob");

  dir.write("a.json", base(kAlice, "")); // fixed, without the override
  CHECK(library.reload(path).loaded);
  CHECK(library.snapshot()->base().person(first_person.id)->name == first_person.name);
  CHECK(library.snapshot()->base().quotes.size() == bundled.quotes.size());
}
