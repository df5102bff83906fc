// Document: resolves Markdown structure into a prose mask, blocks and sentences, in one pass each.
#include "analyzers/document.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "analyzers/ascii.h"
#include "analyzers/attribution_clause.h"
#include "analyzers/byte_scan.h"

namespace factline::analyzers {
namespace {

bool isBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

void blank(std::string &s, std::size_t begin, std::size_t end) {
  end = std::min(end, s.size());
  for (std::size_t i = begin; i < end; ++i)
    if (s[i] != '\n')
      s[i] = ' ';
}

std::size_t indentOf(std::string_view line) {
  std::size_t n = 0;
  for (char c : line) {
    if (c == ' ')
      ++n;
    else if (c == '\t')
      n += 4 - n % 4;
    else
      break;
  }
  return n;
}

std::size_t skipSpaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
    ++i;
  return i;
}

struct Fence {
  char ch = 0;
  std::size_t len = 0;
};

// A fence opener/closer: up to 3 spaces, then 3+ backticks or tildes.
Fence fenceAt(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ')
    ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~'))
    return {};
  char ch = line[i];
  std::size_t n = 0;
  while (i + n < line.size() && line[i + n] == ch)
    ++n;
  if (n < 3)
    return {};
  if (ch == '`' && line.substr(i + n).find('`') != std::string_view::npos)
    return {};
  return {ch, n};
}

bool isThematicBreak(std::string_view line) {
  char mark = 0;
  int count = 0;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r')
      continue;
    if (c != '-' && c != '*' && c != '_')
      return false;
    if (mark && c != mark)
      return false;
    mark = c;
    ++count;
  }
  return count >= 3;
}

bool isSetextUnderline(std::string_view line) {
  std::size_t i = skipSpaces(line, 0);
  if (i >= line.size() || (line[i] != '=' && line[i] != '-'))
    return false;
  char c = line[i];
  while (i < line.size() && line[i] == c)
    ++i;
  return isBlank(line.substr(i));
}

// Length of a list marker ("- ", "* ", "+ ", "12. ", "3) ") at `i`, or 0.
std::size_t listMarkerAt(std::string_view line, std::size_t i) {
  if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
    if (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')
      return 1;
    return 0;
  }
  std::size_t j = i;
  while (j < line.size() && j - i < 9 && std::isdigit(static_cast<unsigned char>(line[j])))
    ++j;
  if (j == i || j >= line.size() || (line[j] != '.' && line[j] != ')'))
    return 0;
  if (j + 1 == line.size() || line[j + 1] == ' ' || line[j + 1] == '\t')
    return j + 1 - i;
  return 0;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// string::find(word, from), scanning with memchr for the word's rarest byte (`anchor`, an index
// into it) instead of its first: find() stops at every "w" of the text looking for "www.".
std::size_t findIn(std::string_view s, std::string_view word, std::size_t from,
                   std::size_t anchor) {
  const char key = word[anchor];
  for (std::size_t d = from + anchor; d < s.size();) {
    const void *hit = std::memchr(s.data() + d, key, s.size() - d);
    if (!hit)
      break;
    d = static_cast<std::size_t>(static_cast<const char *>(hit) - s.data());
    if (s.compare(d - anchor, word.size(), word) == 0)
      return d - anchor;
    ++d;
  }
  return std::string::npos;
}

// Abbreviations after which a period does not end a sentence (compared case-insensitively).
constexpr std::array<std::string_view, 34> kAbbreviations = {
    "mr",  "mrs", "ms",  "dr",  "prof", "sen", "rep", "gov",  "gen", "lt", "col", "capt",
    "sgt", "st",  "jr",  "sr",  "vs",   "etc", "inc", "corp", "ltd", "co", "no",  "nos",
    "e.g", "i.e", "u.s", "u.k", "jan",  "feb", "aug", "sept", "oct", "nov"};

bool isAbbreviation(std::string_view word) {
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0])))
    return true; // an initial: "J. Smith"
  std::string lower;
  for (char c : word)
    lower += asciiLower(static_cast<unsigned char>(c));
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

