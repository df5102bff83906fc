// Text normalisation: UTF-8 decoding, word splitting and folding (NFKC + case fold) with offsets.
#include "facts/normalize.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utf8proc.h>
#include <utility>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factline::facts {
namespace {

// What one code point is to the tokenizer, after folding look-alike punctuation.
enum class CharClass : std::uint8_t {
  Letter,     // letters, marks, non-decimal numbers: part of a word
  Digit,      // decimal digits: part of a word; allow inner "," and "." separators
  Apostrophe, // ' ’ ‘ ′ ʼ and friends: inside a word between two word characters
  Hyphen,     // - ‐ ‑: inside a word between two word characters
  Period,     // . (numbers' inner separator; three in a row make an ellipsis)
  Comma,      // , (numbers' inner separator)
  Ellipsis,   // …
  Open,       // [ : starts an editorial insertion
  Close,      // ] : ends it
  Ignorable,  // format characters (soft hyphen, zero-width joiners): kept inside words, folded away
  Separator,  // everything else: spaces, punctuation, quotation marks, dashes, symbols, bad bytes
};

struct Decoded {
  std::int32_t cp = -1; // -1: an invalid byte
  std::size_t length = 1;
};

Decoded decodeAt(std::string_view text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80)
    return {c, 1};
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(text.data() + i),
                            static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0)
    return {-1, 1}; // one bad byte is one separator; the next byte is looked at afresh
  return {cp, static_cast<std::size_t>(n)};
}

// The ASCII part of classify(), as a table: most text is ASCII, and the tokenizer asks for every
// byte.
constexpr CharClass classifyAscii(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return CharClass::Letter;
  if (c >= '0' && c <= '9')
    return CharClass::Digit;
  switch (c) {
  case '\'':
  case '`':
    return CharClass::Apostrophe;
  case '-':
    return CharClass::Hyphen;
  case '.':
    return CharClass::Period;
  case ',':
    return CharClass::Comma;
  case '[':
    return CharClass::Open;
  case ']':
    return CharClass::Close;
  default:
    return CharClass::Separator;
  }
}

constexpr auto kAsciiClasses = [] {
  std::array<CharClass, 128> table{};
  for (unsigned c = 0; c < 128; ++c)
    table[c] = classifyAscii(static_cast<unsigned char>(c));
  return table;
}();

CharClass classify(std::int32_t cp) {
  if (cp < 0)
    return CharClass::Separator;
  if (cp < 0x80)
    return kAsciiClasses[static_cast<std::size_t>(cp)];
  switch (cp) {
  case 0x2018: // ‘ left single quotation mark (also written for apostrophes by autocorrect)
  case 0x2019: // ’ right single quotation mark, the typographic apostrophe
  case 0x201B: // ‛
  case 0x2032: // ′ prime, typed for apostrophes
  case 0x02BC: // ʼ modifier letter apostrophe
  case 0x00B4: // ´ acute accent, typed for apostrophes
  case 0xFF07: // ＇ fullwidth apostrophe
    return CharClass::Apostrophe;
  case 0x2010: // ‐ hyphen
  case 0x2011: // ‑ non-breaking hyphen
  case 0xFE63: // ﹣ small hyphen-minus
  case 0xFF0D: // － fullwidth hyphen-minus
    return CharClass::Hyphen;
  case 0xFF0E: // ． fullwidth full stop
  case 0xFE52: // ﹒ small full stop
    return CharClass::Period;
  case 0xFF0C: // ， fullwidth comma
  case 0xFE50: // ﹐ small comma
    return CharClass::Comma;
  case 0x2026: // … horizontal ellipsis
    return CharClass::Ellipsis;
  case 0xFF3B: // ［
    return CharClass::Open;
  case 0xFF3D: // ］
    return CharClass::Close;
  default:
    break;
  }
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    return CharClass::Letter;
  case UTF8PROC_CATEGORY_ND:
    return CharClass::Digit;
  case UTF8PROC_CATEGORY_CF:
    return CharClass::Ignorable;
  default:
    return CharClass::Separator;
  }
}

bool isWordChar(CharClass c) { return c == CharClass::Letter || c == CharClass::Digit; }

