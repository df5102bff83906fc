// `factline check` on inputs that are not drafts, or not readable, and with a report in the way:
// each is refused with a clear message and exit 2, never waited on, never read without end, and
// the report named by -o is replaced only by a complete one. Every command runs under `timeout`:
// a hang is the failure these tests look for.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_client.h"

namespace {

using factline::testing::CommandRun;
using factline::testing::TempWorkspace;
namespace fs = std::filesystem;

// `factline check ARGS` with stdout and stderr together, killed after 60 s (exit 124).
CommandRun check(const std::string &args) {
  return factline::testing::runCommand("timeout -s KILL 60 " + std::string(FACTLINE_BINARY) +
                                       " check --no-color " + args + " 2>&1");
}

std::string read(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kWrongFigure = "Facebook said the data of 78 million Facebook users was "
                                 "improperly shared with Cambridge Analytica.\n";

// The files in `folder` whose names start with `.` (where a temporary report would be left).
int hiddenFiles(const fs::path &folder) {
  int n = 0;
  for (const auto &e : fs::directory_iterator(folder))
    n += e.path().filename().string()[0] == '.';
  return n;
}

} // namespace

TEST_CASE("check refuses a device and a FIFO at once instead of reading or waiting on them",
          "[check][hostile]") {
  CommandRun zero = check("/dev/zero");
  CHECK(zero.status == 2);
  CHECK(zero.out.find("/dev/zero: is not a regular file") != std::string::npos);

  TempWorkspace ws;
  const fs::path fifo = ws.root / "story.md";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  CommandRun given = check(fifo.string()); // no writer: opening it for reading would block
  CHECK(given.status == 2);
  CHECK(given.out.find("story.md: is not a regular file") != std::string::npos);

  // Found in a folder, beside a real draft: refused there too, and the draft is still checked.
  ws.write("real.md", kWrongFigure);
  CommandRun folder = check(ws.root.string());
  CHECK(folder.status == 2);
  CHECK(folder.out.find("story.md: is not a regular file") != std::string::npos);
  CHECK(folder.out.find("[figure-wrong]") != std::string::npos);
}

TEST_CASE("check refuses a draft over the size limit, which --max-draft-size sets",
          "[check][hostile]") {
  TempWorkspace ws;
  ws.write("long.md", kWrongFigure + std::string(4000, ' ') + "\n");
  const std::string path = (ws.root / "long.md").string();
  CommandRun over = check("--max-draft-size 2k " + path);
  CHECK(over.status == 2);
  CHECK(over.out.find("long.md: is 4.0 KB, over the limit of 2.0 KB for a draft "
                      "(--max-draft-size raises it)") != std::string::npos);
  CHECK(over.out.find("[figure-wrong]") == std::string::npos);
  CHECK(check("--max-draft-size 5k " + path).status == 1); // within it: checked
  CHECK(check(path).status == 1);                           // and within the default

  // Standard input is read no further than the limit.
  CommandRun piped = factline::testing::runCommand(
      "head -c 3000000 /dev/zero | timeout -s KILL 60 " + std::string(FACTLINE_BINARY) +
      " check --no-color --max-draft-size 1M - 2>&1");
  CHECK(piped.status == 2);
  CHECK(piped.out.find("<stdin>") == std::string::npos);
  CHECK(piped.out.find("-: is over the limit of 1.0 MB for a draft") != std::string::npos);
}

TEST_CASE("check -o replaces a report only with a complete one", "[check][hostile]") {
  TempWorkspace ws;
  ws.write("draft.md", kWrongFigure);
  const fs::path report = ws.root / "out" / "report.txt";
  fs::create_directories(report.parent_path());
  const std::string good = "the last good report\n";
  {
    std::ofstream(report, std::ios::binary) << good;
  }
  ::chmod(report.c_str(), 0640);

  SECTION("a missing draft leaves it as it was") {
    CommandRun r = check("-o " + report.string() + " " + (ws.root / "nosuch.md").string());
    CHECK(r.status == 2);
    CHECK(r.out.find("report.txt is left as it was") != std::string::npos);
    CHECK(read(report) == good);
  }
  SECTION("so does one unreadable draft among readable ones") {
    CommandRun r = check("-o " + report.string() + " " + (ws.root / "draft.md").string() + " " +
                         (ws.root / "nosuch.md").string());
    CHECK(r.status == 2);
    CHECK(read(report) == good);
  }
  SECTION("a complete run replaces it, keeping its permissions") {
    CommandRun r = check("-o " + report.string() + " " + (ws.root / "draft.md").string());
    CHECK(r.status == 1);
    const std::string text = read(report);
    CHECK(text.find("[figure-wrong]") != std::string::npos);
    CHECK(text.find("1 file checked: 0 errors, 1 warning") != std::string::npos);
    struct stat st {};
    REQUIRE(::stat(report.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
  }
  SECTION("a run killed while it works leaves the old report or the whole new one, and no "
          "temporary file") {
    for (int i = 0; i < 300; ++i)
      ws.write("many/d" + std::to_string(i) + ".md", kWrongFigure);
    const std::string cmd = std::string(FACTLINE_BINARY) + " check --no-color -o " +
                            report.string() + " " + (ws.root / "many").string();
    for (const char *after : {"0.05", "0.1", "0.2", "0.4", "0.8"}) {
      factline::testing::runCommand("timeout -s KILL " + std::string(after) + " " + cmd +
                                    " >/dev/null 2>&1");
      const std::string text = read(report);
      CHECK((text == good || text.find("300 files checked") != std::string::npos));
      CHECK(hiddenFiles(report.parent_path()) == 0);
    }
  }
  CHECK(hiddenFiles(report.parent_path()) == 0); // no temporary file left behind
}

TEST_CASE("check reports a subfolder it cannot enter and exits 2", "[check][hostile]") {
  TempWorkspace ws;
  ws.write("drafts/open.md", "Nothing here is quoted or counted.\n");
  ws.write("drafts/closed/wrong.md", kWrongFigure);
  const fs::path closed = ws.root / "drafts" / "closed";
  REQUIRE(::chmod(closed.c_str(), 0) == 0);
  // Permissions do not stop root: run as nobody there (the workspace is world-readable).
  std::string as;
  if (::geteuid() == 0)
    as = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  CommandRun r = factline::testing::runCommand(
      "timeout -s KILL 60 " + as + std::string(FACTLINE_BINARY) +
      " check --no-color --no-workspace-facts " + (ws.root / "drafts").string() + " 2>&1");
  ::chmod(closed.c_str(), 0755);
  CHECK(r.status == 2);
  CHECK(r.out.find("closed: cannot be read: Permission denied") != std::string::npos);
  CHECK(r.out.find("1 file checked") != std::string::npos); // what could be read still is
}
