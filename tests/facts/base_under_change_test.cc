// A JSON fact base that changes while it loads (an editor's save over it, a `cp`, a truncate) is
// read whole as it was or refused with a clear error, never a SIGBUS; and a path that is not a
// regular file (a FIFO, a folder) is refused at once instead of waited on.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "facts/loader.h"
#include "facts/mapped_file.h"
#include "temp_dir.h"

using factline::facts::LoadResult;
using factline::facts::MappedFile;
using factline::testing::TempDir;

namespace {

// A valid base of `quotes` quotes: about 150 bytes each.
std::string bigBase(int quotes) {
  std::string s = R"({"factline": 1, "name": "big",
"people": [{"id": "mark", "name": "Mark Zuckerberg"}],
"events": [{"id": "call", "name": "call with reporters", "date": "2018-04-04"}],
"sources": [{"id": "src", "title": "Report", "publisher": "Wire", "date": "2018-04"}],
"quotes": [)";
  for (int i = 0; i < quotes; ++i) {
    s += i ? ",\n" : "\n";
    s += R"({"id": "q)" + std::to_string(i) + R"(", "text": "We have a responsibility number )" +
         std::to_string(i) + R"( to protect your data.", "speaker": "mark", "event": "call",
 "source": "src"})";
  }
  return s + "]}\n";
}

} // namespace

TEST_CASE("a JSON base truncated while its pages are read keeps the bytes it had", "[loader]") {
  TempDir dir;
  const std::string text = bigBase(40000); // about 6 MB: mapped, not read at once
  const std::string path = dir.write("big.json", text);
  MappedFile file(path);
  REQUIRE(file.readable());
  // The parser's way: part of the file read and the pages behind it given back, then the file
  // cut short under it (what `cp` and a careless save do), then the rest read.
  const std::size_t from = file.releaseBetween(0, text.size() / 2);
  CHECK(from > 0); // pages were given back
  REQUIRE(::truncate(path.c_str(), 1000) == 0);
  CHECK(file.text() == text); // every byte: a mapping past the new end would be SIGBUS
  LoadResult loaded = factline::facts::parseFactBase(file.text(), path, {});
  CHECK(loaded.ok());
  CHECK(loaded.base.quotes.size() == 40000);
}

TEST_CASE("a JSON base cut short while factline loads it: an error or the whole base, no signal",
          "[loader]") {
  TempDir dir;
  const std::string text = bigBase(150000); // about 23 MB: loading takes a while
  for (int delay_ms : {0, 5, 20, 60}) {
    const std::string path = dir.write("big.json", text);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::execl(FACTLINE_BINARY, "factline", "facts", "validate", path.c_str(),
              static_cast<char *>(nullptr));
      ::_exit(127);
    }
    ::usleep(static_cast<useconds_t>(delay_ms) * 1000);
    REQUIRE(::truncate(path.c_str(), 100000) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    INFO("truncated after " << delay_ms << " ms");
    CHECK_FALSE(WIFSIGNALED(status));
    CHECK(WIFEXITED(status));
    if (WIFEXITED(status))
      CHECK(WEXITSTATUS(status) <= 1); // 0: read as it was; 1: refused, with the reason
  }
}

TEST_CASE("a fact base path that is a FIFO or a folder is refused at once", "[loader]") {
  ::alarm(30); // a hang is the failure looked for: SIGALRM ends it as one
  TempDir dir;
  const std::string fifo = dir.file("base.json");
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  LoadResult from_fifo = factline::facts::readFactBaseFile(fifo); // no writer: must not block
  REQUIRE(from_fifo.errors.size() == 1);
  CHECK(from_fifo.errors[0].describe() == fifo + ": is not a regular file");

  LoadResult from_folder = factline::facts::readFactBaseFile(dir.path().string());
  REQUIRE(from_folder.errors.size() == 1);
  CHECK(from_folder.errors[0].describe() == dir.path().string() + ": is a folder, not a file");
  ::alarm(0);
}
