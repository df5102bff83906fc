// NumberLexer: splits a stretch of prose into the words, digit runs and symbols numbers are read
// from.
#include "analyzers/number_lexer.h"

namespace factline::analyzers {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of the UTF-8 sequence starting with byte `c` (1 for ASCII and for stray bytes).
std::size_t sequenceLength(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8)
    return 4;
  if (c >= 0xE0)
    return 3;
  if (c >= 0xC0)
    return 2;
  return 1;
}

bool startsWith(std::string_view s, std::size_t i, std::string_view p) {
  return s.substr(i, p.size()) == p;
}

// Non-ASCII sequences that are punctuation or spacing rather than letters.
bool isNonLetterSequence(std::string_view s, std::size_t i) {
  static constexpr std::string_view kPunct[] = {
      "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", // curly quotes
      "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA6",                 // en/em dash, ellipsis
      "\xC2\xA3",     "\xE2\x82\xAC", "\xC2\xA0",     "\xC2\xAB",     // £ € nbsp «
      "\xC2\xBB",     "\xE2\x80\xAF", "\xE2\x80\x89",                 // » narrow/thin spaces
  };
  for (auto p : kPunct)
    if (startsWith(s, i, p))
      return true;
  return false;
}

bool isLetterAt(std::string_view s, std::size_t i) {
  if (i >= s.size())
    return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80)
    return isAsciiLetter(s[i]);
  return c >= 0xC0 && !isNonLetterSequence(s, i);
}

bool isSpaceAt(std::string_view s, std::size_t i, std::size_t *len) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  for (std::string_view sp : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"})
    if (startsWith(s, i, sp)) {
      *len = sp.size();
      return true;
    }
  return false;
}

} // namespace

bool equalsFolded(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size())
    return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i])
      return false;
  }
  return true;
}

bool ProseToken::is(std::string_view lower_word) const {
  return kind == Kind::Word && equalsFolded(text, lower_word);
}

std::vector<ProseToken> lexProse(std::string_view s, std::size_t base) {
  std::vector<ProseToken> out;
  bool space = true;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len;
    if (isSpaceAt(s, i, &len)) {
      space = true;
      i += len;
      continue;
    }
    ProseToken t;
    t.space_before = space;
    std::size_t j = i;
    if (isDigit(s[i])) {
      t.kind = ProseToken::Kind::Number;
      while (j < s.size() && isDigit(s[j]))
        ++j;
      while (j + 1 < s.size() && (s[j] == ',' || s[j] == '.') && isDigit(s[j + 1])) {
        ++j;
        while (j < s.size() && isDigit(s[j]))
          ++j;
      }
    } else if (isLetterAt(s, i)) {
      t.kind = ProseToken::Kind::Word;
      while (j < s.size()) {
        if (isLetterAt(s, j)) {
          j += sequenceLength(static_cast<unsigned char>(s[j]));
        } else if ((s[j] == '-' || s[j] == '\'') && isLetterAt(s, j + 1)) {
          ++j;
        } else if (startsWith(s, j, "\xE2\x80\x99") && isLetterAt(s, j + 3)) {
          j += 3; // a curly apostrophe inside a word
        } else {
          break;
        }
      }
    } else {
      t.kind = ProseToken::Kind::Symbol;
      j = i + sequenceLength(static_cast<unsigned char>(s[i]));
      if (j > s.size())
        j = s.size();
    }
    t.begin = base + i;
    t.end = base + j;
    t.text = s.substr(i, j - i);
    out.push_back(t);
    space = false;
    i = j;
  }
  return out;
}

} // namespace factline::analyzers