struct Scanned {
  CharClass cls;
  std::int32_t cp;
  std::size_t length;
};

inline Scanned scanAt(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80)
    return {kAsciiClasses[c], c, 1};
  Decoded d = decodeAt(text, i);
  return {classify(d.cp), d.cp, d.length};
}

// ASCII folded: lower case, backtick to apostrophe.
constexpr auto kAsciiFolds = [] {
  std::array<char, 128> table{};
  for (unsigned c = 0; c < 128; ++c)
    table[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c == '`' ? '\'' : c);
  return table;
}();

// Folds a word whose bytes are all ASCII; false (and `out` unspecified) when one is not.
bool foldAscii(std::string_view word, std::string &out) {
  out.resize(word.size());
  char *o = out.data();
  for (std::size_t k = 0; k < word.size(); ++k) {
    const auto c = static_cast<unsigned char>(word[k]);
    if (c >= 0x80)
      return false;
    o[k] = kAsciiFolds[c];
  }
  return true;
}

void appendUtf8(std::string &out, std::int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char *>(buf), static_cast<std::size_t>(n));
}

// Folds `word` into `out` (replacing its contents); `out`'s buffer is reused between words.
void foldInto(std::string_view word, std::string &out) {
  if (foldAscii(word, out))
    return;
  // Make look-alike punctuation plain first, so that NFKC and case folding see one apostrophe and
  // one hyphen; invalid bytes are dropped (they never reach here from tokenize()).
  std::string plain;
  plain.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    Scanned s = scanAt(word, i);
    i += s.length;
    if (s.cp < 0)
      continue;
    switch (s.cls) {
    case CharClass::Apostrophe:
      plain.push_back('\'');
      break;
    case CharClass::Hyphen:
      plain.push_back('-');
      break;
    case CharClass::Period:
      plain.push_back('.');
      break;
    case CharClass::Comma:
      plain.push_back(',');
      break;
    default:
      appendUtf8(plain, s.cp);
    }
  }
  utf8proc_uint8_t *mapped = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(plain.data()),
                        static_cast<utf8proc_ssize_t>(plain.size()), &mapped,
                        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                                       UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                       UTF8PROC_IGNORE));
  if (n < 0)
    out = std::move(plain);
  else
    out.assign(reinterpret_cast<const char *>(mapped), static_cast<std::size_t>(n));
  std::free(mapped);
}

// Splits text into tokens in one forward pass. Which characters may sit inside a word depends on
// their neighbours, so the scanner looks one code point ahead.
class Tokenizer {
public:
  Tokenizer(std::string_view text, TokenSink sink, void *context, bool shortcuts = true)
      : text_(text), sink_(sink), context_(context), shortcuts_(shortcuts) {}

  void run() {
    std::size_t i = 0;
    while (i < text_.size()) {
      // Spaces and plain punctuation, most of what is not a word, skipped at once.
      if (const auto c = static_cast<unsigned char>(text_[i]);
          shortcuts_ && c < 0x80 && kAsciiClasses[c] == CharClass::Separator) {
        ++i;
        continue;
      }
      Scanned s = scanAt(text_, i);
      if (isWordChar(s.cls)) {
        i = word(i);
      } else if (s.cls == CharClass::Ellipsis) {
        gap(i, i + s.length);
        i += s.length;
      } else if (s.cls == CharClass::Period) {
        i = periods(i);
      } else if (s.cls == CharClass::Open) {
        openBracket(i);
        i += s.length;
      } else if (s.cls == CharClass::Close) {
        if (editorial_end_ == i)
          editorial_end_ = std::string_view::npos;
        i += s.length;
      } else {
        i += s.length;
      }
    }
    flushGap();
  }

private:
  // A word starts at `begin`; returns the offset one past it.
  std::size_t word(std::size_t begin) {
    if (std::size_t end = shortcuts_ ? asciiWord(begin) : std::string_view::npos;
        end != std::string_view::npos) {
      emitWord(begin, end);
      return end;
    }
    std::size_t i = begin;
    CharClass prev = CharClass::Separator;
    std::size_t end = begin;
    while (i < text_.size()) {
      Scanned s = scanAt(text_, i);
      if (isWordChar(s.cls) || (s.cls == CharClass::Ignorable && isWordChar(prev))) {
        if (isWordChar(s.cls))
          end = i + s.length;
        prev = s.cls;
        i += s.length;
        continue;
      }
      bool joins = false;
      if ((s.cls == CharClass::Apostrophe || s.cls == CharClass::Hyphen) && isWordChar(prev))
        joins = i + s.length < text_.size() && isWordChar(scanAt(text_, i + s.length).cls);
      else if ((s.cls == CharClass::Period || s.cls == CharClass::Comma) &&
               prev == CharClass::Digit)
        joins = i + s.length < text_.size() && scanAt(text_, i + s.length).cls == CharClass::Digit;
      if (!joins)
        break;
      prev = s.cls;
      i += s.length;
    }
    foldInto(text_.substr(begin, end - begin), folded_);
    emitWord(begin, end);
    return end;
  }

