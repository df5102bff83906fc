// FigurePlaces: the countries and regions a count is narrowed to ("users in Britain", "British
// users", "Americans"), so that a part is never checked against a worldwide total.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace factline::analyzers {

// The place a word names, as a short canonical id ("gb" for "Britain", "British", "Britons",
// "UK"), or "" for none. `words` are stemmed, lower-case words (FigureLinker::stem) starting at
// `at`; `original` is the word as written, so that "US" is told from the pronoun "us". Sets
// `*length` to the words the name takes ("united kingdom": 2).
std::string_view placeAt(const std::vector<std::string> &words, std::size_t at,
                         std::string_view original, std::size_t *length);

// The places a recorded figure is about, from its own words (subject, units, keywords): the
// 311,127 Australians are about "au"; the 87 million users worldwide are about none.
std::vector<std::string> placesOf(const std::vector<std::string> &stemmed_words,
                                  const std::vector<std::string> &originals);

} // namespace factline::analyzers
