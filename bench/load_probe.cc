// factline-load-probe: loads fact base files and builds the index, printing the time and peak RSS.
// A .json file is always parsed (never its snapshot); a .factidx file is loaded as the server
// loads it (facts/snapshot.h).
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "facts/fact_index.h"
#include "facts/loader.h"
#include "facts/snapshot.h"

int main(int argc, char **argv) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  factline::facts::FactBase merged = factline::facts::bundledFactBase();
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
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
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
    if (argc == 2) {
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
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("quotes=%zu figures=%zu parse_ms=%.0f index_ms=%.0f total_ms=%.0f "
              "parse_cpu_ms=%.0f index_cpu_ms=%.0f total_cpu_ms=%.0f peak_rss_mb=%.0f\n",
              shared->quotes.size(), shared->figures.size(), ms(t1 - t0), ms(t2 - t1), ms(t2 - t0),
              c1 - c0, c2 - c1, c2 - c0, static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
