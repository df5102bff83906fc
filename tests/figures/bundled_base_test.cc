// End-to-end tests of the figure analyzer against the bundled base and the development drafts.
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "analyzers/figure_analyzer.h"
#include "facts/loader.h"

using namespace factline::analyzers;

namespace {
const factline::facts::FactIndex &bundledIndex() {
  static const factline::facts::FactIndex index(
      std::make_shared<const factline::facts::FactBase>(factline::facts::bundledFactBase()));
  return index;
}

std::vector<Finding> check(const std::string &text, DraftFormat format = DraftFormat::Markdown) {
  Document doc(text, format);
  return makeFigureAnalyzer()->analyze(doc, bundledIndex(), CancelToken());
}

std::string spanOf(const std::string &text, const Finding &f) {
  return text.substr(f.span.begin, f.span.end - f.span.begin);
}
} // namespace

TEST_CASE("dump findings for the development drafts", "[.dump]") {
  for (const char *name :
       {"call-roundup.md", "forms-and-variants.md", "hearing-notes.txt", "markdown-structure.md"}) {
    std::ifstream in(std::string("/work/shared/eval/dev/") + name);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::string n = name;
    auto findings =
        check(text, n.ends_with(".txt") ? DraftFormat::PlainText : DraftFormat::Markdown);
    WARN(name);
    for (const Finding &f : findings) {
      std::string fix = f.fixes.empty() ? "" : " FIX " + f.fixes[0].title;
      WARN(f.rule << " [" << spanOf(text, f) << "] " << f.message << fix);
    }
  }
}
