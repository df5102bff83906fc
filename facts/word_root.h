// wordRoot: the Snowball (Porter 2) English stem of a folded word, for linking a draft's words to
// a recorded figure's own words whatever their form ("harvesting", "harvested" -> "harvest").
#pragma once
#include <string>
#include <string_view>

namespace factline::facts {

// The root of one folded (lower-case) word: a possessive "'s" or "s'" dropped, then Snowball's
// English stemmer. Any thread may call it (each thread keeps its own stemmer). A word that is not
// letters (a number, an empty string) is returned as it is.
std::string wordRoot(std::string_view folded);

} // namespace factline::facts
