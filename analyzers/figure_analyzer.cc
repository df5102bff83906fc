// FigureAnalyzer: TEMPORARY scaffold so the tree links; replaced by the real analyzer (issue 5).
#include "analyzers/figure_analyzer.h"

namespace factline::analyzers {
namespace {
class FigureAnalyzer final : public Analyzer {
public:
  std::string_view name() const override { return "figures"; }
  std::vector<Finding> analyze(const Document &, const facts::FactIndex &,
                               const CancelToken &) const override {
    return {};
  }
};
} // namespace

std::unique_ptr<Analyzer> makeFigureAnalyzer() { return std::make_unique<FigureAnalyzer>(); }

} // namespace factline::analyzers