  // The common word: ASCII letters and digits ended by a byte that cannot join them to more (a
  // space, a quotation mark, a full stop after a letter). Returns its end, or npos when the word
  // needs the full scan of word(). Folds it into folded_.
  std::size_t asciiWord(std::size_t begin) {
    const auto *bytes = reinterpret_cast<const unsigned char *>(text_.data());
    const std::size_t n = text_.size();
    std::size_t i = begin;
    while (i < n && bytes[i] < 0x80 && isWordChar(kAsciiClasses[bytes[i]]))
      ++i;
    if (i < n) {
      if (bytes[i] >= 0x80)
        return std::string_view::npos; // a letter, an ignorable or a curly apostrophe may follow
      const CharClass next = kAsciiClasses[bytes[i]];
      if (next == CharClass::Apostrophe || next == CharClass::Hyphen)
        return std::string_view::npos;
      if ((next == CharClass::Period || next == CharClass::Comma) &&
          kAsciiClasses[bytes[i - 1]] == CharClass::Digit)
        return std::string_view::npos;
    }
    foldAscii(text_.substr(begin, i - begin), folded_);
    return i;
  }

  // Hands the word at [begin, end), folded in folded_, to the sink.
  void emitWord(std::size_t begin, std::size_t end) {
    if (folded_.empty())
      return;
    flushGap();
    sink_(context_, TokenView{folded_, begin, end,
                              inEditorial(begin) ? TokenKind::Editorial : TokenKind::Word});
  }

  // A run of periods at `begin`: three or more (also spaced ". . .") make an ellipsis.
  std::size_t periods(std::size_t begin) {
    std::size_t i = begin, end = begin;
    int count = 0;
    while (i < text_.size()) {
      Scanned s = scanAt(text_, i);
      if (s.cls == CharClass::Period || s.cls == CharClass::Ellipsis) {
        count += s.cls == CharClass::Ellipsis ? 3 : 1;
        i += s.length;
        end = i;
      } else if (text_[i] == ' ' && i + 1 < text_.size() && count > 0 &&
                 scanAt(text_, i + 1).cls == CharClass::Period) {
        ++i; // ". . ." spaced out
      } else {
        break;
      }
    }
    if (count >= 3)
      gap(begin, end);
    return end;
  }

  // Two ellipses with nothing but separators between them are one omission, so a gap is held
  // back until the next word shows where it ends.
  void gap(std::size_t begin, std::size_t end) {
    if (!gap_pending_)
      gap_begin_ = begin;
    gap_pending_ = true;
    gap_end_ = end;
  }

  void flushGap() {
    if (!gap_pending_)
      return;
    gap_pending_ = false;
    sink_(context_, TokenView{"\u2026", gap_begin_, gap_end_, TokenKind::Gap});
  }

  // "[" opens an editorial insertion only when a "]" closes it; a stray "[" is punctuation, so
  // that a typo cannot hide the rest of a quote.
  void openBracket(std::size_t at) {
    if (editorial_end_ != std::string_view::npos && editorial_end_ > at)
      return; // nested "[": the outer insertion still runs
    if (at >= unclosed_from_) {
      editorial_end_ = std::string_view::npos;
      return;
    }
    std::size_t ascii = text_.find(']', at + 1);
    std::size_t limit = ascii == std::string_view::npos ? text_.size() : ascii;
    std::size_t wide = text_.substr(0, limit).find("\xEF\xBC\xBD", at + 1); // ］
    editorial_end_ = std::min(ascii, wide);
    if (editorial_end_ == std::string_view::npos)
      unclosed_from_ = at; // no "]" after here: later "[" need not search again
  }

