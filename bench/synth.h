// Deterministic generators of large synthetic fact bases and realistic drafts, for benchmarks.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "facts/fact_base.h"

namespace factline::bench {

// `quotes` quotes of 8 to 60 words (Zipf-distributed vocabulary) spoken by about one person per
// 40 quotes, and `figures` figures with units and keywords. The same seed gives the same base.
facts::FactBase synthFactBase(std::size_t quotes, std::size_t figures, std::uint64_t seed);

// The base as a fact base file (facts/FORMAT.md, version 1).
std::string toFactBaseJson(const facts::FactBase &base);

// A Markdown draft of about `words` words: paragraphs of narrative, quotes taken from `base`
// (verbatim fragments, altered ones, misattributed ones), figures from `base` (right and wrong),
// years and dates that are not figures. The same seed gives the same draft.
std::string synthDraft(const facts::FactBase &base, std::size_t words, std::uint64_t seed);

} // namespace factline::bench
