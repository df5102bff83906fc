// QuoteSpelling: compounds joined or split, and British/American endings swapped, towards the
// record.
#include "analyzers/quote_spelling.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace factline::analyzers {
namespace {

using facts::TokenKind;

// Endings spelt one way in British and another in American English. Swapped only near the end of
// a word, where they are endings, and only into a word the record holds.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kSpellings = {{
    {"iz", "is"},
    {"is", "iz"},
    {"yz", "ys"},
    {"ys", "yz"},
    {"or", "our"},
    {"our", "or"},
    {"er", "re"},
    {"re", "er"},
    {"ense", "ence"},
    {"ence", "ense"},
    {"ll", "l"},
    {"l", "ll"},
}};
constexpr std::size_t kEndingReach = 7; // how far from a word's end an ending may start

} // namespace

std::vector<facts::Token> respellAsRecorded(const std::vector<facts::Token> &tokens,
                                            std::string_view text, const facts::QuoteIndex &index) {
  auto known = [&](std::string_view w) {
    return index.wordId(w) != facts::QuoteIndex::kUnknownWord;
  };
  std::vector<facts::Token> out;
  bool changed = false;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const facts::Token &t = tokens[k];
    if (t.kind != TokenKind::Word) {
      out.push_back(t);
      continue;
    }
    if (k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::Word) {
      const facts::Token &u = tokens[k + 1];
      const std::string joined = t.norm + "-" + u.norm;
      if (text.substr(t.end, u.begin - t.end) == " " && known(joined)) {
        out.push_back({joined, t.begin, u.end, TokenKind::Word});
        changed = true;
        ++k;
        continue;
      }
    }
    if (known(t.norm)) {
      out.push_back(t);
      continue;
    }
    const std::size_t hyphen = t.norm.find('-');
    if (hyphen != std::string::npos && t.norm.size() == t.end - t.begin) {
      std::vector<facts::Token> parts;
      for (std::size_t from = 0;;) {
        const std::size_t at = t.norm.find('-', from);
        const std::size_t to = at == std::string::npos ? t.norm.size() : at;
        if (to > from)
          parts.push_back(
              {t.norm.substr(from, to - from), t.begin + from, t.begin + to, TokenKind::Word});
        if (at == std::string::npos)
          break;
        from = at + 1;
      }
      if (parts.size() > 1 && std::all_of(parts.begin(), parts.end(),
                                          [&](const facts::Token &p) { return known(p.norm); })) {
        out.insert(out.end(), parts.begin(), parts.end());
        changed = true;
        continue;
      }
    }
    facts::Token respelt = t;
    const std::size_t reach = t.norm.size() > kEndingReach ? t.norm.size() - kEndingReach : 0;
    for (const auto &[from, to] : kSpellings) {
      for (std::size_t at = t.norm.find(from, reach); at != std::string::npos;
           at = t.norm.find(from, at + 1)) {
        std::string candidate = t.norm;
        candidate.replace(at, from.size(), to);
        if (known(candidate)) {
          respelt.norm = std::move(candidate);
          break;
        }
      }
      if (respelt.norm != t.norm)
        break;
    }
    changed = changed || respelt.norm != t.norm;
    out.push_back(std::move(respelt));
  }
  if (!changed)
    out.clear();
  return out;
}

} // namespace factline::analyzers