bool isClosingPunct(std::string_view s, std::size_t i, std::size_t *len) {
  static constexpr std::array<std::string_view, 7> closers = {
      "\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};
  for (auto c : closers)
    if (s.substr(i, c.size()) == c) {
      *len = c.size();
      return true;
    }
  return false;
}

// Can a sentence start here? Upper-case letters, digits, opening quotes, and non-ASCII letters.
bool canStartSentence(std::string_view s, std::size_t i) {
  if (i >= s.size())
    return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (std::isupper(c) || std::isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[')
    return true;
  return c >= 0x80 && !startsWith(s.substr(i), "\xE2\x80\xA6"); // not an ellipsis
}

// After a quotation that closes on its own question or exclamation mark ("…?” Durbin asked.",
// "…!” Senator Grassley said."), does the sentence go on with the quote's attribution: a name, then
// a speech verb within the next few words, before any punctuation? Then the mark ends the
// quotation, not the sentence.
bool attributionFollows(std::string_view s, std::size_t k) {
  std::size_t end = k;
  int words = 0;
  while (end < s.size() && words < 6) {
    const unsigned char c = static_cast<unsigned char>(s[end]);
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' ||
        c >= 0x80)
      break;
    if (c == ' ')
      ++words;
    ++end;
  }
  const auto tokens = lexClause(s, {k, end});
  // "“…?” He paused." opens a sentence; a name that goes on to a speech verb does not.
  if (tokens.empty() || !pronounOf(tokens[0].lower).empty())
    return false;
  for (std::size_t j = 1; j < tokens.size() && j < 5; ++j)
    if (tokens[j].isWord() && isSpeechVerb(tokens[j].lower))
      return true;
  return false;
}

} // namespace

Document::Document(std::string text, DraftFormat format)
    : text_(std::move(text)), format_(format), prose_(text_) {
  // Lines.
  line_starts_.push_back(0);
  for (const char *p = text_.data(), *end = p + text_.size();
       (p = static_cast<const char *>(std::memchr(p, '\n', end - p))) != nullptr;)
    line_starts_.push_back(static_cast<std::size_t>(++p - text_.data()));
  const std::size_t nlines = line_starts_.size();
  auto lineEnd = [&](std::size_t l) {
    return l + 1 < nlines ? line_starts_[l + 1] - 1 : text_.size();
  };
  auto line = [&](std::size_t l) {
    return std::string_view(text_).substr(line_starts_[l], lineEnd(l) - line_starts_[l]);
  };
  for (std::size_t p = prose_.find('\r'); p != std::string::npos; p = prose_.find('\r', p + 1))
    prose_[p] = ' ';

  const bool md = format_ == DraftFormat::Markdown;
  std::vector<char> quote_line(nlines, 0), heading_line(nlines, 0), list_line(nlines, 0),
      masked_line(nlines, 0);

  std::size_t first = 0;
  if (md && nlines > 1 && (line(0) == "---" || line(0) == "---\r")) {
    for (std::size_t l = 1; l < nlines; ++l) {
      auto s = line(l);
      if (s == "---" || s == "---\r" || s == "..." || s == "...\r") {
        blank(prose_, 0, lineEnd(l));
        std::fill(masked_line.begin(), masked_line.begin() + l + 1, 1);
        first = l + 1;
        break;
      }
    }
  }

  if (md) {
    Fence open;
    bool prev_blank = true, in_list = false;
    for (std::size_t l = first; l < nlines; ++l) {
      const std::size_t ls = line_starts_[l];
      std::string_view s = std::string_view(prose_).substr(ls, lineEnd(l) - ls);
      if (open.ch) { // inside a fenced block: blank it, look for the closer
        Fence f = fenceAt(s);
        if (f.ch == open.ch && f.len >= open.len && isBlank(s.substr(s.find(f.ch) + f.len)))
          open = {};
        blank(prose_, ls, lineEnd(l));
        masked_line[l] = 1;
        prev_blank = false;
        continue;
      }
      if (Fence f = fenceAt(s); f.ch) {
        open = f;
        blank(prose_, ls, lineEnd(l));
        masked_line[l] = 1;
        continue;
      }
      if (isBlank(s)) {
        prev_blank = true;
        continue;
      }
      if (indentOf(s) >= 4 && prev_blank && !in_list) { // indented code
        std::size_t l2 = l;
        while (l2 < nlines) {
          // Read as `s` was (the prose, where "\r" is a space): the raw line "\r\tx" has no
          // indent, so the block ended before its first line and `l` never advanced, a hang
          // found by the fuzzer.
          std::string_view s2 =
              std::string_view(prose_).substr(line_starts_[l2], lineEnd(l2) - line_starts_[l2]);
          if (!isBlank(s2) && indentOf(s2) < 4)
            break;
          blank(prose_, line_starts_[l2], lineEnd(l2));
          masked_line[l2] = 1;
          ++l2;
        }
        l = std::max(l2, l + 1) - 1;
        prev_blank = true;
        continue;
      }
      // Block quote markers, possibly nested ("> > ").
      std::size_t i = 0;
      while (true) {
        std::size_t j = skipSpaces(s, i);
        if (j < s.size() && s[j] == '>' && j - i <= 3) {
          quote_line[l] = 1;
          blank(prose_, ls + i, ls + j + 1);
          i = j + 1;
          if (i < s.size() && s[i] == ' ')
            ++i;
        } else {
          break;
        }
      }
      std::size_t j = skipSpaces(s, i);
      std::string_view rest = s.substr(j);
      if (isThematicBreak(rest) && rest.find_first_not_of(" \t\r") != std::string_view::npos &&
          (prev_blank || rest[rest.find_first_not_of(" \t\r")] != '-')) {
        blank(prose_, ls, lineEnd(l));
        masked_line[l] = 1;
        prev_blank = true;
        continue;
      }
      if (!prev_blank && l > first && isSetextUnderline(rest) && !quote_line[l]) {
        blank(prose_, ls, lineEnd(l)); // the line above is a heading
        heading_line[l - 1] = 1;
        masked_line[l] = 1;
        prev_blank = true;
        continue;
      }
      if (startsWith(rest, "#")) {
        std::size_t h = 0;
        while (h < rest.size() && rest[h] == '#')
          ++h;
        if (h <= 6 && (h == rest.size() || rest[h] == ' ' || rest[h] == '\t' || rest[h] == '\r')) {
          heading_line[l] = 1;
          blank(prose_, ls + j, ls + j + h);
          // Closing hashes: "## Title ##". A heading of hashes alone is now all blank: npos, and
          // rest[npos] would read before the text (found by the fuzzer).
          std::size_t e = rest.find_last_not_of(" \t\r");
          std::size_t k = e;
          while (e != std::string_view::npos && k > h && rest[k] == '#')
            --k;
          if (k < e && (rest[k] == ' ' || rest[k] == '\t'))
            blank(prose_, ls + j + k + 1, ls + j + e + 1);
        }
      }
      if (std::size_t m = listMarkerAt(rest, 0); m && !heading_line[l]) {
        list_line[l] = 1;
        in_list = true;
        blank(prose_, ls + j, ls + j + m);
        // Task list box: "- [ ] " / "- [x] ".
        std::size_t k = skipSpaces(rest, m);
        if (rest.substr(k, 3) == "[ ]" || rest.substr(k, 3) == "[x]" || rest.substr(k, 3) == "[X]")
          blank(prose_, ls + j + k, ls + j + k + 3);
      } else if (prev_blank && indentOf(s) == 0) {
        in_list = false;
      }
      prev_blank = false;
    }

    // HTML comments (which carry the suppression directives), then tags.
    std::vector<std::pair<Span, std::string>> directives;
    for (std::size_t p = findIn(prose_, "<!--", 0, 1); p != std::string::npos;
         p = findIn(prose_, "<!--", p, 1)) {
      std::size_t e = findIn(prose_, "-->", p + 4, 2);
      std::size_t end = e == std::string::npos ? prose_.size() : e + 3;
      std::string body = text_.substr(p + 4, (e == std::string::npos ? text_.size() : e) - p - 4);
      std::size_t b = body.find_first_not_of(" \t\r\n");
      std::size_t be = body.find_last_not_of(" \t\r\n");
      directives.push_back({{p, end}, b == std::string::npos ? "" : body.substr(b, be - b + 1)});
      blank(prose_, p, end);
      p = end;
    }
    for (std::size_t p = prose_.find('<'); p < prose_.size(); p = prose_.find('<', p + 1)) {
      std::size_t q = p + 1;
      if (q < prose_.size() && prose_[q] == '/')
        ++q;
      if (q >= prose_.size() || !std::isalpha(static_cast<unsigned char>(prose_[q])))
        continue;
      // A tag ends on its own line: looking no further keeps a draft full of "<" linear.
      const std::size_t l = lineOf(q);
      const std::size_t nl = l + 1 < nlines ? line_starts_[l + 1] - 1 : prose_.size();
      std::size_t e = std::string_view(prose_).substr(q, nl - q).find('>');
      if (e == std::string::npos)
        continue;
      e += q;
      std::string_view tag(prose_.data() + q, e - q);
      bool autolink =
          tag.find("://") != std::string_view::npos || tag.find('@') != std::string_view::npos;
      if (autolink || tag.find(' ') == std::string_view::npos ||
          tag.find('=') != std::string_view::npos || tag.back() == '/') {
        blank(prose_, p, e + 1);
        p = e;
      }
    }

    // Inline code: a run of N backticks closed by a run of exactly N, within one block.
    for (std::size_t p = prose_.find('`'); p < prose_.size(); p = prose_.find('`', p)) {
      std::size_t n = 0;
      while (p + n < prose_.size() && prose_[p + n] == '`')
        ++n;
      std::size_t q = p + n;
      bool closed = false;
      while (q < prose_.size()) {
        if (prose_.compare(q, 2, "\n\n") == 0)
          break;
        if (prose_[q] == '`') {
          std::size_t m = 0;
          while (q + m < prose_.size() && prose_[q + m] == '`')
            ++m;
          if (m == n) {
            blank(prose_, p, q + m);
            p = q + m;
            closed = true;
            break;
          }
          q += m;
        } else {
          ++q;
        }
      }
      if (!closed)
        p += n;
    }

    // Links: keep the text, blank the destination: [text](dest "title"), and reference definitions.
    for (std::size_t p = findIn(prose_, "](", 0, 0); p != std::string::npos;
         p = findIn(prose_, "](", p + 1, 0)) {
      int depth = 0;
      std::size_t q = p + 2;
      for (; q < prose_.size() && prose_[q] != '\n'; ++q) {
        if (prose_[q] == '(')
          ++depth;
        else if (prose_[q] == ')' && depth-- == 0)
          break;
      }
      if (q < prose_.size() && prose_[q] == ')') {
        blank(prose_, p + 1, q + 1);
        // The opening bracket of the link text, so "[" is not read as an editorial insertion.
        // Only on the link's own line, so that many links without one stay linear.
        const std::size_t from = line_starts_[lineOf(p)];
        std::size_t o = std::string_view(prose_).substr(from, p + 1 - from).rfind('[');
        if (o != std::string::npos) {
          o += from;
          if (o > 0 && prose_[o - 1] == '!')
            blank(prose_, o - 1, o);
          prose_[o] = ' ';
        }
        prose_[p] = ' ';
      }
    }
    for (std::size_t l = first; l < nlines; ++l) {
      std::string_view s =
          std::string_view(prose_).substr(line_starts_[l], lineEnd(l) - line_starts_[l]);
      std::size_t i = skipSpaces(s, 0);
      if (i < s.size() && s[i] == '[') {
        std::size_t c = s.find("]:", i);
        if (c != std::string_view::npos && s.find(' ', i) > c) {
          blank(prose_, line_starts_[l], lineEnd(l));
          masked_line[l] = 1;
        }
      }
    }

    // Suppression directives.
    std::size_t disabled_from = std::string::npos;
    for (auto &[span, body] : directives) {
      if (body == "factline-disable-next-line") {
        std::size_t l = lineOf(span.end > 0 ? span.end - 1 : 0) + 1;
        while (l < nlines && isBlank(std::string_view(prose_).substr(line_starts_[l],
                                                                     lineEnd(l) - line_starts_[l])))
          ++l;
        if (l < nlines)
          suppressed_.push_back({line_starts_[l], lineEnd(l)});
      } else if (body == "factline-disable") {
        if (disabled_from == std::string::npos)
          disabled_from = span.begin;
      } else if (body == "factline-enable") {
        if (disabled_from != std::string::npos)
          suppressed_.push_back({disabled_from, span.end});
        disabled_from = std::string::npos;
      }
    }
    if (disabled_from != std::string::npos)
      suppressed_.push_back({disabled_from, text_.size()});
  }

  // Bare URLs, in either format: "https://...", "www....".
  for (auto [scheme, anchor] :
       {std::pair<std::string_view, std::size_t>{"http://", 4}, {"https://", 5}, {"www.", 3}}) {
    for (std::size_t p = findIn(prose_, scheme, 0, anchor); p != std::string::npos;
         p = findIn(prose_, scheme, p + 1, anchor)) {
      if (p > 0 && isAsciiAlnum(static_cast<unsigned char>(prose_[p - 1])))
        continue;
      std::size_t q = p;
      while (q < prose_.size() && !std::isspace(static_cast<unsigned char>(prose_[q])) &&
             prose_[q] != ')' && prose_[q] != '>' && prose_[q] != '"')
        ++q;
      while (q > p && std::strchr(".,;:!?'", prose_[q - 1]))
        --q;
      blank(prose_, p, q);
    }
  }

  // Blocks: runs of non-blank prose lines; headings and list items start their own.
  int group = -1;
  bool prev_quote = false;
  for (std::size_t l = 0; l < nlines;) {
    std::string_view s =
        std::string_view(prose_).substr(line_starts_[l], lineEnd(l) - line_starts_[l]);
    if (isBlank(s)) {
      if (!quote_line[l] && !masked_line[l])
        prev_quote = false;
      ++l;
      continue;
    }
    Block b;
    b.kind = heading_line[l] ? BlockKind::Heading
             : quote_line[l] ? BlockKind::BlockQuote
             : list_line[l]  ? BlockKind::ListItem
                             : BlockKind::Paragraph;
    if (b.kind == BlockKind::BlockQuote) {
      if (!prev_quote)
        ++group;
      b.quote_group = group;
      prev_quote = true;
    } else {
      prev_quote = false;
    }
    b.span.begin = line_starts_[l] + skipSpaces(s, 0);
    std::size_t last = l;
    for (std::size_t n = l + 1; n < nlines && b.kind != BlockKind::Heading; ++n) {
      std::string_view t =
          std::string_view(prose_).substr(line_starts_[n], lineEnd(n) - line_starts_[n]);
      if (isBlank(t) || heading_line[n] || list_line[n] || (quote_line[n] != quote_line[l]))
        break;
      last = n;
    }
    std::size_t end = lineEnd(last);
    while (end > b.span.begin && (prose_[end - 1] == ' ' || prose_[end - 1] == '\t'))
      --end;
    b.span.end = end;
    blocks_.push_back(b);
    l = last + 1;
  }

  // Sentences within each block.
  for (std::size_t bi = 0; bi < blocks_.size(); ++bi) {
    const Span bs = blocks_[bi].span;
    std::string_view s = std::string_view(prose_).substr(bs.begin, bs.end - bs.begin);
    std::size_t start = 0;
    auto emit = [&](std::size_t end) {
      std::size_t a = start;
      while (a < end && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
      std::size_t e = end;
      while (e > a && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
      if (e > a)
        sentences_.push_back({{bs.begin + a, bs.begin + e}, bi});
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
      i = findByte<false, '.', '!', '?', 0xE2>(s, i); // 0xE2: an ellipsis's first byte
      if (i == s.size())
        break;
      char c = s[i];
      std::size_t mark_len = 1;
      bool ellipsis = false;
      if (c == '\xE2' && startsWith(s.substr(i), "\xE2\x80\xA6")) {
        mark_len = 3;
        ellipsis = true;
      } else if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      std::size_t j = i + mark_len;
      while (j < s.size() && (s[j] == '.' || s[j] == '!' || s[j] == '?')) {
        ellipsis = ellipsis || s[j] == '.';
        ++j;
      }
      std::size_t len;
      bool quote_closed = false;
      while (j < s.size() && isClosingPunct(s, j, &len)) {
        quote_closed = quote_closed || s[j] == '"' || s[j] == '\'' || len == 3;
        j += len;
      }
      if (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])))
        continue;
      std::size_t k = j;
      while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k])))
        ++k;
      if (k < s.size() && !canStartSentence(s, k))
        continue;
      if (quote_closed && c != '.' && !ellipsis && attributionFollows(s, k))
        continue;
      if (c == '.' && !ellipsis) {
        std::size_t w = i;
        while (w > 0 && (std::isalpha(static_cast<unsigned char>(s[w - 1])) || s[w - 1] == '.'))
          --w;
        if (isAbbreviation(s.substr(w, i - w)))
          continue;
      }
      emit(j);
      start = j;
      i = j - 1;
    }
    emit(s.size());
  }
}

int Document::blockAt(std::size_t offset) const {
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), offset,
                             [](std::size_t o, const Block &b) { return o < b.span.begin; });
  if (it == blocks_.begin())
    return -1;
  --it;
  return offset < it->span.end ? static_cast<int>(it - blocks_.begin()) : -1;
}

int Document::sentenceAt(std::size_t offset) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), offset,
                             [](std::size_t o, const Sentence &s) { return o < s.span.begin; });
  if (it == sentences_.begin())
    return -1;
  --it;
  return offset < it->span.end ? static_cast<int>(it - sentences_.begin()) : -1;
}

bool Document::suppressed(Span span) const {
  return std::any_of(suppressed_.begin(), suppressed_.end(),
                     [&](const Span &s) { return s.begin <= span.begin && span.begin < s.end; });
}

std::size_t Document::lineOf(std::size_t offset) const {
  return static_cast<std::size_t>(
             std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
             line_starts_.begin()) -
         1;
}

std::size_t Document::lineStart(std::size_t line) const {
  return line < line_starts_.size() ? line_starts_[line] : text_.size();
}

} // namespace factline::analyzers
