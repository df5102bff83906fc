// `factline check` run as a program: report lines, summary and exit codes 0, 1 and 2.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include "test_client.h"

namespace {

using Run = factline::testing::CommandRun;

Run check(const std::string &args) {
  return factline::testing::runCommand(std::string(FACTLINE_BINARY) + " check --no-color " + args +
                                       " 2>/dev/null");
}

} // namespace

TEST_CASE("check reports findings compiler-style and exits 1", "[check]") {
  factline::testing::TempWorkspace ws;
  ws.write("draft.md", "# Title\n\nFacebook said the data of 78 million Facebook users was "
                       "improperly shared with Cambridge Analytica.\n");
  Run r = check((ws.root / "draft.md").string());
  CHECK(r.status == 1);
  std::string expected = (ws.root / "draft.md").string() + ":3:27: warning: ";
  CHECK(r.out.find(expected) != std::string::npos);
  CHECK(r.out.find("[figure-wrong]") != std::string::npos);
  CHECK(r.out.find("1 file checked: 0 errors, 1 warning") != std::string::npos);
  // With --fail-on error, a warning does not fail the run.
  CHECK(check("--fail-on error " + (ws.root / "draft.md").string()).status == 0);
}

TEST_CASE("check of a clean draft exits 0 - unreadable input or a bad base exits 2", "[check]") {
  factline::testing::TempWorkspace ws;
  ws.write("clean.txt", "Nothing here is quoted or counted.\n");
  Run clean = check((ws.root / "clean.txt").string());
  CHECK(clean.status == 0);
  CHECK(clean.out == "1 file checked: no problems found\n");
  CHECK(check((ws.root / "missing.md").string()).status == 2);
  ws.write("bad.json", "{ not json");
  CHECK(check("--facts " + (ws.root / "bad.json").string() + " " + (ws.root / "clean.txt").string())
            .status == 2);
  CHECK(check("--format pdf " + (ws.root / "clean.txt").string()).status == 2); // a usage error
}
