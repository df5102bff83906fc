// QuoteExtractor: one pass over each block's prose with a stack of open quotation marks.
#include "analyzers/quote_extractor.h"

#include "analyzers/ascii.h"
#include "analyzers/byte_scan.h"
#include "analyzers/quote_credit.h"
#include "analyzers/quote_turns.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>

namespace factline::analyzers {
namespace {

// Decodes the code point at `i` (which must start one); its byte length goes to *len. Invalid
// bytes decode as themselves with length 1, so scanning never stalls or reads past the end.
char32_t decodeAt(std::string_view s, std::size_t i, std::size_t *len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size())
    n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

// The code point ending just before `i`, or 0 at `lo`.
char32_t decodeBefore(std::string_view s, std::size_t lo, std::size_t i) {
  if (i <= lo)
    return 0;
  std::size_t j = i - 1;
  while (j > lo && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4)
    --j;
  std::size_t len;
  return decodeAt(s, j, &len);
}

bool isSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

bool isDash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015); }

bool isQuoteMark(char32_t c) {
  return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB;
}

bool isWordChar(char32_t c) {
  if (c < 0x80)
    return isAsciiAlnum(c);
  return !isSpace(c) && !isDash(c) && !isQuoteMark(c) && c != 0x2026 && c != 0x2039 && c != 0x203A;
}

bool isLetter(char32_t c) {
  return c < 0x80 ? std::isalpha(static_cast<int>(c)) != 0 : isWordChar(c);
}

// What may stand before an opening mark: nothing, space, brackets, dashes, other marks, a colon.
bool isOpeningContext(char32_t prev) {
  return prev == 0 || isSpace(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '/' ||
         prev == ':' || isDash(prev) || isQuoteMark(prev) || prev == 0x2026;
}

// What may follow a closing mark: nothing, space, punctuation, brackets, dashes, other marks.
bool isClosingContext(char32_t next) {
  return next == 0 || isSpace(next) || next == '.' || next == ',' || next == ';' || next == ':' ||
         next == '!' || next == '?' || next == ')' || next == ']' || next == '}' || isDash(next) ||
         isQuoteMark(next) || next == 0x2026;
}

// Shapes of a mark at [i, i+len) in [lo, hi): could it open, could it close?
struct MarkShape {
  bool opener = false;
  bool closer = false;
  char32_t prev = 0, next = 0;
};

MarkShape shapeAt(std::string_view s, std::size_t lo, std::size_t hi, std::size_t i,
                  std::size_t len) {
  MarkShape m;
  m.prev = decodeBefore(s, lo, i);
  std::size_t n;
  m.next = i + len < hi ? decodeAt(s, i + len, &n) : 0;
  m.opener = isOpeningContext(m.prev) && m.next != 0 && !isSpace(m.next);
  m.closer = m.prev != 0 && !isSpace(m.prev) && isClosingContext(m.next);
  return m;
}

// An apostrophe that opens a word rather than a quotation: '90s, '18, 'em, 'tis, rock 'n' roll.
bool isElision(std::string_view s, std::size_t after, std::size_t hi) {
  std::string_view rest = s.substr(after, std::min<std::size_t>(hi - after, 8));
  std::size_t d = 0;
  while (d < rest.size() && std::isdigit(static_cast<unsigned char>(rest[d])))
    ++d;
  if (d == 2 && (d == rest.size() || rest[d] == 's' || !std::isalnum((unsigned char)rest[d])))
    return true;
  for (std::string_view w : {"em", "tis", "twas", "til", "cause", "n'", "n’", "round", "bout"}) {
    if (rest.size() >= w.size() && std::equal(w.begin(), w.end(), rest.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        })) {
      std::size_t k = w.size();
      if (k == rest.size() || !std::isalpha(static_cast<unsigned char>(rest[k])))
        return true;
    }
  }
  return false;
}

// Plural possessive ("the students' union") rather than a closing single quote: there is another
// closing-shaped single mark later in the block that could close the quotation instead.
bool laterSingleCloser(std::string_view s, std::size_t from, std::size_t hi) {
  for (std::size_t i = from; i < hi;) {
    std::size_t len;
    char32_t c = decodeAt(s, i, &len);
    if (c == '\'' || c == 0x2019) {
      MarkShape m = shapeAt(s, 0, hi, i, len);
      if (m.closer && !isLetter(m.next))
        return true;
    }
    i += len;
  }
  return false;
}

struct OpenMark {
  QuoteStyle style;
  char32_t mark;
  Span open;
  int block;
  bool multi = false;
};

bool isOpeningDoubleAt(std::string_view s, std::size_t i) {
  std::size_t len;
  char32_t c = decodeAt(s, i, &len);
  return c == '"' || c == 0x201C || c == 0x201E || c == 0xAB;
}

class Scanner {
public:
  explicit Scanner(const Document &doc) : doc_(doc), s_(doc.prose()) {}

