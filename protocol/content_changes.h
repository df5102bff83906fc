// Applying didChange content changes (incremental or full) to a document's text.
#pragma once
#include <string>
#include <vector>

#include "protocol/lsp_documents.h"
#include "protocol/position.h"

namespace factline::protocol {

// Applies `changes` to `text` in order, each one's positions read against the text as the
// previous changes left it. Positions out of range are clamped as the spec says; a range whose end
// comes before its start is read with its ends swapped, so a confused client cannot make the
// server lose the document. Never fails.
void applyContentChanges(std::string &text,
                         const std::vector<TextDocumentContentChangeEvent> &changes,
                         PositionEncoding encoding);

} // namespace factline::protocol
