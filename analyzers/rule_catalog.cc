// The rule catalogue: one entry per rule id the quote and figure analyzers emit.
#include "analyzers/rule_catalog.h"

#include <array>

namespace factline::analyzers {
namespace {

constexpr std::array<RuleInfo, 10> kRules{{
    {"quote-misattributed", "MisattributedQuote",
     "The quoted words are on record, but from someone other than the person the draft names.",
     "Credit the words to the speaker on record, or remove the quotation.", Severity::Warning},
    {"quote-altered", "AlteredQuote", "The quotation is close to a recorded one but not verbatim.",
     "Restore the recorded wording, or mark the change ([brackets] for insertions, an ellipsis "
     "for omissions).",
     Severity::Warning},
    {"quote-wrong-occasion", "WrongOccasion",
     "The quotation is on record from this speaker, but said on another occasion.",
     "Name the occasion on record.", Severity::Warning},
    {"quote-unverified", "UnverifiedQuote",
     "The quotation is given to a person the fact base knows, but is not on record.",
     "Check the quotation against a source, or add it to the newsroom's fact base.",
     Severity::Information},
    {"quote-unterminated", "UnterminatedQuotation",
     "A quotation mark opens a quotation that is never closed.", "Close the quotation.",
     Severity::Information},
    {"quote-verified",
     "VerifiedQuote",
     "The quotation matches the record and is credited to the speaker on record.",
     "",
     {}},
    {"figure-wrong", "WrongFigure",
     "The figure does not agree with the recorded figure for what it counts.",
     "Use the recorded figure, with its qualifier.", Severity::Warning},
    {"figure-superseded", "SupersededFigure",
     "The figure is on record, but was replaced by a later one and is given as current.",
     "Use the figure that replaced it, or say that the earlier estimate was revised.",
     Severity::Warning},
    {"figure-weekday", "WrongWeekday",
     "The weekday contradicts the date it is attached to, or the date of the recorded event it "
     "names.",
     "Use the weekday the calendar gives for that date.", Severity::Warning},
    {"figure-verified", "VerifiedFigure", "The figure agrees with the record.", "", {}},
}};

} // namespace

std::span<const RuleInfo> ruleCatalog() { return kRules; }

const RuleInfo *findRule(std::string_view id) {
  for (const RuleInfo &r : kRules)
    if (r.id == id)
      return &r;
  return nullptr;
}

} // namespace factline::analyzers
