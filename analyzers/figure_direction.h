// FigureDirection: the words that say a change was a rise or a fall ("closed up", "fell"), and
// each one's opposite in the same form, for fixing a draft that turns a rise into a fall.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace factline::analyzers {

// +1 when the lower-case word speaks of a rise ("rose", "up", "gain"), -1 of a fall ("fell",
// "down", "plunged"), 0 otherwise.
int directionOfWord(std::string_view lower_word);

// +1 when the words speak only of rises, -1 only of falls, 0 for neither or both.
int directionOf(const std::vector<std::string> &lower_words);

// The word for the opposite change in the same form: "fell" -> "rose", "down" -> "up",
// "dropped" -> "rose", "falling" -> "rising"; "" for a word with no direction. Capitalised like
// `word`.
std::string oppositeDirectionWord(std::string_view word);

} // namespace factline::analyzers
