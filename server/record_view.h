// The record behind a finding, gathered from the fact base once for every renderer: the hover's
// Markdown, the review sheet's HTML and the JSON and SARIF reports all read this, never the base.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/finding.h"
#include "facts/fact_base.h"

namespace factline::server {

struct PersonView {
  std::string id;
  bool found = false;
  std::string name;
  std::string detail; // the role, or else the organisation they speak for
  std::vector<std::string> aliases;
};

struct EventView {
  std::string id;
  bool found = false;
  std::string name;
  std::string date; // ISO 8601
  std::string description;
};

struct SourceView {
  std::string id;
  bool found = false;
  std::string title;
  std::string publisher;
  std::string date; // ISO 8601
  std::string url;
};

// One piece of evidence as the record keeps it.
struct RecordView {
  analyzers::FactRef::Kind kind = analyzers::FactRef::Kind::Quote;
  std::string id;
  bool found = false; // false: the base holds no entry with this id; only kind and id are set
  std::string text;   // quote: the recorded wording (of the variant cited); figure: with qualifier
  std::string unit;   // figure: its unit, when `text` does not already say it
  std::vector<analyzers::DiffPiece> diff; // the finding's difference, on its first quote only
  PersonView person;   // quote: the speaker; figure: who stated it; person evidence: the person
  EventView event;     // quote: where it was said; event evidence: the event
  std::string date;    // quote or figure, ISO 8601
  std::string subject; // figure: what it counts
  SourceView source;
  std::string note;    // quote variant: how this wording differs
  std::string context; // how the source introduces it
  std::string place;   // quote from a transcript: "turn 12, 00:03:12" (empty otherwise)
  // Figure replaced by a later one: that one's text, who stated it and when.
  std::string superseded_by;
  std::string superseded_by_text;
  std::string superseded_by_person;
  std::string superseded_by_date;
};

struct FindingView {
  std::string title; // statusTitle()
  std::string message;
  std::string attributed_to; // misattributed quotes: the name the draft gives them to
  // Evidence in order; a person or event already named by a quote or figure above is left out.
  std::vector<RecordView> records;
};

// "Verified quote", "Altered quote", "Misattributed quote", "Wrong occasion", "Unverified quote",
// "Wrong figure", "Superseded figure", "Verified figure", or for a text problem a name derived
// from the rule ("Unterminated quotation").
std::string statusTitle(const analyzers::Finding &finding);

// Pure; any thread.
FindingView describeFinding(const analyzers::Finding &finding, const facts::FactBase &base);

// A word difference as one line: each non-empty piece written by `write(kind, text)`, the pieces
// joined by spaces. Renderers differ only in how they mark record-only and draft-only words.
template <typename Write>
std::string joinDiff(const std::vector<analyzers::DiffPiece> &pieces, Write write) {
  std::string out;
  for (const auto &p : pieces) {
    if (p.text.empty())
      continue;
    if (!out.empty())
      out += ' ';
    out += write(p.kind, p.text);
  }
  return out;
}

using facts::formatDate; // "2018-04-04" -> "4 April 2018"

// Untrusted text in output. Every string of a fact base or a draft is untrusted: a newsroom shares
// fact bases, and a draft can be anything. Renderers pass such strings through these.

// `text` with the characters that can take over a terminal or reorder what a reader sees written
// as `\u{1b}` (lower-case hex, no leading zeros): C0 controls and DEL (`keep_line_breaks`: except
// tab and line feed), C1 controls, the bidi embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) and the line and paragraph separators (U+2028, U+2029). Bytes that are not UTF-8
// are written as U+FFFD. Everything else is kept as it is.
std::string escapeControls(std::string_view text, bool keep_line_breaks = false);

// Whether a quick fix may be offered: none of its edits would write into the draft a character
// escapeControls() escapes (tab and line feed aside) or bytes that are not UTF-8. The words a fix
// inserts come from a fact base ("Attribute to <name>", a recorded wording); the loader refuses
// control characters in names, and this keeps any that reach a fix out of the draft all the same.
bool insertable(const analyzers::Fix &fix);

// Whether `url` may be written as a link: an absolute http: or https: URL with a host. Anything
// else (javascript:, command:, data:, file:, a relative address) is shown as text, never linked.
bool isWebUrl(std::string_view url);

// A web URL (isWebUrl) as the target of a link: every byte outside RFC 3986's unreserved and
// reserved characters and "%" (white space, controls, "<", ">", quotes, backslash, backquote,
// braces, "|", "^", non-ASCII) percent-encoded, and "(", ")", "[" and "]" too, so that neither a
// Markdown autolink nor an HTML attribute can be closed early by what the URL holds.
std::string linkTarget(std::string_view url);

// A JSON document as nlohmann::json dumps it, with the characters escapeControls() escapes that
// JSON leaves raw (DEL, C1 controls, bidi controls, U+2028, U+2029) written as \u escapes: the
// same strings to a JSON reader, and nothing a terminal showing the file would act on. Only valid
// for JSON text, where such characters can only stand inside strings.
std::string jsonWithEscapedControls(std::string json);

} // namespace factline::server
