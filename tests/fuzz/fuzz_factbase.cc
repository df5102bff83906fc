// Fuzz target: the fact-base loader on arbitrary bytes, beside the bundled base, and the index
// over whatever loads cleanly. Properties: it never throws, every error is placed inside the file,
// and a base that loads can be indexed and searched.
#include <cstdint>
#include <memory>
#include <string>

#include "facts/fact_index.h"
#include "facts/loader.h"
#include "facts/normalize.h"
#include "tests/fuzz/fuzz_check.h"

using namespace factline;

namespace {

void checkPlaced(const facts::LoadError &e, std::string_view text) {
  FUZZ_CHECK(e.offset <= text.size());
  FUZZ_CHECK(e.line >= 1);
  FUZZ_CHECK(e.column >= 1);
  FUZZ_CHECK(!e.message.empty());
  FUZZ_CHECK(!e.describe().empty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > 256 * 1024)
    return 0;
  std::string_view text(reinterpret_cast<const char *>(data), size);
  static const facts::FactBase &bundled = facts::bundledFactBase();
  facts::LoadResult result = facts::parseFactBase(text, "fuzz.json", {&bundled});
  for (const auto &e : result.errors)
    checkPlaced(e, text);
  for (const auto &w : result.warnings)
    checkPlaced(w, text);
  if (!result.ok())
    return 0;
  auto base = std::make_shared<facts::FactBase>(std::move(result.base));
  facts::FactIndex index(base);
  for (const auto &q : base->quotes) {
    std::vector<facts::Token> words = facts::tokenize(q.text);
    (void)index.findVerbatim(words);
    (void)index.findNear(words);
  }
  for (const auto &p : base->people)
    (void)index.resolvePerson(p.name);
  return 0;
}
