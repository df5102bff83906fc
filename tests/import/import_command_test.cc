// `factline facts import` and `factline facts review` through the real binary: what is written,
// what is reported, and that a failed import writes nothing.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "facts/loader.h"
#include "../facts/temp_dir.h"

using factline::testing::TempDir;

namespace {

struct Run {
  int status = -1;
  std::string output; // stdout and stderr together
};

Run factlineRun(const std::string &args) {
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

std::string data(const std::string &name) {
  return std::string(FACTLINE_SOURCE_DIR) + "/tests/import/data/" + name;
}

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool has(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

const std::string kCouncil = " --event council-2025-03-03 --event-name 'Mapleford city council' "
                             "--date 2025-03-03 --publisher 'Mapleford Clerk'";

} // namespace

TEST_CASE("facts import writes a base that loads, and lists the labels it could not resolve",
          "[import][command]") {
  TempDir dir;
  const std::string out = dir.file("council.json");
  Run first = factlineRun("facts import " + data("council.txt") + " -o " + out + kCouncil);
  INFO(first.output);
  CHECK(first.status == 1);
  CHECK(has(first.output, "council.txt:21: label 'THE CLERK' not resolved (names nobody in "
                        "particular): its 1 turn is left out; settle it with --speaker"));
  CHECK(has(first.output, "quote records      6 (6 added"));
  factline::facts::LoadResult r = factline::facts::loadFactBaseFile(out);
  REQUIRE(r.ok());
  CHECK(r.base.quotes.size() == 6);
  CHECK(r.base.figures.empty()); // every figure is a candidate until confirmed
  CHECK(r.figure_candidates == 6);
  const factline::facts::Quote &q = r.base.quotes.at(1);
  CHECK(q.id == "q-council-2025-03-03-t1-2");
  CHECK(q.turn == 1);
  CHECK(q.part == 2);
  CHECK(q.speaker == "delia-okafor");
  CHECK(r.base.person("ray-tillman")->descriptors.at(0) == "Councilmember (Ward 3)");

  Run settled = factlineRun("facts import " + data("council.txt") + " -o " + out +
                         " --event council-2025-03-03 --speaker 'THE CLERK=-'");
  INFO(settled.output);
  CHECK(settled.status == 0);
  CHECK(has(settled.output, "labels not resolved 0"));
}

TEST_CASE("re-importing replaces the records, never duplicates them, and says what changed",
          "[import][command]") {
  TempDir dir;
  const std::string out = dir.file("interview.json");
  const std::string args = " -o " + out + " --event orchard-interview --event-name 'Interview' "
                                          "--date 2025-02-01";
  REQUIRE(factlineRun("facts import " + data("interview.txt") + args).status == 0);
  const std::string first = slurp(out);
  Run again = factlineRun("facts import " + data("interview.txt") + args);
  CHECK(again.status == 0);
  CHECK(has(again.output, "(0 added, 0 changed, 0 removed, 4 unchanged)"));
  CHECK(slurp(out) == first);

  std::string corrected = slurp(data("interview.txt"));
  corrected.replace(corrected.find("about 240"), 9, "about 260");
  const std::string fixed = dir.write("interview-corrected.txt", corrected);
  Run changed = factlineRun("facts import " + fixed + args);
  INFO(changed.output);
  CHECK(has(changed.output, "(0 added, 1 changed, 0 removed, 3 unchanged)"));
  CHECK(has(changed.output, "changed: q-orchard-interview-t2-1"));
  factline::facts::LoadResult r = factline::facts::loadFactBaseFile(out);
  REQUIRE(r.ok());
  CHECK(r.base.quotes.size() == 4);
  CHECK(r.base.quote("q-orchard-interview-t2-1")->text.starts_with("We are about 260"));
}

TEST_CASE("a failed import writes nothing and says what and where", "[import][command]") {
  TempDir dir;
  const std::string out = dir.write("base.json", "{\"factline\": 1, \"name\": \"kept\"}\n");
  const std::string before = slurp(out);

  Run no_labels = factlineRun("facts import " + dir.write("prose.txt", "Nobody speaks here.\n") +
                           " -o " + out + " --event e --event-name E");
  CHECK(no_labels.status == 2);
  CHECK(has(no_labels.output, "prose.txt: no speaker labels found as text"));

  const std::string bad_vtt = dir.write(
      "bad.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>Hi.\n\n00:00:0x.000 --> "
                 "00:00:03.000\n<v Ann Lee>Again.\n");
  Run bad_time = factlineRun("facts import " + bad_vtt + " -o " + out + " --event e --event-name E");
  CHECK(bad_time.status == 2);
  CHECK(has(bad_time.output, "bad.vtt:6: unreadable caption timestamp '00:00:0x.000'"));

  Run unknown_event = factlineRun("facts import " + data("council.txt") + " -o " + out +
                               " --event no-such-event");
  CHECK(unknown_event.status == 2);
  CHECK(has(unknown_event.output, "unknown event id 'no-such-event'"));

  Run unknown_person = factlineRun("facts import " + data("council.txt") + " -o " + out +
                                " --event e --event-name E --speaker 'THE CLERK=nobody'");
  CHECK(unknown_person.status == 2);
  CHECK(has(unknown_person.output, "unknown person id 'nobody'"));

  Run not_utf8 = factlineRun("facts import " + dir.write("latin1.txt", "ANN LEE: caf\xE9\n") +
                          " -o " + out + " --event e --event-name E");
  CHECK(not_utf8.status == 2);
  CHECK(has(not_utf8.output, "latin1.txt:1: not UTF-8 text"));

  CHECK(slurp(out) == before);
}

TEST_CASE("labels resolve against the bundled base: ZUCKERBERG is mark-zuckerberg",
          "[import][command]") {
  TempDir dir;
  const std::string t = dir.write("hearing.txt", "SEN. JANE ROE (D-OHIO): Will you answer?\n\n"
                                                 "ZUCKERBERG: Senator, yes.\n\nROE: Thank you.\n");
  const std::string out = dir.file("h.json");
  Run hearing = factlineRun("facts import " + t + " -o " + out +
                     " --event e --event-name 'A fictional hearing' --date 2018-04-10");
  INFO(hearing.output);
  REQUIRE(hearing.status == 0);
  factline::facts::LoadResult r = factline::facts::loadFactBaseFile(out, {&factline::facts::bundledFactBase()});
  REQUIRE(r.ok());
  CHECK(r.base.people.size() == 1); // Jane Roe; Zuckerberg is the bundled base's
  CHECK(r.base.quotes.at(1).speaker == "mark-zuckerberg");
  CHECK(r.base.quotes.at(2).speaker == "jane-roe");
}

TEST_CASE("facts review lists the candidates, confirms and rejects them", "[import][command]") {
  TempDir dir;
  const std::string out = dir.file("panel.json");
  REQUIRE(factlineRun("facts import " + data("panel.md") + " -o " + out +
                   " --event forum --event-name Forum --date 2025-01-01")
              .status == 0);
  Run list = factlineRun("facts review " + out);
  INFO(list.output);
  CHECK(list.status == 0);
  CHECK(has(list.output, "f-forum-t1-1-1: 91 percent [percent]"));
  CHECK(has(list.output, "said by ana-ruiz: Our graduation rate rose to 91 percent"));

  Run confirm = factlineRun("facts review " + out + " --confirm f-forum-t1-1-1");
  INFO(confirm.output);
  CHECK(confirm.status == 0);
  factline::facts::LoadResult r = factline::facts::loadFactBaseFile(out);
  REQUIRE(r.ok());
  REQUIRE(r.base.figures.size() == 1);
  CHECK(r.base.figures[0].value == 91);
  CHECK(r.base.figures[0].stated_by == "ana-ruiz");

  Run again = factlineRun("facts review " + out + " --confirm f-forum-t1-1-1");
  CHECK(again.status == 2);
  CHECK(has(again.output, "is already confirmed"));
  Run reject = factlineRun("facts review " + out + " --reject f-forum-t1-2-1");
  CHECK(reject.status == 0);
  CHECK(factline::facts::loadFactBaseFile(out).figure_candidates + 1 == r.figure_candidates);

  // A re-import keeps a confirmed figure confirmed while its sentence is unchanged.
  Run reimport = factlineRun("facts import " + data("panel.md") + " -o " + out + " --event forum");
  CHECK(has(reimport.output, "(1 confirmed figures kept)"));
  CHECK(factline::facts::loadFactBaseFile(out).base.figures.size() == 1);
}
