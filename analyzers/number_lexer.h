// NumberLexer: splits a stretch of prose into the words, digit runs and symbols numbers are read
// from.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace factline::analyzers {

struct ProseToken {
  enum class Kind {
    Word, // letters, with inner hyphens and apostrophes: "eighty-seven", "hour-long", "Facebook's"
    Number, // digits with inner "," or "." before a digit: "311,127", "4.5", "2018"
    Symbol, // any other single character (a whole UTF-8 sequence): "$", "%", "“", "/", "–"
  };
  Kind kind = Kind::Symbol;
  std::size_t begin = 0; // byte offsets in the text the lexer was given, plus its base offset
  std::size_t end = 0;
  std::string_view text;
  bool space_before = true; // whitespace or the start of the stretch precedes the token

  bool is(std::string_view lower_word) const; // ASCII case-insensitive equality
  bool isSymbol(std::string_view s) const { return kind == Kind::Symbol && text == s; }
};

// Tokens of `text`; offsets are `base` + the offset in `text`. Whitespace (including the UTF-8
// no-break space) separates tokens and is dropped. Never reads past `text`.
std::vector<ProseToken> lexProse(std::string_view text, std::size_t base = 0);

// ASCII case-insensitive equality, for words compared against lower-case vocabulary.
bool equalsFolded(std::string_view text, std::string_view lower);

} // namespace factline::analyzers
