// Review decisions: what an editor decided on a finding (fixed, or overruled and why), kept in the
// workspace's `.factline/reviews.json` and matched to the findings of a draft. Pure: no LSP.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/finding.h"
#include "facts/loader.h"

namespace factline::server {

inline constexpr const char *kReviewsFileName = "reviews.json";
// `root`/.factline/reviews.json.
std::string reviewsFilePath(const std::string &root);

// What identifies a finding across edits: the draft (its path relative to the workspace root,
// with "/"), the rule, a hash of the claim's words as the index folds them (so a change of case
// or of quotation marks keeps the decision, a changed word drops it), the record it rests on, and
// which occurrence of the same (rule, words, record) in the draft it is, counting from 1. No
// offsets: a decision survives edits elsewhere in the draft, and lapses when the claim changes.
struct ReviewKey {
  std::string draft;
  std::string rule;
  std::string claim; // "fnv1a64:" and 16 hex digits
  std::string record;
  std::size_t occurrence = 1;
  bool operator==(const ReviewKey &) const = default;
};

// The hash of a claim's words, as ReviewKey::claim holds it.
std::string claimHash(std::string_view claim);
bool validClaimHash(std::string_view hash); // "fnv1a64:" and 16 lower-case hex digits
// The record a finding rests on: its first quote or figure, else its first evidence; "" if none.
std::string recordOf(const analyzers::Finding &finding);
// One key per finding of a draft, in the findings' order.
std::vector<ReviewKey> reviewKeys(const std::string &draft,
                                  const std::vector<analyzers::Finding> &findings);

enum class Verdict { Fixed, Overruled };

// The reasons an editor gives most, and their codes in the file.
struct ReviewReason {
  const char *code;  // "record-incomplete"
  const char *label; // "the record is incomplete"
};
const std::vector<ReviewReason> &reviewReasons(); // ends with {"other", "another reason"}

struct ReviewDecision {
  ReviewKey key;
  Verdict verdict = Verdict::Overruled;
  std::string reason; // a code of reviewReasons(), or "" (a fix needs none)
  std::string why;    // free text; required with reason "other"
  std::string by;     // who decided
  std::string at;     // when, ISO 8601 UTC ("2026-12-07T18:52:00Z")
};

// "overruled: the outlet's transcription differs (Ana Ruiz, 7 December 2026): why", with the
// file's strings escaped: they are untrusted.
std::string describeDecision(const ReviewDecision &decision);
std::string_view verdictName(Verdict verdict); // "fixed", "overruled"

struct ReviewBook {
  std::string path;
  bool found = false; // the file exists (whether it could be read or not)
  std::vector<ReviewDecision> decisions;
  // Each names the file, line, column and field. A file with an error is not used at all, as the
  // configuration file: half a set of decisions would hide some findings and not others.
  std::vector<facts::LoadError> errors;
  std::vector<facts::LoadError> warnings; // unknown keys: the rest is used
};

// Reads and validates a decisions file (missing: found false, no errors).
// `text`, when given, receives the file's text as read.
ReviewBook readReviewFile(const std::string &path, std::string *text = nullptr);
// The same from text already read (an editor's buffer, a test).
ReviewBook parseReviews(std::string_view text, const std::string &path);

// For each finding, the decision recorded on it, or null. Only findings with a severity can be
// reviewed; a verified claim has nothing to decide.
std::vector<const ReviewDecision *> matchReviews(const std::string &draft,
                                                 const std::vector<analyzers::Finding> &findings,
                                                 const ReviewBook &book);

// `book` with `decision` recorded (replacing one with the same key), as the file's text: what a
// client writes for the server, which never writes a file itself.
std::string withDecision(const ReviewBook &book, const ReviewDecision &decision);

// The findings as the editor shows them once reviewed: each one with a decision becomes a Hint
// whose message starts with the decision. Returns how many were marked.
std::size_t markReviewed(std::vector<analyzers::Finding> &findings,
                         const std::vector<const ReviewDecision *> &decisions);

// Now, as ReviewDecision::at holds it.
std::string utcNow();

} // namespace factline::server
