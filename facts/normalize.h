// Text normalisation shared by the index and the analyzers: words folded for comparison, with
// offsets.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace factline::facts {

enum class TokenKind {
  Word,      // a word or number, folded
  Gap,       // an ellipsis ("..." or "…"): the quoting writer left words out here
  Editorial, // a word inside [square brackets]: the quoting writer's insertion
};

struct Token {
  std::string norm;      // folded form: NFKC, case-folded, curly apostrophes made straight
  std::size_t begin = 0; // byte offset of the token in the text it came from
  std::size_t end = 0;   // byte offset one past the token
  TokenKind kind = TokenKind::Word;
};

// Splits text into tokens. Words keep inner apostrophes and hyphens ("didn't", "never-ending",
// "facebook's"); numbers keep inner separators ("311,127", "4.5"). Punctuation, quotation marks,
// dashes and whitespace separate tokens and are dropped. Folding: Unicode compatibility forms
// (NFKC), case, curly/straight quotes and apostrophes, the many dashes. Invalid UTF-8 bytes are
// treated as separators, never read past.
std::vector<Token> tokenize(std::string_view text);

// A token as forEachToken() passes it: `norm` is valid only during the call.
struct TokenView {
  std::string_view norm;
  std::size_t begin = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::Word;
};
using TokenSink = void (*)(void *context, const TokenView &token);

// The tokens tokenize() returns, handed over one at a time without a string each: for building
// indexes over many texts.
void forEachToken(std::string_view text, TokenSink sink, void *context);
template <typename OnToken> void forEachToken(std::string_view text, OnToken &&on_token) {
  forEachToken(
      text,
      [](void *context, const TokenView &token) {
        (*static_cast<std::remove_reference_t<OnToken> *>(context))(token);
      },
      &on_token);
}

// What an index keeps of a text: its Word tokens (forEachToken's), folded, in one buffer, each
// marked when a Gap or an Editorial token came between it and the word before. Plain ASCII text
// (most of a fact base) is split and folded 64 bytes a step where SSE2 is, or else in one pass a
// byte a step, several times faster than forEachToken; anything else is read by forEachToken.
struct FoldedWords {
  struct Word {
    std::uint32_t offset = 0, length = 0; // in bytes
    bool break_before = false;
  };
  std::string bytes;
  std::vector<Word> words;
  std::string_view word(const Word &w) const { return {bytes.data() + w.offset, w.length}; }
};
// Replaces `out`'s contents, reusing its buffers.
void foldedWordsOf(std::string_view text, FoldedWords &out);

// tokenize() without the shortcuts it takes for ASCII text: for tests, which check that both give
// the same tokens.
std::vector<Token> tokenizeWithoutShortcuts(std::string_view text);

// The folded words of `text` joined by single spaces (gaps as "…", editorial words dropped).
std::string normalizeText(std::string_view text);

// Folds one word: NFKC + case fold + apostrophe folding, no splitting.
std::string foldWord(std::string_view word);

// Length (1 to 4) of the well-formed UTF-8 sequence starting at p[0], with `avail` bytes readable;
// 0 when it is not well-formed (stray continuation, overlong form, surrogate, past U+10FFFF, cut
// short). The one UTF-8 decoder of the loader and the normaliser.
std::size_t utf8SequenceLength(const unsigned char *p, std::size_t avail);

// True when `text` is well-formed UTF-8; otherwise sets *bad_offset to the first bad byte.
bool isValidUtf8(std::string_view text, std::size_t *bad_offset = nullptr);

} // namespace factline::facts