  bool inEditorial(std::size_t at) const {
    return editorial_end_ != std::string_view::npos && at < editorial_end_;
  }

  std::string_view text_;
  TokenSink sink_;
  void *context_;
  bool shortcuts_; // the ASCII fast paths, which must give what the general scan gives
  std::string folded_;
  bool gap_pending_ = false;
  std::size_t gap_begin_ = 0, gap_end_ = 0;
  std::size_t editorial_end_ = std::string_view::npos; // offset of the "]" closing the insertion
  std::size_t unclosed_from_ = std::string_view::npos; // no "]" follows any "[" from here on
};

// foldedWordsOf()'s one pass, for text that is ASCII without "[": the Tokenizer's rules for such
// text (no Unicode to fold, no editorial insertion), with the word folded as it is found. False
// for any other text, met at its first byte that is not ASCII or its first "[" (`out` is then
// unspecified).
enum class Plain : std::uint8_t { Letter, Digit, Apostrophe, Hyphen, Period, Comma, Other, Not };
constexpr bool samePlainOrder() {
  const std::pair<Plain, CharClass> pairs[] = {
      {Plain::Letter, CharClass::Letter},         {Plain::Digit, CharClass::Digit},
      {Plain::Apostrophe, CharClass::Apostrophe}, {Plain::Hyphen, CharClass::Hyphen},
      {Plain::Period, CharClass::Period},         {Plain::Comma, CharClass::Comma}};
  for (const auto &[plain, cls] : pairs)
    if (static_cast<int>(plain) != static_cast<int>(cls))
      return false;
  return true;
}
static_assert(samePlainOrder());
constexpr auto kPlainClasses = [] {
  std::array<Plain, 256> table{};
  for (unsigned c = 0; c < 256; ++c) {
    if (c >= 0x80 || c == '[') {
      table[c] = Plain::Not;
      continue;
    }
    // The first six classes are the Tokenizer's own, in its order; the rest are separators here
    // (and "]" with no "[" before it).
    const CharClass cls = kAsciiClasses[c];
    table[c] = cls <= CharClass::Comma ? static_cast<Plain>(cls) : Plain::Other;
  }
  return table;
}();

constexpr bool plainWordChar(Plain p) { return p <= Plain::Digit; }

bool plainFoldedWords(std::string_view text, FoldedWords &out) {
  const auto *b = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  out.bytes.resize(n); // the folded words are never longer than the text
  char *o = out.bytes.data();
  std::uint32_t used = 0;
  bool gap = false;
  std::size_t i = 0;
  while (i < n) {
    const Plain p = kPlainClasses[b[i]];
    if (plainWordChar(p)) {
      const std::uint32_t start = used;
      Plain prev = p;
      for (;;) {
        o[used++] = kAsciiFolds[b[i++]];
        if (i == n)
          break;
        const Plain next = kPlainClasses[b[i]];
        if (plainWordChar(next)) {
          prev = next;
          continue;
        }
        // An apostrophe or hyphen between word characters, a "." or "," between digits, joins.
        if (i + 1 == n)
          break;
        const Plain after = kPlainClasses[b[i + 1]];
        const bool joins = next == Plain::Apostrophe || next == Plain::Hyphen
                               ? plainWordChar(after)
                               : (next == Plain::Period || next == Plain::Comma) &&
                                     prev == Plain::Digit && after == Plain::Digit;
        if (!joins)
          break;
        o[used++] = kAsciiFolds[b[i++]];
        prev = after;
      }
      out.words.push_back({start, used - start, gap});
      gap = false;
    } else if (p == Plain::Period) {
      // Three or more make an ellipsis, also spaced out (". . .").
      int count = 0;
      while (i < n) {
        if (b[i] == '.') {
          ++count;
          ++i;
        } else if (b[i] == ' ' && count > 0 && i + 1 < n && b[i + 1] == '.') {
          ++i;
        } else {
          break;
        }
      }
      gap = gap || count >= 3;
    } else if (p == Plain::Not) {
      return false;
    } else {
      ++i;
    }
  }
  out.bytes.resize(used);
  return true;
}

} // namespace

