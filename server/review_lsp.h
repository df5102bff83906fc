// Review decisions in LSP terms: the "Mark as reviewed…" code action, the command's arguments,
// the question put to the writer, and the WorkspaceEdit that writes `.factline/reviews.json`.
// The server never writes the file itself: the client applies the edit (workspace/applyEdit).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyzers/finding.h"
#include "protocol/expected.h"
#include "protocol/lsp_features.h"
#include "server/review_decisions.h"
#include "server/to_lsp.h"

namespace factline::server {

inline constexpr const char *kMarkReviewedCommand = "factline.markReviewed";

// "Mark as reviewed…" on each finding with a severity that touches `selection` ("Review again…"
// on one already reviewed), its command carrying the finding's key (MarkReviewed below).
std::vector<protocol::CodeAction> toReviewActions(const std::vector<analyzers::Finding> &findings,
                                                  const std::vector<ReviewKey> &keys,
                                                  const std::vector<bool> &reviewed,
                                                  analyzers::Span selection, const LspView &view);

// The command's one argument: the finding's key and what the writer sees of it, and, from an
// editor that asked the writer itself (an input box for free text), the decision: "decision"
// ("fixed" or "overruled"), "reason", "why", "by".
struct MarkReviewed {
  ReviewKey key;
  std::string message; // the finding's message, for the question
  std::optional<ReviewDecision> decision;
};
// The arguments as the client sent them back; an error names the field.
protocol::Expected<MarkReviewed, std::string> readMarkReviewed(const protocol::json &arguments);

// window/showMessageRequest params: what to decide, with one action per choice.
protocol::json reviewQuestion(const MarkReviewed &request);
// The decision a chosen action's title stands for; nullopt for no choice (the writer dismissed it).
std::optional<ReviewDecision> decisionForChoice(const protocol::json &answer);

// workspace/applyEdit params that make the file at `uri` hold `text`: replacing `current` (the
// file's text, when it exists) as a whole, or creating it (with a CreateFile operation when the
// client can, else an insertion into the new document).
protocol::json reviewFileEdit(const std::string &uri, const std::optional<std::string> &current,
                              const std::string &text, protocol::PositionEncoding encoding,
                              bool create_files, bool document_changes);

// Who is deciding: the setting `reviewer` (the editor's section, else initializationOptions),
// else the name the operating system gives the user.
std::string reviewerName(const protocol::json &editor_section, const protocol::json &init_section);

} // namespace factline::server
