// OccasionMentions: the occasions a draft refers back to by a short noun ("the call", "that
// session"), part of the draft's model of the events it has named; shared by quotes and figures.
#pragma once
#include <string>
#include <vector>

#include "analyzers/attribution_clause.h"
#include "facts/fact_base.h"

namespace factline::analyzers {

// The events of `named_before` (the occasions the draft has already named, by a name the base
// knows) that `words` refer back to with a determiner and the head noun of one of their names:
// "near the end of the call" after "a conference call with reporters", "at that session". A head
// noun no earlier occasion has names none: a definite noun points back, it does not introduce.
// Do `words` hold a determiner and the head noun of a name of any of the base's occasions? A
// cheap test before the occasions named earlier are gathered.
bool mayReferBack(const std::vector<ClauseToken> &words, const facts::FactBase &base);

std::vector<std::string> occasionsReferredBack(const std::vector<ClauseToken> &words,
                                               const facts::FactBase &base,
                                               const std::vector<std::string> &named_before);

} // namespace factline::analyzers