void forEachToken(std::string_view text, TokenSink sink, void *context) {
  Tokenizer(text, sink, context).run();
}

#if defined(__SSE2__)
// plainFoldedWords() 64 bytes a step, for the common text: ASCII with no "[" and no run of
// periods that could make an ellipsis ("..", ". ."), so no gap and no insertion. Each byte's
// class is a bit of a 64-bit mask, found 16 bytes at once with SSE2; the joiners that join are
// those between two word characters (an apostrophe or hyphen) or two digits ("." or ","), which
// the masks shifted by one byte tell; words are the runs of the joined mask. The text is folded
// in place, whole: `out.bytes` holds it folded at the same offsets. False for any other text, and
// for texts above 4 KiB (the masks live on the stack).
bool simdFoldedWords(std::string_view text, FoldedWords &out) {
  constexpr std::size_t kMaxBlocks = 64;
  const std::size_t n = text.size();
  const std::size_t blocks = (n + 63) / 64;
  if (blocks > kMaxBlocks)
    return false;
  std::uint64_t word[kMaxBlocks + 1], digit[kMaxBlocks + 1], joiner[kMaxBlocks],
      numeric[kMaxBlocks], period[kMaxBlocks + 1], space[kMaxBlocks + 1];
  out.bytes.resize(blocks * 64);
  char *folded = out.bytes.data();
  auto bits = [](__m128i lanes) {
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(lanes)));
  };
  // x in [lo, lo + count): x - lo below count, unsigned, as a signed comparison after a bias.
  auto inRange = [](__m128i x, char lo, int count) {
    const __m128i biased = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(-128 - lo)));
    return _mm_cmplt_epi8(biased, _mm_set1_epi8(static_cast<char>(-128 + count)));
  };
  std::uint64_t bad = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    const char *from = text.data() + b * 64;
    alignas(16) char last[64];
    if (b * 64 + 64 > n) { // the last, short block: padded with zeros, which are separators
      std::memset(last, 0, sizeof last);
      std::memcpy(last, from, n - b * 64);
      from = last;
    }
    std::uint64_t w = 0, d = 0, j = 0, c = 0, p = 0, sp = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(from + 16 * k));
      const __m128i upper = inRange(v, 'A', 26);
      const __m128i letter = _mm_or_si128(upper, inRange(v, 'a', 26));
      const __m128i dig = inRange(v, '0', 10);
      const __m128i backtick = _mm_cmpeq_epi8(v, _mm_set1_epi8('`'));
      const __m128i apostrophe = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')), backtick);
      const __m128i dot = _mm_cmpeq_epi8(v, _mm_set1_epi8('.'));
      const int shift = 16 * k;
      w |= bits(_mm_or_si128(letter, dig)) << shift;
      d |= bits(dig) << shift;
      j |= bits(_mm_or_si128(apostrophe, _mm_cmpeq_epi8(v, _mm_set1_epi8('-')))) << shift;
      c |= bits(_mm_or_si128(dot, _mm_cmpeq_epi8(v, _mm_set1_epi8(',')))) << shift;
      p |= bits(dot) << shift;
      sp |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) << shift;
      // Non-ASCII bytes are negative as signed bytes.
      bad |= bits(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('[')),
                               _mm_cmplt_epi8(v, _mm_setzero_si128())));
      // Folded: upper case made lower, a backtick an apostrophe.
      __m128i f = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
      f = _mm_or_si128(_mm_andnot_si128(backtick, f), _mm_and_si128(backtick, _mm_set1_epi8('\'')));
      _mm_storeu_si128(reinterpret_cast<__m128i *>(folded + b * 64 + 16 * k), f);
    }
    word[b] = w;
    digit[b] = d;
    joiner[b] = j;
    numeric[b] = c;
    period[b] = p;
    space[b] = sp;
  }
  if (bad != 0)
    return false;
  word[blocks] = digit[blocks] = period[blocks] = space[blocks] = 0;
  // Each mask's bit for the byte before (prev) and after (next) every byte.
  auto prev = [](const std::uint64_t *m, std::size_t b) {
    return m[b] << 1 | (b > 0 ? m[b - 1] >> 63 : 0);
  };
  auto next = [](const std::uint64_t *m, std::size_t b) { return m[b] >> 1 | m[b + 1] << 63; };
  // ".." or ". ." may begin an ellipsis, which plainFoldedWords() reads.
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::uint64_t after = next(period, b);
    const std::uint64_t after2 = period[b] >> 2 | period[b + 1] << 62;
    if ((period[b] & (after | (next(space, b) & after2))) != 0)
      return false;
  }
  std::uint64_t joined[kMaxBlocks + 1];
  for (std::size_t b = 0; b < blocks; ++b)
    joined[b] = word[b] | (joiner[b] & prev(word, b) & next(word, b)) |
                (numeric[b] & prev(digit, b) & next(digit, b));
  joined[blocks] = 0;
  // A word is the run of ones from each start: its length counted a block at a time.
  for (std::size_t b = 0; b < blocks; ++b) {
    for (std::uint64_t starts = joined[b] & ~prev(joined, b); starts != 0; starts &= starts - 1) {
      const int at = std::countr_zero(starts);
      std::size_t length = static_cast<std::size_t>(std::countr_one(joined[b] >> at));
      if (at + static_cast<int>(length) == 64)
        for (std::size_t more = b + 1; more < blocks; ++more) {
          const auto ones = static_cast<std::size_t>(std::countr_one(joined[more]));
          length += ones;
          if (ones < 64)
            break;
        }
      out.words.push_back({static_cast<std::uint32_t>(b * 64 + static_cast<std::size_t>(at)),
                           static_cast<std::uint32_t>(length), false});
    }
  }
  out.bytes.resize(n);
  return true;
}
#endif