  std::vector<Quotation> run() {
    const auto &blocks = doc_.blocks();
    for (std::size_t bi = 0; bi < blocks.size(); ++bi)
      scanBlock(bi);
    creditQuotations(doc_, out_);
    addTranscriptTurns(doc_, out_);
    std::stable_sort(out_.begin(), out_.end(), [](const Quotation &a, const Quotation &b) {
      return a.open.begin < b.open.begin;
    });
    // Nested quotations follow their outermost one in this order.
    for (std::size_t k = 0, outer = 0; k < out_.size(); ++k) {
      if (out_[k].depth == 0)
        outer = k;
      else if (out_[outer].depth == 0 && out_[k].open.begin >= out_[outer].words.begin &&
               out_[k].open.begin < out_[outer].words.end)
        out_[outer].nested.push_back(
            {out_[k].open.begin,
             std::min(std::max(out_[k].close.end, out_[k].words.end), out_[outer].words.end)});
    }
    return std::move(out_);
  }

private:
  void emit(const OpenMark &m, Span close, std::size_t words_end, bool terminated) {
    Quotation q;
    q.style = m.style;
    q.open = m.open;
    q.close = close;
    q.words = {m.open.end, words_end};
    q.depth = static_cast<int>(stack_.size());
    q.block = m.block;
    q.terminated = terminated;
    q.multi_paragraph = m.multi;
    out_.push_back(q);
  }

  // Closes the innermost open mark of `style`, dropping unclosed marks above it (apostrophes
  // misread as openers). Returns false when no such mark is open.
  bool closeStyle(QuoteStyle style, Span close) {
    auto it = std::find_if(stack_.rbegin(), stack_.rend(),
                           [&](const OpenMark &m) { return m.style == style; });
    if (it == stack_.rend())
      return false;
    stack_.erase(it.base(), stack_.end());
    OpenMark m = stack_.back();
    stack_.pop_back();
    emit(m, close, close.begin, true);
    return true;
  }

  bool topIs(QuoteStyle style) const { return !stack_.empty() && stack_.back().style == style; }
  bool anyOpen(QuoteStyle style) const {
    return std::any_of(stack_.begin(), stack_.end(),
                       [&](const OpenMark &m) { return m.style == style; });
  }

  void scanBlock(std::size_t bi) {
    const Block &b = doc_.blocks()[bi];
    const std::size_t lo = b.span.begin, hi = b.span.end;
    std::size_t i = lo;
    if (carry_) { // a quotation running on from the previous paragraph: skip its reopening mark
      if (carry_reopens_) {
        std::size_t len;
        decodeAt(s_, i, &len);
        i += len;
      }
      stack_.push_back(*carry_);
      carry_.reset();
    }
    while (i < hi) {
      // ASCII bytes other than the two marks are one code point each and no mark: skipped, so
      // that every code point is still decoded where it starts.
      i = findByte<true, '"', '\''>(std::string_view(s_).substr(0, hi), i);
      if (i >= hi)
        break;
      std::size_t len;
      char32_t c = decodeAt(s_, i, &len);
      Span mark{i, i + len};
      if (isQuoteMark(c))
        onMark(c, mark, lo, hi, static_cast<int>(bi));
      i += len;
    }
    endBlock(bi);
  }

  void onMark(char32_t c, Span mark, std::size_t lo, std::size_t hi, int bi) {
    MarkShape m = shapeAt(s_, lo, hi, mark.begin, mark.end - mark.begin);
    auto push = [&](QuoteStyle st) { stack_.push_back({st, c, mark, bi}); };
    switch (c) {
    case '"': // straight: closes an open double quotation, else opens one
      if (anyOpen(QuoteStyle::Double))
        closeStyle(QuoteStyle::Double, mark);
      else if (m.opener || !m.closer)
        push(QuoteStyle::Double);
      break;
    case 0x201C: // “ opens, or closes „
      if (topIs(QuoteStyle::Double) && stack_.back().mark == 0x201E)
        closeStyle(QuoteStyle::Double, mark);
      else
        push(QuoteStyle::Double);
      break;
    case 0x201E: // „
      push(QuoteStyle::Double);
      break;
    case 0x201D: // ” closes; opens only when nothing is open and it is shaped like an opener
      if (!closeStyle(QuoteStyle::Double, mark) && m.opener && !m.closer)
        push(QuoteStyle::Double);
      break;
    case 0xAB:
      push(QuoteStyle::Guillemet);
      break;
    case 0xBB:
      closeStyle(QuoteStyle::Guillemet, mark);
      break;
    case 0x2018: // ‘ opens unless it elides ("‘90s")
      if (!isElision(s_, mark.end, hi) && m.next != 0 && !isSpace(m.next))
        push(QuoteStyle::Single);
      break;
    case '\'':
    case 0x2019: { // ’ and ' : apostrophe, closing single quote, or (straight only) opening one
      if (isLetter(m.prev) && isLetter(m.next))
        break; // didn't, Facebook's
      if (m.prev == 'n' && elidedN(mark.begin, lo))
        break; // rock 'n' roll
      if (topIs(QuoteStyle::Single) && m.closer) {
        bool possessive = (m.prev == 's' || m.prev == 'S') && isSpace(m.next) &&
                          laterSingleCloser(s_, mark.end, hi);
        if (!possessive)
          closeStyle(QuoteStyle::Single, mark);
        break;
      }
      if (c == '\'' && m.opener && !m.closer && !isElision(s_, mark.end, hi))
        push(QuoteStyle::Single);
      break;
    }
    default:
      break;
    }
  }

