// FigureContext: what the words around a figure say about it: where its unit noun may start,
// the direction word of its clause, the day and the chamber of Congress its sentence names, the
// places it is narrowed to.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/figure_extractor.h"
#include "analyzers/figure_linker.h"

namespace factline::analyzers {

// Whether a folded word is a number written in digits.
bool isDigitWord(std::string_view w);

// Whether punctuation (or a table cell's edge) lies between two offsets of `prose`: it ends the
// phrase a unit noun can belong to, and the clause a direction word or a month governs.
bool crossesPunctuation(std::string_view prose, std::size_t from, std::size_t to);

// Whether [from, to) of `prose` is one table cell's edge: blanks around a single "|".
bool cellEdgeOnly(std::string_view prose, std::size_t from, std::size_t to);
// Whether `span` (a figure) is all its table cell holds: "| 311,127 |".
bool aloneInCell(std::string_view prose, Span span);

// Whether a stemmed word is a preposition that places a count ("in", "from", "across").
bool isPlacePreposition(std::string_view w);

// Where the unit noun of a count may start, past a partitive: "311,172 of them were
// Australians" counts Australians; "70 million of the 87 million users" counts a part of the
// users, named by nothing the sentence gives (`npos`, and `*part` is set). `after` is the first
// word after the number.
std::size_t unitSearchStart(const SentenceWords &w, std::size_t after, bool *part);

// Whether the word right after a number (`after`, in the same phrase) is a noun of its own that
// the number counts ("78 million posts"), so that a unit noun elsewhere in the sentence is not
// what it counts. Verbs, prepositions, participles and adverbs are not ("78 million were
// affected", "78 million worldwide").
bool countsOwnNoun(const SentenceWords &w, std::string_view prose, std::size_t after, Span figure);

// The lower-case words that name an ISO date itself: its weekday, month (and its abbreviation)
// and year: "tuesday", "april", "apr", "2018" for 2018-04-10. Empty for anything else.
std::vector<std::string> wordsForDate(std::string_view iso);

// Whether the figure's clause (words [first, after) are the figure) places it in time otherwise
// than `own_date` (wordsForDate of the record's date): "the next day", "in March", "in
// after-hours trading", "in 2016". A change the record does not date the same way may be
// another day's.
bool clauseIsDated(const SentenceWords &w, std::string_view prose, std::size_t first,
                   std::size_t after, Span figure, const std::vector<std::string> &own_date);

// Whether the sentence dates what it says on another day than `own_date`: it names a weekday,
// or the figure's clause a month, capitalised, and none of those named is the record's own. "On
// Monday, he met 12 senators" is not the Tuesday hearing's 44; in "87 million, up from the 50
// million reported in March" the month is the other figure's.
bool namesAnotherDay(const SentenceWords &w, std::string_view prose,
                     const std::vector<std::string> &own_date, std::size_t first,
                     std::size_t after);

// The chambers of Congress words speak of, as bits: the Senate ("senate", "senators") and the
// House ("House", "representatives"). A figure of the Senate hearing is not one the House heard
// the next day.
enum Chamber : unsigned { kSenate = 1, kHouse = 2 };
unsigned chambersOf(const std::vector<std::string> &stems,
                    const std::vector<std::string_view> &originals);

// Whether another figure of the sentence is a span of days or more that `figure`, a length of
// time, may be the total over: "10 hours of questions over two days".
bool withinLongerSpan(const SentenceFigures &sentence, const DraftFigure &figure);

// The direction word that governs a percentage: the nearest before it in its clause ("closed up
// 4.5 per cent", "which fell 18 per cent"), else one right after it ("4.5 per cent higher").
// Returns the word's index in `w`, or npos.
std::size_t directionWordFor(const SentenceWords &w, std::string_view prose, std::size_t first,
                             std::size_t after, Span figure);

// The places (FigurePlaces ids) a count is narrowed to: a place word among the two words after
// the number ("1 million British users", "70 million Americans"), a place after "in", "from" or
// "across" a little further on ("10 million users in Britain"), or one just before the number
// that is possessive or follows such a preposition ("Britain's 1 million users", "In Britain, 1
// million users").
std::vector<std::string_view> placesNear(const SentenceWords &w, std::string_view prose,
                                         std::size_t first, std::size_t after, Span figure);

} // namespace factline::analyzers
