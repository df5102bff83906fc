// Tests for `factline facts validate|stats|find|index` through the real binary: exit codes and
// output.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

namespace {

struct Run {
  int status = -1;
  std::string output; // stdout and stderr together
};

Run factline(const std::string &args) {
  Run run;
  std::string command = std::string(FACTLINE_BINARY) + " " + args + " 2>&1";
  FILE *pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    run.output.append(buffer.data(), n);
  int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return run;
}

std::string writeTemp(const std::string &name, const std::string &text) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

} // namespace

TEST_CASE("facts find names the speaker and the occasion of a fragment", "[command]") {
  Run run = factline("facts find 'never fully solve security'");
  CHECK(run.status == 0);
  CHECK(run.output.find("Mark Zuckerberg") != std::string::npos);
  CHECK(run.output.find("conference call with reporters, 4 April 2018") != std::string::npos);
}

TEST_CASE("facts validate passes the bundled base and fails a broken file", "[command]") {
  Run good = factline("facts validate " + std::string(FACTLINE_SOURCE_DIR) +
                      "/facts/bundled/cambridge-analytica-2018.json");
  CHECK(good.status == 0);
  CHECK(good.output.find(": valid (") != std::string::npos);

  // A user base may quote a person of the bundled base; a misspelt id is an error.
  std::string path = writeTemp("factline-command-test.json", R"({"factline": 1, "quotes": [
  {"id": "a", "text": "words of mine", "speaker": "mark-zuckerberg"},
  {"id": "b", "text": "more words", "speaker": "mark-zuckerburg"}]})");
  Run bad = factline("facts validate " + path);
  CHECK(bad.status == 1);
  CHECK(bad.output.find(path + ":3:48: $.quotes[1].speaker: unknown speaker id "
                               "'mark-zuckerburg'") != std::string::npos);
  CHECK(bad.output.find("speaker id 'mark-zuckerberg'") == std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("facts stats counts the entries of every kind", "[command]") {
  std::string path = writeTemp("factline-stats-test.json", R"({"factline": 1,
  "people": [{"id": "p", "name": "P"}, {"id": "o", "name": "O", "kind": "organisation"}],
  "quotes": [{"id": "q", "text": "a", "speaker": "p", "variants": [{"text": "b"}]}]})");
  Run run = factline("facts stats --no-bundled --facts " + path);
  CHECK(run.status == 0);
  CHECK(run.output == "people         1\norganisations  1\nevents         0\nsources        0\n"
                      "quotes         1\nvariants       1\nfigures        0\n");
  std::filesystem::remove(path);
}

TEST_CASE("facts index writes a snapshot that stats and find read as the JSON", "[command]") {
  auto dir = std::filesystem::temp_directory_path() / "factline-index-command-test";
  std::filesystem::create_directories(dir);
  std::string json = (dir / "base.json").string();
  std::filesystem::copy_file(std::string(FACTLINE_SOURCE_DIR) +
                                 "/facts/bundled/cambridge-analytica-2018.json",
                             json, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::remove(dir / "base.factidx");
  Run json_stats = factline("facts stats --no-bundled --facts " + json);
  Run json_find = factline("facts find --no-bundled --facts " + json +
                           " 'a broad enough view of our responsibility'");
  REQUIRE(json_find.output.find("Quotes matched verbatim") != std::string::npos);
  Run index = factline("facts index " + json);
  CHECK(index.status == 0);
  CHECK(index.output == (dir / "base.factidx").string() + ": snapshot of " + json + " written\n");
  for (const std::string &named : {json, (dir / "base.factidx").string()}) {
    CHECK(factline("facts stats --no-bundled --facts " + named).output == json_stats.output);
    CHECK(factline("facts find --no-bundled --facts " + named +
                   " 'a broad enough view of our responsibility'")
              .output == json_find.output);
  }
  // -o elsewhere; a JSON with errors gets none, and says why.
  std::string other = (dir / "other.factidx").string();
  CHECK(factline("facts index " + json + " -o " + other).status == 0);
  CHECK(std::filesystem::exists(other));
  std::string bad = writeTemp("factline-index-bad.json", R"({"factline": 1, "quotes": [{}]})");
  Run refused = factline("facts index " + bad);
  CHECK(refused.status == 1);
  CHECK(refused.output.find("missing required field 'text'") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(std::filesystem::temp_directory_path() /
                                      "factline-index-bad.factidx"));
  std::filesystem::remove_all(dir);
}