void foldedWordsOf(std::string_view text, FoldedWords &out) {
  out.words.clear();
#if defined(__SSE2__)
  if (simdFoldedWords(text, out))
    return;
  out.words.clear();
#endif
  if (plainFoldedWords(text, out))
    return;
  out.bytes.clear();
  out.words.clear();
  bool pending_break = false;
  forEachToken(text, [&](const TokenView &t) {
    if (t.kind != TokenKind::Word) {
      pending_break = true;
      return;
    }
    out.words.push_back({static_cast<std::uint32_t>(out.bytes.size()),
                         static_cast<std::uint32_t>(t.norm.size()), pending_break});
    out.bytes.append(t.norm);
    pending_break = false;
  });
}

std::vector<Token> tokenizeWithoutShortcuts(std::string_view text) {
  std::vector<Token> tokens;
  auto add = [&](const TokenView &t) {
    tokens.push_back(Token{std::string(t.norm), t.begin, t.end, t.kind});
  };
  Tokenizer(
      text, [](void *context, const TokenView &t) { (*static_cast<decltype(add) *>(context))(t); },
      &add, false)
      .run();
  return tokens;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  forEachToken(text, [&](const TokenView &t) {
    tokens.push_back(Token{std::string(t.norm), t.begin, t.end, t.kind});
  });
  return tokens;
}

std::string normalizeText(std::string_view text) {
  std::string out;
  for (const Token &t : tokenize(text)) {
    if (t.kind == TokenKind::Editorial)
      continue;
    if (!out.empty())
      out.push_back(' ');
    out += t.norm;
  }
  return out;
}

std::string foldWord(std::string_view word) {
  std::string out;
  foldInto(word, out);
  return out;
}

std::size_t utf8SequenceLength(const unsigned char *p, std::size_t avail) {
  unsigned char c = p[0];
  std::size_t len;
  std::uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (len > avail)
    return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) ||
      cp > 0x10FFFF)
    return 0;
  return len;
}

bool isValidUtf8(std::string_view text, std::size_t *bad_offset) {
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t n = text.size(), i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of a fact base is ASCII.
    if (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, p + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = utf8SequenceLength(p + i, n - i);
    if (len == 0) {
      if (bad_offset)
        *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

} // namespace factline::facts
