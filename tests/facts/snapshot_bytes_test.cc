// Tests SnapshotBytes: a snapshot's bytes stay as they were read, whatever is done to the file
// (rewritten in place, truncated), whether they were mapped under a lease or read at once.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "facts/snapshot_bytes.h"
#include "temp_dir.h"

using factline::facts::SnapshotBytes;
using factline::testing::TempDir;

namespace {

// Bytes big enough to be mapped, different at every offset.
std::string content(char seed, std::size_t size = SnapshotBytes::kMapFrom * 2 + 12345) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i)
    s[i] = static_cast<char>(seed + static_cast<char>(i * 7 + i / 4096));
  return s;
}

// Whether this process can take a read lease on `path` here (its owner, a file system with
// leases): where it cannot, the bytes are read at once and every check below still holds.
bool leasesWork(const std::string &path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  const bool ok = fd >= 0 && ::fcntl(fd, F_SETLEASE, F_RDLCK) == 0;
  if (fd >= 0)
    ::close(fd);
  return ok;
}

std::shared_ptr<SnapshotBytes> open(const std::string &path) {
  std::string error;
  auto bytes = SnapshotBytes::open(path, error);
  INFO(error);
  REQUIRE(bytes);
  return bytes;
}

} // namespace

TEST_CASE("a mapped snapshot keeps its bytes when the file is rewritten in place", "[snapshot]") {
  TempDir dir;
  const std::string before = content('a');
  const std::string path = dir.write("base.factidx", before);
  auto bytes = open(path);
  CHECK(bytes->mapped() == leasesWork(path));
  CHECK(bytes->text() == before);
  { // what `cp` does: truncate, then write; the open waits for the lease to be let go
    std::ofstream over(path, std::ios::binary | std::ios::trunc);
    over << content('z', 1000);
  }
  CHECK_FALSE(bytes->mapped());
  CHECK(bytes->text() == before);
  CHECK(open(path)->text() == content('z', 1000)); // the next open reads the new file
}

TEST_CASE("a mapped snapshot keeps its bytes when the file is truncated", "[snapshot]") {
  TempDir dir;
  const std::string before = content('b');
  const std::string path = dir.write("base.factidx", before);
  auto first = open(path);
  auto second = open(path); // two leases on one file: both are copied
  REQUIRE(::truncate(path.c_str(), 0) == 0);
  CHECK_FALSE(first->mapped());
  CHECK_FALSE(second->mapped());
  CHECK(first->text() == before); // reads every byte: a mapping past the end would be SIGBUS
  CHECK(second->text() == before);
}

TEST_CASE("a snapshot open for writing elsewhere is read at once", "[snapshot]") {
  TempDir dir;
  const std::string before = content('c');
  const std::string path = dir.write("base.factidx", before);
  std::ofstream writer(path, std::ios::binary | std::ios::app); // no lease while it is open
  auto bytes = open(path);
  CHECK_FALSE(bytes->mapped());
  CHECK(bytes->text() == before);
  writer << "more";
  writer.flush();
  CHECK(bytes->text() == before);
}

TEST_CASE("more snapshots than leased slots are read at once, and slots are reused", "[snapshot]") {
  TempDir dir;
  const std::string path = dir.write("base.factidx", content('d'));
  const bool leases = leasesWork(path);
  std::vector<std::shared_ptr<SnapshotBytes>> held;
  std::size_t mapped = 0;
  for (int i = 0; i < 80; ++i) {
    held.push_back(open(path));
    mapped += held.back()->mapped() ? 1 : 0;
  }
  CHECK(mapped == (leases ? 64u : 0u));
  for (const auto &b : held)
    CHECK(b->text() == content('d'));
  held.clear(); // unmapped, their leases let go and their slots freed
  CHECK(open(path)->mapped() == leases);
  { std::ofstream(path, std::ios::binary | std::ios::trunc) << "x"; } // no one waits on a lease
  CHECK(open(path)->text() == "x");
}

TEST_CASE("small and empty snapshots are read, and a missing one is an error", "[snapshot]") {
  TempDir dir;
  CHECK(open(dir.write("small.factidx", "FACTIDX"))->text() == "FACTIDX");
  CHECK_FALSE(open(dir.write("small.factidx", "FACTIDX"))->mapped());
  CHECK(open(dir.write("empty.factidx", ""))->text().empty());
  std::string error;
  CHECK_FALSE(SnapshotBytes::open(dir.file("missing.factidx"), error));
  CHECK(error == "cannot open the file");
}
