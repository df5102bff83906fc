// Tests for what the words around a figure say: dates, places, chambers and direction words.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analyzers/figure_context.h"
#include "analyzers/figure_direction.h"
#include "analyzers/figure_places.h"

using namespace factline::analyzers;

TEST_CASE("the words that name a date itself", "[context]") {
  CHECK(wordsForDate("2018-04-10") == std::vector<std::string>{"tuesday", "april", "apr", "2018"});
  CHECK(wordsForDate("2018-04-04") ==
        std::vector<std::string>{"wednesday", "april", "apr", "2018"});
  CHECK(wordsForDate("2018-04-31").empty()); // no such day
  CHECK(wordsForDate("10 April 2018").empty());
  CHECK(wordsForDate("").empty());
}

TEST_CASE("place names, adjectives and peoples", "[context]") {
  auto place = [](std::vector<std::string> stems, std::string original, std::size_t *n) {
    return std::string(placeAt(stems, 0, original, n));
  };
  std::size_t n = 0;
  CHECK(place({"britain"}, "Britain", &n) == "gb");
  CHECK(place({"briton"}, "Britons", &n) == "gb");
  CHECK(place({"united", "kingdom"}, "United", &n) == "gb");
  CHECK(n == 2);
  CHECK(place({"american"}, "Americans", &n) == "us");
  CHECK(place({"us"}, "US", &n) == "us");
  CHECK(place({"us"}, "us", &n).empty()); // the pronoun
  CHECK(place({"u", "s"}, "U", &n) == "us");
  CHECK(place({"u", "s"}, "u", &n).empty());
  CHECK(place({"australian", "user"}, "Australian", &n) == "au");
  CHECK(place({"user"}, "users", &n).empty());
  CHECK(placesOf({"australian", "among", "the", "user"},
                 {"Australians", "among", "the", "users"}) == std::vector<std::string>{"au"});
}

TEST_CASE("direction words and their opposites", "[context]") {
  CHECK(directionOfWord("rose") == 1);
  CHECK(directionOfWord("up") == 1);
  CHECK(directionOfWord("fell") == -1);
  CHECK(directionOfWord("lower") == -1);
  CHECK(directionOfWord("closed") == 0);
  CHECK(directionOf({"shares", "fell", "then", "rose"}) == 0);
  CHECK(directionOf({"shares", "surged"}) == 1);
  CHECK(oppositeDirectionWord("fell") == "rose");
  CHECK(oppositeDirectionWord("Fell") == "Rose");
  CHECK(oppositeDirectionWord("down") == "up");
  CHECK(oppositeDirectionWord("dropped") == "rose");
  CHECK(oppositeDirectionWord("falling") == "rising");
  CHECK(oppositeDirectionWord("lower") == "higher");
  CHECK(oppositeDirectionWord("closed").empty());
  CHECK(directionOfWord("added") == 1); // "shares added 2.5 per cent"
  CHECK(oppositeDirectionWord("added") == "lost");
}

TEST_CASE("chambers of Congress", "[context]") {
  CHECK(chambersOf({"the", "senate", "hearing"}, {"the", "Senate", "hearing"}) == kSenate);
  CHECK(chambersOf({"the", "house", "committee"}, {"the", "House", "committee"}) == kHouse);
  CHECK(chambersOf({"the", "white", "house"}, {"the", "White", "House"}) == 0);
  CHECK(chambersOf({"a", "house"}, {"a", "house"}) == 0);
  CHECK(chambersOf({"senator", "and", "representative"}, {"senators", "and", "representatives"}) ==
        (kSenate | kHouse));
}
