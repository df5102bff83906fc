// QuoteAnalyzer: TEMPORARY scaffold so the tree links; replaced by the real analyzer (issue 4).
#include "analyzers/quote_analyzer.h"

namespace factline::analyzers {
namespace {
class QuoteAnalyzer final : public Analyzer {
public:
  std::string_view name() const override { return "quotes"; }
  std::vector<Finding> analyze(const Document &, const facts::FactIndex &,
                               const CancelToken &) const override {
    return {};
  }
};
} // namespace

std::unique_ptr<Analyzer> makeQuoteAnalyzer() { return std::make_unique<QuoteAnalyzer>(); }

} // namespace factline::analyzers
