// The one place analysis results become LSP types (like clangd's toLSPDiags and toCodeAction).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/finding.h"
#include "facts/fact_base.h"
#include "facts/loader.h"
#include "protocol/line_index.h"
#include "protocol/lsp_features.h"

namespace factline::server {

// What every conversion needs: the analysed text's lines and the encoding the client negotiated.
struct LspView {
  const protocol::LineIndex &lines;
  protocol::PositionEncoding encoding;
};

protocol::Range toRange(analyzers::Span span, const LspView &view);
analyzers::Span toSpan(const protocol::Range &range, const LspView &view);

// A finding with a severity as a diagnostic: code = rule, source "factline", and `data` naming the
// status and the fact ids the finding rests on ({"rule", "status", "evidence": [{"kind","id"}]}).
protocol::Diagnostic toDiagnostic(const analyzers::Finding &finding, const LspView &view);

// Diagnostics for the findings that have a severity, in order; verified claims give none.
std::vector<protocol::Diagnostic> toDiagnostics(const std::vector<analyzers::Finding> &findings,
                                                const LspView &view);

// The hover at a byte offset: the record of every finding whose span holds it (or ends at it, so
// a cursor just after a claim still finds it), verified ones included; nullopt when none does.
std::optional<protocol::Hover> toHover(const std::vector<analyzers::Finding> &findings,
                                       std::size_t offset, const facts::FactBase &base,
                                       const LspView &view, bool markdown);

// Quick fixes of the findings that touch `selection`, each pinned to `version` when given. The
// first fix of a finding is the preferred one. A fix that would write a control character into the
// draft (insertable()) is not offered. Messages, titles and symbol names that come from a draft
// or a fact base have their control characters escaped (escapeControls()), here as everywhere.
std::vector<protocol::CodeAction> toCodeActions(const std::vector<analyzers::Finding> &findings,
                                                analyzers::Span selection, const std::string &uri,
                                                std::optional<std::int64_t> version,
                                                const LspView &view);

// The outline of a draft as a review checklist: every checked quote and figure, in document order,
// named by its status and the draft's words ("Wrong figure: 78 million users") and detailed by the
// record ("the record says up to 87 million"). Text problems (an unterminated quotation) are listed
// too.
std::vector<protocol::DocumentSymbol>
toDocumentSymbols(const std::vector<analyzers::Finding> &findings, const facts::FactBase &base,
                  const LspView &view);

// A fact base file's load error or warning as a diagnostic on that file, opened in the editor:
// placed by the error's line and column (in characters), spanning the JSON token there.
protocol::Diagnostic toDiagnostic(const facts::LoadError &error,
                                  protocol::DiagnosticSeverity severity, std::string_view text,
                                  const LspView &view);

std::string_view statusName(analyzers::Status status); // "verified", "altered", ...

} // namespace factline::server
