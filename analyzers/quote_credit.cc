// QuoteCredit: finds credit lines after quotes and block quotes.
#include "analyzers/quote_credit.h"

#include <cctype>
#include <string_view>

namespace factline::analyzers {
namespace {

std::size_t skipBlanks(std::string_view s, std::size_t i, std::size_t hi) {
  while (i < hi && (s[i] == ' ' || s[i] == '\t'))
    ++i;
  return i;
}

// The code point at `i` when it is one of U+2000..U+203F (the dashes live there), else 0; its
// byte length in *len.
char32_t dashAt(std::string_view s, std::size_t i, std::size_t *len) {
  if (i + 3 <= s.size() && s[i] == '\xE2' && s[i + 1] == '\x80') {
    *len = 3;
    return 0x2000 + (static_cast<unsigned char>(s[i + 2]) & 0x3F);
  }
  *len = 1;
  return 0;
}

// A credit line at `i`: a dash ("—", "―", "–", "--") then a name. Sets *name to the name, which
// ends at a comma, bracket, semicolon or the end of the line.
bool creditAt(std::string_view s, std::size_t i, std::size_t hi, Span *name) {
  i = skipBlanks(s, i, hi);
  std::size_t len = 0;
  if (s.substr(i, 2) == "--")
    len = 2;
  else if (i < hi) {
    std::size_t n;
    char32_t c = dashAt(s, i, &n);
    if (c == 0x2014 || c == 0x2015 || c == 0x2013)
      len = n;
  }
  if (!len)
    return false;
  std::size_t b = skipBlanks(s, i + len, hi);
  std::size_t e = b;
  while (e < hi && s[e] != '\n' && s[e] != ',' && s[e] != '(' && s[e] != ';')
    ++e;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '.'))
    --e;
  if (e == b || !std::isupper(static_cast<unsigned char>(s[b])))
    return false;
  *name = {b, e};
  return true;
}

class Credits {
public:
  Credits(const Document &doc, std::vector<Quotation> &quotes)
      : doc_(doc), s_(doc.prose()), out_(quotes) {}

  // Credit lines ("— Name") after block quotes and after quotes standing as their own paragraph.
  void run() {
    const auto &blocks = doc_.blocks();
    for (Quotation &q : out_) {
      if (q.depth != 0 || !q.terminated)
        continue;
      const Block &b = blocks[q.block];
      if (skipSpacesBack(b.span.begin, q.open.begin) != b.span.begin)
        continue; // the quotation does not open its paragraph
      std::size_t after = skipBlanks(s_, q.close.end, s_.size());
      Span name;
      if (after < s_.size() && s_[after] == '\n')
        after = nextLineStart(after);
      if (creditAt(s_, after, lineEndOf(after), &name))
        q.credit = name;
    }
    for (std::size_t bi = 0; bi < blocks.size();) {
      if (blocks[bi].kind != BlockKind::BlockQuote) {
        ++bi;
        continue;
      }
      std::size_t last = bi;
      while (last + 1 < blocks.size() && blocks[last + 1].kind == BlockKind::BlockQuote &&
             blocks[last + 1].quote_group == blocks[bi].quote_group)
        ++last;
      creditGroup(bi, last);
      bi = last + 1;
    }
  }

  void creditGroup(std::size_t first, std::size_t last) {
    const auto &blocks = doc_.blocks();
    const Span group{blocks[first].span.begin, blocks[last].span.end};
    Span name;
    std::size_t content_end = group.end;
    std::size_t last_line = doc_.lineStart(doc_.lineOf(group.end));
    if (last_line > group.begin && creditAt(s_, last_line, group.end, &name)) {
      content_end = skipSpacesBack(group.begin, last_line);
    } else if (last + 1 < blocks.size() &&
               doc_.lineOf(blocks[last + 1].span.begin) <= doc_.lineOf(group.end) + 2 &&
               doc_.lineOf(blocks[last + 1].span.begin) == doc_.lineOf(blocks[last + 1].span.end) &&
               creditAt(s_, blocks[last + 1].span.begin, blocks[last + 1].span.end, &name)) {
    } else if (!introducedByColon(first)) {
      return; // an unattributed block quote: an excerpt, not necessarily anyone's words
    }
    bool marked = false;
    for (Quotation &q : out_)
      if (q.depth == 0 && q.open.begin >= group.begin && q.open.begin < content_end) {
        q.credit = name;
        marked = true;
      }
    if (marked || content_end <= group.begin)
      return;
    Quotation q;
    q.style = QuoteStyle::BlockQuote;
    q.open = {group.begin, group.begin};
    q.words = {group.begin, content_end};
    q.close = {content_end, content_end};
    q.block = static_cast<int>(first);
    q.multi_paragraph = first != last;
    q.credit = name;
    out_.push_back(q);
  }

  // Does the paragraph right before block `first` end with a colon ("Zuckerberg told
  // senators:")? Then the block quote is what it introduces, attributed by that paragraph.
  bool introducedByColon(std::size_t first) const {
    const auto &blocks = doc_.blocks();
    if (first == 0 || blocks[first - 1].kind == BlockKind::BlockQuote ||
        blocks[first - 1].kind == BlockKind::Heading)
      return false;
    const Block &b = blocks[first - 1];
    const std::size_t end = skipSpacesBack(b.span.begin, b.span.end);
    return end > b.span.begin && s_[end - 1] == ':';
  }

  std::size_t skipSpacesBack(std::size_t lo, std::size_t i) const {
    while (i > lo && std::isspace(static_cast<unsigned char>(s_[i - 1])))
      --i;
    return i;
  }
  std::size_t nextLineStart(std::size_t nl) const { return nl + 1; }
  std::size_t lineEndOf(std::size_t i) const {
    std::size_t e = s_.find('\n', i);
    return e == std::string::npos ? s_.size() : e;
  }

  const Document &doc_;
  const std::string &s_;
  std::vector<Quotation> &out_;
};

} // namespace

void creditQuotations(const Document &doc, std::vector<Quotation> &quotes) {
  Credits(doc, quotes).run();
}

} // namespace factline::analyzers
