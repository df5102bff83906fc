// DiagnosticEncoder: a draft's diagnostics kept as JSON text between results, so that a keystroke
// re-encodes only the findings it changed and tells whether the diagnostics changed at all.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/finding.h"
#include "server/to_lsp.h"

namespace factline::server {

// One per open draft; used on the protocol strand only.
//
// Each finding with a severity becomes toDiagnostic(finding, view), as JSON. A finding whose every
// input to toDiagnostic but its span (rule, status, severity, message, evidence) equals one of the
// last result's is not converted again: its encoding is kept, and only its range is written anew
// (the range is all that an edit above it shifts). Whoever gives toDiagnostic a new input must
// add it to the key (keyOf in diagnostic_encoder.cc), or the encoder would keep a stale encoding.
class DiagnosticEncoder {
public:
  // Encodes the findings' diagnostics; returns whether they differ from the last call's.
  bool encode(const std::vector<analyzers::Finding> &findings, const LspView &view);

  // The diagnostics array of the last call, "[...]" ("[]" before the first).
  const std::string &items() const { return items_; }
  // Names items(): a new id exactly when items() changed, unique in the process (an id from a
  // document closed and opened again never matches), never "".
  const std::string &resultId() const { return result_id_; }

  // The findings converted afresh by the last call (the others kept their encoding).
  std::size_t convertedLastTime() const { return converted_; }

private:
  std::unordered_map<std::string, std::string> encoded_; // key -> the diagnostic after its range
  std::string items_ = "[]";
  std::string result_id_ = nextId();
  std::size_t converted_ = 0;

  static std::string nextId();
};

} // namespace factline::server
