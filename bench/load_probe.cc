// factline-load-probe: loads fact base files and builds the index, printing the time and memory.
// A .json file is always parsed (never its snapshot); a .factidx file is loaded as the server
// loads it (facts/snapshot.h). `--check DRAFT` then times a first check of a Markdown draft
// against the loaded base (issue 24: a base just opened answers its first check at once).
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/analyzer_group.h"
#include "analyzers/document.h"
#include "facts/fact_index.h"
#include "facts/loader.h"
#include "facts/snapshot.h"

namespace {

// Resident memory now, from /proc/self/status: anonymous (memory of our own: what a load builds)
// and file-backed (a mapped snapshot's pages, which the page cache holds whoever maps them), in
// MiB; -1 where the kernel does not say.
struct Resident {
  double anon_mb = -1, file_mb = -1;
};
Resident residentNow() {
  Resident r;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    double kb = 0;
    if (std::sscanf(line.c_str(), "RssAnon: %lf kB", &kb) == 1)
      r.anon_mb = kb / 1024.0;
    else if (std::sscanf(line.c_str(), "RssFile: %lf kB", &kb) == 1)
      r.file_mb = kb / 1024.0;
  }
  return r;
}

} // namespace

int main(int argc, char **argv) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::vector<std::string> files, drafts;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--check") == 0 && i + 1 < argc)
      drafts.push_back(argv[++i]);
    else
      files.push_back(argv[i]);
  }
  std::vector<std::string> draft_texts;
  for (const std::string &path : drafts) { // read before the clock starts
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: cannot read the draft\n", path.c_str());
      return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    draft_texts.push_back(text.str());
  }
  factline::facts::FactBase merged = factline::facts::bundledFactBase();
  const auto group = factline::analyzers::AnalyzerGroup::standard();
  const Resident before = residentNow();
  // CPU time beside wall time: the machine is shared, and wall time there measures the others.
  auto cpu = [] {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  };
  const double c0 = cpu();
  auto t0 = Clock::now();
  // As FactLibrary does: one file read from a snapshot brings its quotes' recorded words and its
  // figures' terms.
  factline::facts::Prebuilt prebuilt;
  std::size_t own_quotes = 0, own_figures = 0;
  for (const std::string &path : files) {
    auto result = factline::facts::isSnapshotPath(path)
                      ? factline::facts::readFactBaseFile(path)
                      : factline::facts::readFactBaseJsonFile(path);
    factline::facts::checkReferences(result, {&factline::facts::bundledFactBase()});
    for (const auto &w : result.warnings)
      std::fprintf(stderr, "warning: %s\n", w.describe().c_str());
    if (!result.ok()) {
      for (const auto &e : result.errors)
        std::fprintf(stderr, "%s\n", e.describe().c_str());
      return 1;
    }
    if (files.size() == 1) {
      prebuilt = {result.quote_words, merged.quotes.size(), result.figure_terms,
                  merged.figures.size()};
      own_quotes = result.base.quotes.size();
      own_figures = result.base.figures.size();
    }
    merged.merge(std::move(result.base));
  }
  if (prebuilt.words && merged.quotes.size() != prebuilt.first + own_quotes)
    prebuilt.words = nullptr;
  if (prebuilt.terms && merged.figures.size() != prebuilt.first_figure + own_figures)
    prebuilt.terms = nullptr;
  auto t1 = Clock::now();
  const double c1 = cpu();
  auto shared = std::make_shared<const factline::facts::FactBase>(std::move(merged));
  factline::facts::FactIndex index(shared, std::move(prebuilt));
  auto t2 = Clock::now();
  const double c2 = cpu();
  const Resident after = residentNow();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  // rss_anon_mb: what the load added of memory of its own (the issue-24 "beyond the mapped file");
  // rss_file_mb: the file pages mapped and resident after it.
  std::printf("quotes=%zu figures=%zu parse_ms=%.0f index_ms=%.0f total_ms=%.0f "
              "parse_cpu_ms=%.0f index_cpu_ms=%.0f total_cpu_ms=%.0f peak_rss_mb=%.0f "
              "rss_anon_mb=%.0f rss_file_mb=%.0f",
              shared->quotes.size(), shared->figures.size(), ms(t1 - t0), ms(t2 - t1), ms(t2 - t0),
              c1 - c0, c2 - c1, c2 - c0, static_cast<double>(usage.ru_maxrss) / 1024.0,
              after.anon_mb - before.anon_mb, after.file_mb - before.file_mb);
  // The first check of each draft, as a server's first diagnostics after the load: a fresh group
  // (no memos), the index's lazily filled caches as the load left them.
  factline::analyzers::CancelToken cancel;
  for (std::size_t d = 0; d < draft_texts.size(); ++d) {
    auto t3 = Clock::now();
    const double c3 = cpu();
    factline::analyzers::Document doc(draft_texts[d], factline::analyzers::DraftFormat::Markdown);
    const auto findings = group.analyze(doc, index, cancel);
    auto t4 = Clock::now();
    std::printf(" first_check_ms=%.1f first_check_cpu_ms=%.1f findings=%zu", ms(t4 - t3),
                cpu() - c3, findings.size());
  }
  std::printf("\n");
  return 0;
}