  // The second apostrophe of " 'n' ": the one before the "n" follows a space.
  bool elidedN(std::size_t at, std::size_t lo) const {
    if (at < lo + 2)
      return false;
    char32_t apostrophe = decodeBefore(s_, lo, at - 1);
    if (apostrophe != '\'' && apostrophe != 0x2018 && apostrophe != 0x2019)
      return false;
    std::size_t back = at - 1 - (apostrophe == '\'' ? 1 : 3);
    return back <= lo || isSpace(decodeBefore(s_, lo, back));
  }

  void endBlock(std::size_t bi) {
    const auto &blocks = doc_.blocks();
    const Block &b = blocks[bi];
    // Single quotation marks and nested doubles left open are apostrophes or stray marks.
    while (!stack_.empty() && stack_.size() > 1)
      stack_.pop_back();
    if (stack_.empty())
      return;
    OpenMark m = stack_.back();
    stack_.pop_back();
    if (m.style == QuoteStyle::Single)
      return;
    bool next_opens = bi + 1 < blocks.size() && blocks[bi + 1].kind != BlockKind::Heading &&
                      isOpeningDoubleAt(s_, blocks[bi + 1].span.begin);
    // Wire copy often runs a quotation on into a paragraph that does not reopen it, and closes
    // it there: the next paragraph's first double mark closes.
    const bool next_closes = !next_opens && bi + 1 < blocks.size() &&
                             blocks[bi + 1].kind == b.kind && firstDoubleCloses(bi + 1);
    if (next_opens || next_closes) {
      m.multi = true;
      carry_ = m;
      carry_reopens_ = next_opens;
      return;
    }
    // A quotation interrupted by one other block (a photo caption, a pull quote) and resumed
    // after it: the paragraph ends a sentence and the block after next opens with a mark. Not
    // clearly unterminated, so not reported; the quoted words end with the paragraph.
    bool resumed = bi + 2 < blocks.size() && blocks[bi + 2].kind != BlockKind::Heading &&
                   isOpeningDoubleAt(s_, blocks[bi + 2].span.begin) &&
                   endsSentence(b.span.begin, b.span.end);
    emit(m, {b.span.end, b.span.end}, b.span.end, resumed);
  }

  // Is the first double quotation mark of block `bi` shaped to close, not to open?
  bool firstDoubleCloses(std::size_t bi) const {
    const Block &b = doc_.blocks()[bi];
    for (std::size_t i = b.span.begin; i < b.span.end;) {
      std::size_t len;
      const char32_t c = decodeAt(s_, i, &len);
      if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB) {
        if (c == 0x201C || c == 0x201E || c == 0xAB)
          return false;
        const MarkShape m = shapeAt(s_, b.span.begin, b.span.end, i, len);
        return m.closer && !m.opener;
      }
      i += len;
    }
    return false;
  }

  bool endsSentence(std::size_t lo, std::size_t hi) const {
    char32_t last = decodeBefore(s_, lo, hi);
    return last == '.' || last == '!' || last == '?' || last == 0x2026;
  }

  const Document &doc_;
  const std::string &s_;
  std::vector<OpenMark> stack_;
  std::optional<OpenMark> carry_;
  bool carry_reopens_ = true; // the next paragraph opens with a continuation mark to skip
  std::vector<Quotation> out_;
};

} // namespace

std::vector<Quotation> extractQuotations(const Document &doc) { return Scanner(doc).run(); }

std::vector<Quotation> splitParagraphs(const Document &doc, const Quotation &q) {
  std::vector<Quotation> parts;
  const auto &blocks = doc.blocks();
  for (int bi = std::max(q.block, 0); bi < static_cast<int>(blocks.size()); ++bi) {
    const Span b = blocks[bi].span;
    if (b.begin >= q.words.end)
      break;
    Quotation part = q;
    part.multi_paragraph = false;
    part.block = bi;
    if (bi != q.block) {
      // A later paragraph opens with its continuation mark; an unmarked block quote's has none.
      std::size_t len;
      const bool marked = isQuoteMark(decodeAt(doc.prose(), b.begin, &len));
      part.open = {b.begin, b.begin + (marked ? len : 0)};
    }
    part.words = {part.open.end, std::min(b.end, q.words.end)};
    if (part.words.end < q.words.end)
      part.close = {part.words.end, part.words.end};
    parts.push_back(part);
  }
  return parts;
}

} // namespace factline::analyzers
