// fitToDraft: a recorded wording written into the draft keeps the draft's line breaks and marks.
#include <catch2/catch.hpp>

#include "analyzers/fix_layout.h"

using factline::analyzers::DraftMarks;
using factline::analyzers::fitToDraft;
using factline::analyzers::marksOfQuotation;

namespace {
const DraftMarks kCurlyDouble = marksOfQuotation("\u201C");
const DraftMarks kStraightDouble = marksOfQuotation("\"");
} // namespace

TEST_CASE("fix layout: a hard-wrapped quote keeps its line breaks before the same words",
          "[fix-layout]") {
  // One word changed on the first line: the break stays before "battle".
  CHECK(fitToDraft("going to be a never-ending\nfight. You never fully solve",
                   "going to be a never-ending battle. You never fully solve", kCurlyDouble) ==
        "going to be a never-ending\nbattle. You never fully solve");
  // Words the record adds on the first line: the second line still starts with "security".
  CHECK(fitToDraft("You never solve\nsecurity. It is a race",
                   "You never fully solve security. It is an arms race", kCurlyDouble) ==
        "You never fully solve\nsecurity. It is an arms race");
  // Inside a block quote the next line opens with "> ", and keeps it; a second break too.
  CHECK(fitToDraft("one two three\n> four five six\n>   seven eight",
                   "one two three four FIVE six seven eight", kCurlyDouble) ==
        "one two three\n> four FIVE six\n>   seven eight");
  // A Markdown hard break (two trailing spaces) and CRLF line ends are kept as written.
  CHECK(fitToDraft("alpha beta  \r\ngamma", "alpha BETA gamma", kCurlyDouble) ==
        "alpha BETA  \r\ngamma");
  // No line break in the draft: one line, as the record has it.
  CHECK(fitToDraft("a b c", "a x c", kCurlyDouble) == "a x c");
}

TEST_CASE("fix layout: a break whose words are all gone falls at the same share of the length",
          "[fix-layout]") {
  std::string out = fitToDraft("aaaa bbbb\ncccc dddd", "wwww xxxx yyyy zzzz", kCurlyDouble);
  CHECK(out == "wwww xxxx\nyyyy zzzz");
  // A record with fewer words than lines: lines join, nothing is lost or doubled.
  CHECK(fitToDraft("a\nb\nc\nd", "x", kCurlyDouble) == "x");
}

TEST_CASE("fix layout: marks and apostrophes follow the draft's style", "[fix-layout]") {
  // Curly quotation marks in the draft: the record's straight apostrophe becomes curly.
  CHECK(fitToDraft("We didn\u2019t do enough", "We didn't do enough. It's", kCurlyDouble) ==
        "We didn\u2019t do enough. It\u2019s");
  // Straight marks in the draft: a curly apostrophe of the record becomes straight.
  CHECK(fitToDraft("We didnt", "We didn\u2019t", kStraightDouble) == "We didn't");
  // The draft's own apostrophes decide over its quotation marks.
  CHECK(fitToDraft("We didn't", "We didn\u2019t", kCurlyDouble) == "We didn't");
  // A quotation inside the record's words, inside a double-marked quote, takes single marks...
  CHECK(fitToDraft("we call it scraping", "we call it \"scraping\"", kCurlyDouble) ==
        "we call it \u2018scraping\u2019");
  CHECK(fitToDraft("we call it scraping", "we call it \"scraping\"", kStraightDouble) ==
        "we call it 'scraping'");
  // ... and double marks inside a single-marked quote.
  CHECK(fitToDraft("we call it scraping", "we call it \u2018scraping\u2019",
                   marksOfQuotation("\u2018")) == "we call it \u201Cscraping\u201D");
  // A plural possessive stays an apostrophe.
  CHECK(fitToDraft("our users data", "our users' data", kCurlyDouble) == "our users\u2019 data");
}
