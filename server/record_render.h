// Markdown for a finding and the fact-base record behind it, shared by hovers and `check` reports.
#pragma once
#include <string>
#include <string_view>

#include "analyzers/finding.h"
#include "facts/fact_base.h"

namespace factline::server {

// "Verified quote", "Altered quote", "Misattributed quote", "Wrong occasion", "Unverified quote",
// "Wrong figure", "Superseded figure", "Verified figure", or for a text problem a name derived
// from the rule ("Unterminated quotation").
std::string statusTitle(const analyzers::Finding &finding);

// Markdown: a heading with the status, the finding's message, then each piece of evidence as the
// record keeps it. A quote shows its recorded wording (with the draft's differences marked:
// record-only words in bold, draft-only words struck through), speaker and role, event, date and
// source; a figure its recorded text with qualifier, subject, who stated it, date, source and
// what replaced it; a person or event its name and details. Evidence ids the base does not hold
// are named as missing rather than skipped. Pure; any thread.
std::string renderFinding(const analyzers::Finding &finding, const facts::FactBase &base);

// "2018-04-04" -> "4 April 2018"; other text unchanged.
std::string formatDate(std::string_view iso_date);

// Escapes the characters Markdown would read as formatting in record text.
std::string escapeMarkdown(std::string_view text);

} // namespace factline::server
