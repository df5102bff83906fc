// Analysis benchmarks: checking a draft, a keystroke's re-check, and loading/indexing fact bases.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>

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

// Built once per process: the bundled base, or a synthetic one of `quotes` quotes and as many
// figures.
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

// Whole check of a draft seen for the first time: Document (Markdown structure) and every
// analyzer, with empty memos (a fresh group each time), so that nothing is remembered.
void BM_CheckDraft(benchmark::State &state) {
  const Corpus &c =
      corpus(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  analyzers::CancelToken cancel;
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto fresh = analyzers::AnalyzerGroup::standard();
    analyzers::Document doc(c.draft, analyzers::DraftFormat::Markdown);
    auto result = fresh.analyze(doc, *c.index, cancel);
    findings = result.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["bytes"] = static_cast<double>(c.draft.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.draft.size()));
}
BENCHMARK(BM_CheckDraft)
    ->ArgNames({"quotes", "words"})
    ->Args({0, 1000})
    ->Args({0, 10000})
    ->Args({0, 40000})
    ->Args({0, 160000})
    ->Args({100000, 10000})
    ->Args({1000000, 10000})
    ->Unit(benchmark::kMicrosecond);

// What a keystroke costs: a writer typing into a 10,000-word draft, one character a re-check,
// `at` the place it types at (npos: the benchmark cannot run on this draft). Each keystroke gives
// a text no check has seen: typing a character and deleting it again would find every re-check in
// the memos after the first two. What is typed is the last 12 characters of a stream of letters
// and spaces that does not repeat (words, as a writer types them): the draft keeps its size, where
// typing on for thousands of keystrokes would grow one sentence to thousands of characters.
template <typename At> void recheckWhileTyping(benchmark::State &state, At at_of) {
  const Corpus &c = corpus(static_cast<std::size_t>(state.range(0)), 10000);
  analyzers::CancelToken cancel;
  std::string text = c.draft;
  const std::size_t at = at_of(text);
  if (at == std::string::npos) {
    state.SkipWithError("the draft has no place to type at");
    return;
  }
  // The draft checked once before the clock starts, as the editor did when it was opened: a
  // keystroke's re-check finds the memos of earlier checks. Without it, a first check slower
  // than --benchmark_min_time (a million-quote base) was timed alone as "the re-check".
  {
    analyzers::Document doc(text, analyzers::DraftFormat::Markdown);
    benchmark::DoNotOptimize(group().analyze(doc, *c.index, cancel));
  }
  constexpr std::size_t kWindow = 12;
  std::uint32_t stream = 12345;
  std::size_t typed = 0;
  for (auto _ : state) {
    stream = stream * 1664525u + 1013904223u; // a linear congruential generator's letters
    const char ch = (stream >> 24) % 6 == 0 ? ' ' : static_cast<char>('a' + (stream >> 16) % 26);
    text.insert(at + typed, 1, ch);
    if (typed == kWindow)
      text.erase(at, 1);
    else
      ++typed;
    analyzers::Document doc(text, analyzers::DraftFormat::Markdown);
    auto result = group().analyze(doc, *c.index, cancel);
    benchmark::DoNotOptimize(result);
  }
}

// The end of the draft's middle line, as `lsp-eval latency` types: a paragraph that ends with a
// quotation and its attribution ("... Mark Zuckerberg said.").
std::size_t middleLineEnd(const std::string &text) {
  std::size_t middle = 0;
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) / 2;
  for (std::size_t line = 0; line < lines; ++line)
    middle = text.find('\n', middle) + 1;
  return text.find('\n', middle);
}

// Typing in the middle of the draft, after a word of its prose.
void BM_RecheckAfterEdit(benchmark::State &state) {
  recheckWhileTyping(state,
                     [](const std::string &text) { return text.find(' ', text.size() / 2); });
}
BENCHMARK(BM_RecheckAfterEdit)
    ->ArgName("quotes")
    ->Arg(0)
    ->Arg(1000000)
    ->Unit(benchmark::kMicrosecond);

// Typing where `lsp-eval latency` types: at the end of the draft's middle line, a paragraph that
// ends with a quotation and its attribution ("... Mark Zuckerberg said."). The quotation is
// attributed again at every keystroke (its attribution clause changes); it is checked again only
// if what the attribution finds changes.
void BM_RecheckBesideQuote(benchmark::State &state) {
  recheckWhileTyping(state, middleLineEnd);
}
BENCHMARK(BM_RecheckBesideQuote)
    ->ArgName("quotes")
    ->Arg(0)
    ->Arg(1000000)
    ->Unit(benchmark::kMicrosecond);

// Typing inside the quotation of that same line, after its first word: every keystroke changes
// the quotation's words, so nothing of its check is remembered.
void BM_RecheckInQuote(benchmark::State &state) {
  recheckWhileTyping(state, [](const std::string &text) {
    const std::size_t end = middleLineEnd(text);
    const std::size_t open = text.rfind("\xE2\x80\x9C", end);
    if (open == std::string::npos || text.rfind('\n', end - 1) > open)
      return std::string::npos;
    return text.find(' ', open) + 1;
  });
}
BENCHMARK(BM_RecheckInQuote)
    ->ArgName("quotes")
    ->Arg(0)
    ->Arg(1000000)
    ->Unit(benchmark::kMicrosecond);

// One quote looked up verbatim and near (one word changed) against the base: what checking a
// quotation costs the index, for the bundled base and a million-quote one.
void BM_QuoteLookup(benchmark::State &state) {
  const Corpus &c = corpus(static_cast<std::size_t>(state.range(0)), 10000);
  const facts::FactBase &base = c.index->base();
  std::vector<std::vector<facts::Token>> verbatim, near;
  for (std::size_t i = 0; i < 32; ++i) {
    const facts::Quote &q = base.quotes[i * 7919 % base.quotes.size()];
    verbatim.push_back(facts::tokenize(q.text));
    std::string changed = q.text.str();
    std::size_t sp = changed.find(' ', changed.size() / 2);
    if (sp != std::string::npos)
      changed.insert(sp, " indeed");
    near.push_back(facts::tokenize(changed));
  }
  std::size_t k = 0, found = 0;
  for (auto _ : state) {
    found += c.index->findVerbatim(verbatim[k % verbatim.size()]).size();
    found += c.index->findNear(near[k % near.size()], 3, 0.5).size();
    ++k;
  }
  benchmark::DoNotOptimize(found);
}
BENCHMARK(BM_QuoteLookup)
    ->ArgName("quotes")
    ->Arg(0)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMicrosecond);

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
