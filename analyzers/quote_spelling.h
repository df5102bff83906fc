// QuoteSpelling: a draft's quoted words respelt the way the record spells the same words.
#pragma once
#include <string_view>
#include <vector>

#include "facts/normalize.h"
#include "facts/quote_index.h"

namespace factline::analyzers {

// The draft's tokens (from facts::tokenize over `text`) with spelling that is not wording made the
// record's: a compound's hyphen ("never ending" for the recorded "never-ending", "well-known" for
// "well known") and British or American spelling ("realize" for "realise", "behavior" for
// "behaviour"). Only a word the record does not hold is respelt, and only into one it does; a
// merged compound spans both draft words. Empty when nothing changes.
std::vector<facts::Token> respellAsRecorded(const std::vector<facts::Token> &tokens,
                                            std::string_view text, const facts::QuoteIndex &index);

} // namespace factline::analyzers
