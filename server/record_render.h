// Markdown for a finding and the record behind it, as hovers show it.
#pragma once
#include <string>
#include <string_view>

#include "analyzers/finding.h"
#include "facts/fact_base.h"
#include "server/record_view.h"

namespace factline::server {

// Markdown: a heading with the status, the finding's message, then each piece of evidence as the
// record keeps it. A quote shows its recorded wording (with the draft's differences marked as
// wdiff does, draft-only words [-so-], record-only words {+so+}), speaker and role, event, date and
// source; a figure its recorded text with qualifier, subject, who stated it, date, source and
// what replaced it; a person or event its name and details. Evidence ids the base does not hold
// are named as missing rather than skipped. Pure; any thread.
std::string renderFinding(const analyzers::Finding &finding, const facts::FactBase &base);

// Escapes the characters Markdown would read as formatting in record text, writes its control
// characters out (escapeControls()) and its line breaks and tabs as spaces. A source url is a link
// only when it is a web address (isWebUrl()), percent-encoded so that it is one link, whole.
std::string escapeMarkdown(std::string_view text);

} // namespace factline::server
