// Analysis benchmarks: checking a draft, a keystroke's re-check, and loading/indexing fact bases.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "analyzers/analyzer_group.h"
#include "analyzers/document.h"
#include "bench/synth.h"
#include "facts/fact_index.h"
#include "facts/loader.h"

namespace {

using namespace factline;

struct Corpus {
  std::shared_ptr<const facts::FactIndex> index;
  std::string draft;
};

// Built once per process: the bundled base, or a synthetic one of `quotes` quotes and as many figures.
const Corpus &corpus(std::size_t quotes, std::size_t draft_words) {
  static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<Corpus>> cache;
  auto &slot = cache[{quotes, draft_words}];
  if (!slot) {
    slot = std::make_unique<Corpus>();
    facts::FactBase base = facts::bundledFactBase();
    if (quotes > 0)
      base.merge(bench::synthFactBase(quotes, quotes, 42));
    base.reindex();
    auto shared = std::make_shared<const facts::FactBase>(std::move(base));
    slot->index = std::make_shared<const facts::FactIndex>(shared);
    slot->draft = bench::synthDraft(*shared, draft_words, 7);
  }
  return *slot;
}

const analyzers::AnalyzerGroup &group() {
  static const auto g = analyzers::AnalyzerGroup::standard();
  return g;
}

// Whole check of a draft: Document (Markdown structure) and every analyzer.
void BM_CheckDraft(benchmark::State &state) {
  const Corpus &c = corpus(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  analyzers::CancelToken cancel;
  std::size_t findings = 0;
  for (auto _ : state) {
    analyzers::Document doc(c.draft, analyzers::DraftFormat::Markdown);
    auto result = group().analyze(doc, *c.index, cancel);
    findings = result.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["bytes"] = static_cast<double>(c.draft.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.draft.size()));
}
BENCHMARK(BM_CheckDraft)->ArgNames({"quotes", "words"})
    ->Args({0, 1000})->Args({0, 10000})->Args({0, 40000})
    ->Args({100000, 10000})->Args({1000000, 10000})
    ->Unit(benchmark::kMicrosecond);

// What a keystroke costs: one character typed in the middle of a 10,000-word draft, re-checked.
void BM_RecheckAfterEdit(benchmark::State &state) {
  const Corpus &c = corpus(static_cast<std::size_t>(state.range(0)), 10000);
  analyzers::CancelToken cancel;
  std::string text = c.draft;
  std::size_t at = text.find(' ', text.size() / 2);
  bool insert = true;
  for (auto _ : state) {
    if (insert)
      text.insert(at, "x");
    else
      text.erase(at, 1);
    insert = !insert;
    analyzers::Document doc(text, analyzers::DraftFormat::Markdown);
    auto result = group().analyze(doc, *c.index, cancel);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_RecheckAfterEdit)->ArgName("quotes")->Arg(0)->Arg(1000000)->Unit(benchmark::kMicrosecond);

// Parsing and indexing the bundled base: part of every server start.
void BM_LoadBundledBase(benchmark::State &state) {
  for (auto _ : state) {
    auto base = std::make_shared<const facts::FactBase>(facts::bundledFactBase());
    facts::FactIndex index(base);
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_LoadBundledBase)->Unit(benchmark::kMicrosecond);

// Building the document model alone, to separate it from analysis.
void BM_DocumentModel(benchmark::State &state) {
  const Corpus &c = corpus(0, 10000);
  for (auto _ : state) {
    analyzers::Document doc(c.draft, analyzers::DraftFormat::Markdown);
    benchmark::DoNotOptimize(doc);
  }
}
BENCHMARK(BM_DocumentModel)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
