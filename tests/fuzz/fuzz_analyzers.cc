// Fuzz target: the standard analyzers (quotation marks, quotes, figures) on arbitrary text against
// the bundled base, and the findings' conversion to diagnostics, hovers and code actions.
// Properties: every span and fix lies inside the text, and a second check of the same text (which
// the figure analyzer answers partly from its per-sentence memo) finds exactly what the first did.
#include <cstdint>
#include <memory>
#include <string>

#include "analyzers/analyzer_group.h"
#include "facts/loader.h"
#include "protocol/line_index.h"
#include "server/to_lsp.h"
#include "tests/fuzz/fuzz_check.h"

using namespace factline;

namespace {

const facts::FactIndex &bundled() {
  static facts::FactIndex index(std::make_shared<facts::FactBase>(facts::bundledFactBase()));
  return index;
}

void checkSpan(analyzers::Span span, std::size_t size) {
  FUZZ_CHECK(span.begin <= span.end);
  FUZZ_CHECK(span.end <= size);
}

std::string summary(const std::vector<analyzers::Finding> &findings) {
  std::string out;
  for (const auto &f : findings) {
    out += f.rule + " " + std::to_string(f.span.begin) + "-" + std::to_string(f.span.end) + " " +
           std::to_string(static_cast<int>(f.status)) + " " + f.message + "\n";
    for (const auto &fix : f.fixes)
      for (const auto &edit : fix.edits)
        out += "  " + std::to_string(edit.span.begin) + "-" + std::to_string(edit.span.end) + " " +
               edit.text + "\n";
  }
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > 64 * 1024)
    return 0;
  fuzz::ByteReader in(data, size);
  auto format =
      in.byte() % 2 ? analyzers::DraftFormat::PlainText : analyzers::DraftFormat::Markdown;
  const std::string text(in.rest());

  const analyzers::AnalyzerGroup group = analyzers::AnalyzerGroup::standard();
  const analyzers::Document doc(text, format);
  std::vector<analyzers::Finding> findings = group.analyze(doc, bundled(), {});
  for (const auto &f : findings) {
    checkSpan(f.span, text.size());
    for (const auto &fix : f.fixes)
      for (const auto &edit : fix.edits)
        checkSpan(edit.span, text.size());
  }
  FUZZ_CHECK(summary(group.analyze(doc, bundled(), {})) == summary(findings));

  protocol::LineIndex lines(text);
  for (auto encoding : {protocol::PositionEncoding::Utf16, protocol::PositionEncoding::Utf8}) {
    server::LspView view{lines, encoding};
    auto diagnostics = server::toDiagnostics(findings, view);
    FUZZ_CHECK(diagnostics.size() <= findings.size());
    for (const auto &f : findings) {
      (void)server::toHover(findings, f.span.begin, bundled().base(), view, true);
      (void)server::toHover(findings, f.span.end, bundled().base(), view, false);
    }
    (void)server::toCodeActions(findings, {0, text.size()}, "file:///fuzz.md", 1, view);
  }
  return 0;
}
